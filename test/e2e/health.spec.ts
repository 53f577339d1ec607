import { TestWorkflowEnvironment } from '@temporalio/testing';
import { freePort } from '../../dev/free-port';
import { ensureDatabase } from '../../dev/postgres';
import { waitFor } from '../../dev/wait-for';
import { runMigrations } from '../../src/persistence/migrate';
import { EmbeddedPostgres } from '../../dev/embedded-postgres';
import { startOwnPostgres } from '../support/embedded-postgres-server';
import { productSecretsEnv } from '../support/product-env';
import { ProductProcess, startProductProcess } from '../support/product-process';
import { startTemporalTestEnv } from '../support/temporal-test-env';

interface Health {
  status: string;
  postgres: { status: string; error?: string };
  temporal: { status: string; error?: string };
}

describe('GET /health follows PostgreSQL and Temporal', () => {
  let postgres: EmbeddedPostgres;
  let destroyPostgres: () => Promise<void>;
  let temporal: TestWorkflowEnvironment | undefined;
  let temporalPort: number;
  let api: ProductProcess;
  let apiUrl: string;

  async function healthIs(code: number, check: (body: Health) => boolean = () => true): Promise<Health> {
    let last: Health | undefined;
    await waitFor(
      `GET /health to answer ${code}`,
      async () => {
        const response = await fetch(`${apiUrl}/health`);
        last = (await response.json()) as Health;
        return response.status === code && check(last);
      },
      30_000,
      250,
    );
    return last as Health;
  }

  beforeAll(async () => {
    ({ server: postgres, destroy: destroyPostgres } = await startOwnPostgres());
    const databaseUrl = await ensureDatabase(postgres.adminUrl, 'health_check');
    await runMigrations(databaseUrl);
    temporalPort = await freePort();
    temporal = await startTemporalTestEnv({ port: temporalPort });
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    api = startProductProcess('api', { ...productSecretsEnv(), DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`, PORT: String(port) });
    await api.waitForOutput(/API listening/);
  });

  afterAll(async () => {
    await api?.stop();
    await temporal?.teardown();
    await destroyPostgres?.();
  });

  it('answers 200 when both are up', async () => {
    const body = await healthIs(200);
    expect(body).toMatchObject({ status: 'ok', postgres: { status: 'up' }, temporal: { status: 'up' } });
  });

  it('answers 503 naming Temporal while it is stopped, and 200 once it is back', async () => {
    await temporal?.teardown();
    temporal = undefined;
    const down = await healthIs(503);
    expect(down).toMatchObject({ status: 'unavailable', postgres: { status: 'up' }, temporal: { status: 'down' } });
    expect(down.temporal.error).toEqual(expect.any(String));

    temporal = await startTemporalTestEnv({ port: temporalPort });
    await healthIs(200, (body) => body.temporal.status === 'up');
  });

  it('answers 503 naming PostgreSQL while it is stopped, and 200 once it is back', async () => {
    await postgres.stop();
    const down = await healthIs(503);
    expect(down).toMatchObject({ status: 'unavailable', postgres: { status: 'down' }, temporal: { status: 'up' } });

    await postgres.start();
    await healthIs(200, (body) => body.postgres.status === 'up');
  });

  it('drains and exits 0 on SIGTERM', async () => {
    expect(await api.stop('SIGTERM')).toBe(0);
    expect(api.output()).toMatch(/API stopped/);
  });
});
