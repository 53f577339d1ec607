import { waitFor } from '../../dev/wait-for';
import { callApi } from '../support/api-client';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { administrators, createApiKey } from '../support/tenant-fixture';

/**
 * "Connect to computer" leads to the tenant's web console, which is not its API address: the
 * tenant's web URL here is the HaloPSA simulator's (another allowed host), its API the Console simulator.
 */
describe('Connect redirects to the web console address (consoleWebUrl)', () => {
  let stack: ProductStack;
  let tenantId: string;
  let apiKey: string;
  let connectUrl: string;
  let hid: string;

  const operator = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: stack.operatorToken, body });
  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: apiKey, body });
  const tenantBody = (extra: Record<string, unknown>) => ({
    name: 'Web MSP',
    consoleUrl: stack.console.url,
    consoleLogin: stack.console.credentials.login,
    consolePassword: stack.console.credentials.password,
    ...extra,
  });

  beforeAll(async () => {
    stack = await startProductStack({ companies: 3, computers: 12 });
    const created = await operator<{ id: string; consoleUrl: string; consoleWebUrl: string }>('POST', '/api/v1/tenants', tenantBody({ consoleWebUrl: `${stack.halo.url}/` }));
    if (created.status !== 201) throw new Error(`tenant creation answered ${created.status}: ${JSON.stringify(created.body)}`);
    expect(created.body).toMatchObject({ consoleUrl: stack.console.url, consoleWebUrl: stack.halo.url });
    tenantId = created.body.id;
    apiKey = await createApiKey(stack, tenantId, administrators(stack).full.AdminID);
    await connectAndSetUp(stack, { tenantId, apiKey, consoleEvents: { url: '', secret: '' } });
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    const assetType = stack.halo.state.assetTypes.all()[0];
    const candidates = (await api<{ items: { hid: string; hasRmmAgent: boolean }[] }>('GET', '/api/v1/halopsa/computers?state=unlinked&pageSize=500')).body.items;
    hid = candidates.find((c) => c.hasRmmAgent)!.hid;
    const exported = await api<{ run?: { exportRunId: string } }>('POST', '/api/v1/halopsa/computers/export', { hids: [hid], assetTypeId: assetType.id });
    const runId = exported.body.run?.exportRunId;
    if (!runId) throw new Error(`export answered ${exported.status}: ${JSON.stringify(exported.body)}`);
    await waitFor('the export to finish', async () => (await api<{ state: string }>('GET', `/api/v1/halopsa/computers/exports/${runId}`)).body.state !== 'running', 60_000, 250);
    const linked = (await api<{ items: { hid: string; haloAssetId: number | null }[] }>('GET', '/api/v1/halopsa/computers?state=linked')).body.items;
    const assetId = linked.find((c) => c.hid === hid)!.haloAssetId!;
    connectUrl = stack.halo.state.customButtons.all().find((b) => b.name === 'ConsoleConnectToComputer')!.url!.replace('{$ID}', String(assetId));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('redirects to the web console address given when the tenant was created, not to the API URL', async () => {
    const redirect = await fetch(connectUrl, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`${stack.halo.url}/connect/web?hid=${encodeURIComponent(hid)}`);
  });

  it('follows a changed web console address (PATCH /api/v1/tenants/{id}, operator token)', async () => {
    const changed = await operator<{ consoleWebUrl: string }>('PATCH', `/api/v1/tenants/${tenantId}`, { consoleWebUrl: stack.console.url });
    expect(changed).toEqual({ status: 200, body: expect.objectContaining({ id: tenantId, consoleUrl: stack.console.url, consoleWebUrl: stack.console.url }) });
    const redirect = await fetch(connectUrl, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe(`${stack.console.url}/connect/web?hid=${encodeURIComponent(hid)}`);
    expect((await fetch(redirect.headers.get('location')!)).status).toBe(200);
  });

  it.each([
    ['plain http to a host not allowed', 'http://console.example.com', /https/i],
    ['a private address', 'https://10.1.2.3', /private|public/i],
    ['a query string', 'https://console.example.com/?next=1', /query/i],
    ['a non-URL', 'not a url', /URL/],
  ])('refuses %s as the web console address with a 400, on create and on change', async (_name, consoleWebUrl, message) => {
    const created = await operator<{ message: unknown }>('POST', '/api/v1/tenants', tenantBody({ consoleWebUrl }));
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body.message)).toMatch(message);
    const changed = await operator<{ message: unknown }>('PATCH', `/api/v1/tenants/${tenantId}`, { consoleWebUrl });
    expect(changed.status).toBe(400);
    expect(JSON.stringify(changed.body.message)).toMatch(message);
  });

  it('answers 404 for an unknown tenant, 401 without the operator token, and 400 for an unknown field', async () => {
    expect((await operator('PATCH', '/api/v1/tenants/00000000-0000-4000-8000-000000000000', { consoleWebUrl: stack.console.url })).status).toBe(404);
    expect((await callApi(stack.apiUrl, 'PATCH', `/api/v1/tenants/${tenantId}`, { token: apiKey, body: { consoleWebUrl: stack.console.url } })).status).toBe(401);
    expect((await operator('PATCH', `/api/v1/tenants/${tenantId}`, { consoleUrl: 'https://elsewhere.example.com' })).status).toBe(400);
  });
});
