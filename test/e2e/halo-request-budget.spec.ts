import { Client } from 'pg';
import { callApi } from '../support/api-client';
import { connectAndSetUp, haloRequests, resetHaloCounters } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { syncRunWaits } from '../support/sync-run-waits';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

interface BudgetView {
  instance: string;
  requestsPerWindow: number;
  windowSeconds: number;
  usedInWindow: number;
}

/** HaloPSA's rate limit, kept by the product: GET/PUT /api/v1/halopsa/request-budget, and what a used-up budget does. */
describe('the HaloPSA request budget', () => {
  let stack: ProductStack;
  let tenant: TenantFixture;

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: tenant.apiKey, body });
  const haloRequestTotal = async () => (await simulatorControl<{ requests: { total: number } }>(stack.halo.url, 'GET', '/counters')).requests.total;

  beforeAll(async () => {
    // A worker's request waits 1 s for a place, so a batch that must wait for the window is retried, as it is after 90 s by default.
    stack = await startProductStack({ companies: 2, computers: 16, env: { HALO_REQUEST_BUDGET: '240/300', WORKER_HALO_BUDGET_WAIT_MS: '1000' } });
    tenant = await createTenant(stack, administrators(stack).full.AdminID, 'Budget Tenant');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 404 until HaloPSA is connected, then the default share and every request the product sent', async () => {
    expect((await api('GET', '/api/v1/halopsa/request-budget')).status).toBe(404);
    await connectAndSetUp(stack, tenant);
    const view = await api<BudgetView>('GET', '/api/v1/halopsa/request-budget');
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ instance: `${stack.halo.url}/api`.toLowerCase(), requestsPerWindow: 240, windowSeconds: 300 });
    expect(view.body.usedInWindow).toBeGreaterThan(0);
    expect(view.body.usedInWindow).toBeGreaterThanOrEqual(await haloRequestTotal());
  });

  it('refuses a budget out of range, and keeps to the one set: past it, no request goes out and the API says when to try again', async () => {
    expect((await api('PUT', '/api/v1/halopsa/request-budget', { requestsPerWindow: 0, windowSeconds: 300 })).status).toBe(400);
    expect((await api('PUT', '/api/v1/halopsa/request-budget', { requestsPerWindow: 10, windowSeconds: 7200 })).status).toBe(400);
    const used = (await api<BudgetView>('GET', '/api/v1/halopsa/request-budget')).body.usedInWindow;
    const set = await api<BudgetView>('PUT', '/api/v1/halopsa/request-budget', { requestsPerWindow: used + 1, windowSeconds: 3600 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ requestsPerWindow: used + 1, windowSeconds: 3600 });

    const before = await haloRequestTotal();
    const check = await callApi<{ message: string }>(stack.apiUrl, 'GET', '/api/v1/halopsa/companies', { token: tenant.apiKey });
    const asAgain = await api<{ message: string }>('POST', '/api/v1/halopsa/permissions/check');
    const refused = [check, asAgain].filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(answer.body.message).toMatch(/share of this HaloPSA's rate limit is used up/);
    expect((await haloRequestTotal()) - before).toBeLessThanOrEqual(1);
  });

  it('takes a sync batch’s places for its reads and its POST together: a batch that waits for the window reads no asset twice', async () => {
    interface Run { runId: string; state: string; counts: Record<string, number>; trigger: string }
    const waits = syncRunWaits<Run>(stack, tenant.apiKey);
    await api('PUT', '/api/v1/halopsa/request-budget', { requestsPerWindow: 240, windowSeconds: 1 });
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    await api('PUT', '/api/v1/halopsa/sync/settings', { pushEvents: false, watchIntervalSeconds: 3600 });
    const server = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server')!;
    for (const { licenseType } of (await api<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types')).body) {
      await api('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: server.id });
    }
    const first = await waits.syncNow();
    expect(first.state).toBe('completed');
    const created = (await api<{ items: { items: { hid: string; action: string; outcome: string }[] } }>('GET', `/api/v1/halopsa/sync-runs/${first.runId}?pageSize=500`)).body.items.items.filter(
      (item) => item.action === 'create' && item.outcome === 'done',
    );
    const renames = created.length;
    expect(renames).toBeGreaterThanOrEqual(4);
    for (const [index, { hid }] of created.entries()) await simulatorControl(stack.console.url, 'PATCH', `/computers/${hid}`, { computerName: `BUDGET-RENAMED-${index}` });

    // Room for fewer than the batch's reads and POST, yet for some reads: one at a time, they would start, run out and be read again.
    await api('PUT', '/api/v1/halopsa/request-budget', { requestsPerWindow: 2 * renames, windowSeconds: 20 });
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      // The window as if the requests before it had come from another tool just now (the simulator itself imposes no limit).
      const instance = `${stack.halo.url}/api`.toLowerCase();
      await db.query('DELETE FROM halo_budget_requests WHERE instance = $1', [instance]);
      await db.query('INSERT INTO halo_budget_requests (instance, sent_at) SELECT $1, clock_timestamp() FROM generate_series(1, $2)', [instance, renames + 1]);
    } finally {
      await db.end();
    }
    await resetHaloCounters(stack);
    const run = await waits.syncNow(120_000);
    expect(run).toMatchObject({ state: 'completed', counts: { update: renames } });
    const assetReads = Object.entries(await haloRequests(stack)).filter(([request]) => /^GET \/api\/asset\/\d+$/.test(request));
    expect(assetReads.reduce((sum, [, count]) => sum + count, 0)).toBe(renames);
  });
});
