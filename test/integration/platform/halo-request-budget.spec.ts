import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { SharedConfig } from '../../../src/config/app-config';
import { HaloError } from '../../../src/halo/halo-errors';
import { haloInstanceOf, HaloRequestBudget } from '../../../src/integrations/request-budget/halo-request-budget';
import { dataSourceOptions } from '../../../src/persistence/data-source-options';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/** HALO_REQUEST_BUDGET's default: 80 % of HaloPSA's 300 requests per rolling 5 minutes. */
const DEFAULT_HALO_BUDGET = { requestsPerWindow: 240, windowSeconds: 300 };
const config = new ConfigService<SharedConfig, true>({ halo: { writeBatchSize: 100, defaultRequestBudget: DEFAULT_HALO_BUDGET } });

/** Two DataSources on one database stand for two processes (API and worker, or two workers). */
describe('HaloRequestBudget (PostgreSQL)', () => {
  let database: TestDatabase;
  let processA: DataSource;
  let processB: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    [processA, processB] = await Promise.all([new DataSource(dataSourceOptions(database.url)).initialize(), new DataSource(dataSourceOptions(database.url)).initialize()]);
  });

  afterAll(async () => {
    await Promise.all([processA?.destroy(), processB?.destroy()]);
    await database?.drop();
  });

  const sentIn = async (instance: string) =>
    Number((await processA.query('SELECT count(*) AS n FROM halo_budget_requests WHERE instance = $1', [instance]))[0].n);

  it('keeps 80 % of HaloPSA’s 300 requests per 5 minutes unless set otherwise, per instance', async () => {
    const budget = new HaloRequestBudget(processA, config, 0);
    const instance = haloInstanceOf('https://msp.halopsa.com/api/');
    expect(instance).toBe(haloInstanceOf('HTTPS://MSP.HaloPSA.com/api'));
    expect(await budget.budgetOf(instance)).toEqual(DEFAULT_HALO_BUDGET);
    expect(await budget.setBudget(instance, { requestsPerWindow: 100, windowSeconds: 300 })).toEqual({ requestsPerWindow: 100, windowSeconds: 300 });
    expect(await budget.budgetOf(haloInstanceOf('https://other.halopsa.com/api'))).toEqual(DEFAULT_HALO_BUDGET);
  });

  it('lets out no more than the budget across processes, however many ask at once', async () => {
    const instance = 'https://shared.example/api';
    const a = new HaloRequestBudget(processA, config, 0);
    const b = new HaloRequestBudget(processB, config, 0);
    await a.setBudget(instance, { requestsPerWindow: 5, windowSeconds: 300 });
    const outcomes = await Promise.allSettled(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).take(instance)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as HaloError] : []));
    expect(refusals).toHaveLength(11);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(HaloError);
      expect(refusal.kind).toBe('rate_limited');
      expect(refusal.retryAfterMs).toBeGreaterThan(0);
      expect(refusal.retryAfterMs).toBeLessThanOrEqual(300_000);
    }
    expect(await sentIn(instance)).toBe(5);
    await expect(a.take('https://another.example/api')).resolves.toBeUndefined();
  });

  it('waits for the oldest request to leave the window, then lets the next one out', async () => {
    const instance = 'https://window.example/api';
    const waiting = new HaloRequestBudget(processB, config, 10_000);
    await waiting.setBudget(instance, { requestsPerWindow: 2, windowSeconds: 1 });
    await waiting.take(instance);
    await waiting.take(instance);
    await waiting.take(instance);
    expect(await sentIn(instance)).toBeLessThanOrEqual(2);
  });

  describe('places taken together for a batch', () => {
    const reservedIn = async (instance: string) =>
      Number((await processA.query('SELECT count(*) AS n FROM halo_budget_requests WHERE instance = $1 AND reservation IS NOT NULL', [instance]))[0].n);

    it('takes them before the body runs; its requests spend them, then take their own; unspent ones are given back', async () => {
      const instance = 'https://reserve.example/api';
      const budget = new HaloRequestBudget(processA, config, 0);
      const inBody: number[] = [];
      await budget.withReserved(instance, 3, async () => {
        inBody.push(await sentIn(instance));
        await Promise.all([budget.take(instance), budget.take(instance)]);
        inBody.push(await sentIn(instance));
      });
      expect(inBody).toEqual([3, 3]);
      expect(await sentIn(instance)).toBe(2);
      await budget.withReserved(instance, 2, async () => {
        for (let i = 0; i < 4; i++) await budget.take(instance);
        await budget.take('https://elsewhere.example/api');
      });
      expect(await sentIn(instance)).toBe(6);
      expect(await sentIn('https://elsewhere.example/api')).toBe(1);
      expect(await reservedIn(instance)).toBe(0);
    });

    it('does not begin a batch the window has no room for: nothing is taken and the refusal says when there will be', async () => {
      const instance = 'https://full.example/api';
      const other = new HaloRequestBudget(processB, config, 0);
      await other.setBudget(instance, { requestsPerWindow: 5, windowSeconds: 300 });
      for (let i = 0; i < 3; i++) await other.take(instance);
      const budget = new HaloRequestBudget(processA, config, 0);
      const body = jest.fn(async () => undefined);
      const refusal = (await budget.withReserved(instance, 3, body).catch((error: unknown) => error)) as HaloError;
      expect(refusal).toBeInstanceOf(HaloError);
      expect(refusal.kind).toBe('rate_limited');
      expect(refusal.retryAfterMs).toBeGreaterThan(290_000);
      expect(body).not.toHaveBeenCalled();
      expect(await sentIn(instance)).toBe(3);
      await budget.withReserved(instance, 2, body);
      expect(body).toHaveBeenCalledTimes(1);
      expect(await sentIn(instance)).toBe(3);
    });

    it('waits until the window has room for all of them, takes no more than the window, and dates the spent ones at the end', async () => {
      const instance = 'https://wait.example/api';
      const budget = new HaloRequestBudget(processA, config, 10_000);
      await budget.setBudget(instance, { requestsPerWindow: 3, windowSeconds: 1 });
      await budget.take(instance);
      await budget.take(instance);
      let bodyEnded = '';
      await budget.withReserved(instance, 10, async () => {
        expect(await reservedIn(instance)).toBe(3);
        for (let i = 0; i < 3; i++) await budget.take(instance);
        [{ now: bodyEnded }] = await processA.query('SELECT clock_timestamp()::text AS now');
      });
      const [{ datedAfter }] = await processA.query('SELECT count(*)::int AS "datedAfter" FROM halo_budget_requests WHERE instance = $1 AND sent_at >= $2::timestamptz', [instance, bodyEnded]);
      expect(await sentIn(instance)).toBe(3);
      expect(datedAfter).toBe(3);
      expect(await reservedIn(instance)).toBe(0);
    });
  });
});
