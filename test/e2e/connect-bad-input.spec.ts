import { callApi } from '../support/api-client';
import { tableCount } from '../support/table-count';
import { startProductStack, ProductStack } from '../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

describe('bad input and access on the HaloPSA endpoints', () => {
  let stack: ProductStack;
  let acme: TenantFixture;
  let other: TenantFixture;
  let limited: TenantFixture;

  const good = () => ({ haloUrl: stack.halo.url, clientId: 'client', clientSecret: 'secret' });

  const integrationRows = () => tableCount(stack.database.url, 'integrations');

  beforeAll(async () => {
    stack = await startProductStack();
    const admins = administrators(stack);
    acme = await createTenant(stack, admins.full.AdminID);
    other = await createTenant(stack, admins.full.AdminID, 'Other MSP');
    limited = await createTenant(stack, admins.withoutPsa.AdminID, 'Limited');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it.each([
    ['malformed JSON', { rawBody: '{"haloUrl": ' }, /JSON|Unexpected|Expected/i],
    ['an unknown field', { body: { ...{ haloUrl: 'https://acme.halopsa.com', clientId: 'a', clientSecret: 'b' }, colour: 'blue' } }, /colour should not exist/],
    ['a missing client id', { body: { haloUrl: 'https://acme.halopsa.com', clientSecret: 'b' } }, /clientId/],
    ['an oversized secret', { body: { haloUrl: 'https://acme.halopsa.com', clientId: 'a', clientSecret: 'x'.repeat(501) } }, /clientSecret/],
    ['a non-URL', { body: { haloUrl: 'not a url', clientId: 'a', clientSecret: 'b' } }, /URL/i],
    ['plain http', { body: { haloUrl: 'http://acme.halopsa.com', clientId: 'a', clientSecret: 'b' } }, /https/i],
    ['a private address', { body: { haloUrl: 'https://10.1.2.3', clientId: 'a', clientSecret: 'b' } }, /private|not allowed|public/i],
    ['the metadata address', { body: { haloUrl: 'https://169.254.169.254', clientId: 'a', clientSecret: 'b' } }, /link-local|not allowed|public/i],
    ['a bad tenant name', { body: { haloUrl: 'https://acme.halopsa.com', tenant: 'a b', clientId: 'a', clientSecret: 'b' } }, /tenant/],
  ])('refuses %s with a 400 that says what to fix, and stores nothing', async (_, request, message) => {
    const answer = await callApi<{ message: string | string[] }>(stack.apiUrl, 'PUT', '/api/v1/halopsa/connection', { token: acme.apiKey, ...request });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body.message)).toMatch(message);
    expect(await integrationRows()).toBe(0);
  });

  it('refuses a missing or wrong API key with 401', async () => {
    expect((await callApi(stack.apiUrl, 'GET', '/api/v1/halopsa')).status).toBe(401);
    expect((await callApi(stack.apiUrl, 'GET', '/api/v1/halopsa', { token: 'hpk_deadbeef_nope' })).status).toBe(401);
    expect((await callApi(stack.apiUrl, 'PUT', '/api/v1/halopsa/connection', { token: 'garbage', body: good() })).status).toBe(401);
    expect((await callApi(stack.apiUrl, 'POST', '/api/v1/tenants', { token: acme.apiKey, body: {} })).status).toBe(401);
  });

  it('refuses a Console administrator without the PSA integration permission, naming it', async () => {
    const answer = await callApi<{ message: string }>(stack.apiUrl, 'PUT', '/api/v1/halopsa/connection', { token: limited.apiKey, body: good() });
    expect(answer.status).toBe(403);
    expect(answer.body.message).toMatch(/PSA integration/);
    expect(await integrationRows()).toBe(0);
  });

  it("keeps tenants apart: another tenant's key never sees or changes this tenant's integration", async () => {
    const connected = await callApi<{ integrationId: string }>(stack.apiUrl, 'PUT', '/api/v1/halopsa/connection', { token: acme.apiKey, body: good() });
    expect(connected.status).toBe(202);
    const seenByOther = await callApi<{ state: string }>(stack.apiUrl, 'GET', '/api/v1/halopsa', { token: other.apiKey });
    expect(seenByOther.body.state).toBe('not-connected');
    expect((await callApi(stack.apiUrl, 'POST', '/api/v1/halopsa/permissions/check', { token: other.apiKey })).status).toBe(404);
    expect(JSON.stringify(seenByOther.body)).not.toContain(connected.body.integrationId);
  });

  it('refuses tenant creation with wrong Console credentials, and API keys for unknown administrators', async () => {
    const tenant = await callApi<{ message: string }>(stack.apiUrl, 'POST', '/api/v1/tenants', {
      token: stack.operatorToken,
      body: { name: 'Wrong', consoleUrl: stack.console.url, consoleLogin: stack.console.credentials.login, consolePassword: 'wrong-password' },
    });
    expect(tenant.status).toBe(422);
    expect(tenant.body.message).toMatch(/refused the API login and password/);
    expect(tenant.body.message).not.toContain('wrong-password');

    const key = await callApi<{ message: string }>(stack.apiUrl, 'POST', `/api/v1/tenants/${acme.tenantId}/api-keys`, {
      token: stack.operatorToken,
      body: { consoleAdministratorId: 'no-such-admin' },
    });
    expect(key.status).toBe(400);
    expect(key.body.message).toMatch(/consoleAdministratorId/);
  });
});
