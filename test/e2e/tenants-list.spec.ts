import { callApi } from '../support/api-client';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

interface TenantPage {
  total: number;
  page: number;
  pageSize: number;
  items: { id: string; name: string; integration: { id: string; state: string; haloUrl: string } | null }[];
}

describe('GET /api/v1/tenants (operator token)', () => {
  let stack: ProductStack;
  let connected: TenantFixture;
  let notConnected: TenantFixture;
  let integrationId: string;

  const operator = <T>(path: string) => callApi<T>(stack.apiUrl, 'GET', path, { token: stack.operatorToken });

  beforeAll(async () => {
    stack = await startProductStack({ companies: 1, computers: 2 });
    const adminId = administrators(stack).full.AdminID;
    connected = await createTenant(stack, adminId, 'Connected MSP');
    notConnected = await createTenant(stack, adminId, 'New MSP');
    ({ integrationId } = await connectAndSetUp(stack, connected));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists every tenant, oldest first, with its integration id and state', async () => {
    const listed = await operator<TenantPage>('/api/v1/tenants');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: connected.tenantId, name: 'Connected MSP', integration: expect.objectContaining({ id: integrationId, state: 'connected', haloUrl: stack.halo.url }) }),
      expect.objectContaining({ id: notConnected.tenantId, name: 'New MSP', integration: null }),
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/sealed|password|secret/i);
  });

  it('pages', async () => {
    const second = await operator<TenantPage>('/api/v1/tenants?page=2&pageSize=1');
    expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [expect.objectContaining({ id: notConnected.tenantId })] });
  });

  it('answers 401 to an API key and 400 to a bad page size', async () => {
    expect((await callApi(stack.apiUrl, 'GET', '/api/v1/tenants', { token: connected.apiKey })).status).toBe(401);
    expect((await operator('/api/v1/tenants?pageSize=0')).status).toBe(400);
  });
});
