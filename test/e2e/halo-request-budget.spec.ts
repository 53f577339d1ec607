import { callApi } from '../support/api-client';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
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
  const haloRequests = async () => (await simulatorControl<{ requests: { total: number } }>(stack.halo.url, 'GET', '/counters')).requests.total;

  beforeAll(async () => {
    stack = await startProductStack({ companies: 2, computers: 6, env: { HALO_REQUEST_BUDGET: '240/300' } });
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
    expect(view.body.usedInWindow).toBeGreaterThanOrEqual(await haloRequests());
  });

  it('refuses a budget out of range, and keeps to the one set: past it, no request goes out and the API says when to try again', async () => {
    expect((await api('PUT', '/api/v1/halopsa/request-budget', { requestsPerWindow: 0, windowSeconds: 300 })).status).toBe(400);
    expect((await api('PUT', '/api/v1/halopsa/request-budget', { requestsPerWindow: 10, windowSeconds: 7200 })).status).toBe(400);
    const used = (await api<BudgetView>('GET', '/api/v1/halopsa/request-budget')).body.usedInWindow;
    const set = await api<BudgetView>('PUT', '/api/v1/halopsa/request-budget', { requestsPerWindow: used + 1, windowSeconds: 3600 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ requestsPerWindow: used + 1, windowSeconds: 3600 });

    const before = await haloRequests();
    const check = await callApi<{ message: string }>(stack.apiUrl, 'GET', '/api/v1/halopsa/companies', { token: tenant.apiKey });
    const asAgain = await api<{ message: string }>('POST', '/api/v1/halopsa/permissions/check');
    const refused = [check, asAgain].filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(answer.body.message).toMatch(/share of this HaloPSA's rate limit is used up/);
    expect((await haloRequests()) - before).toBeLessThanOrEqual(1);
  });
});
