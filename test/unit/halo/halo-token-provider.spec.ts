import { HaloClient } from '../../../src/halo/halo-client';
import { fakeFetch, json, SETTINGS, text, tokenReply } from './fake-fetch';

describe('HaloClient token handling', () => {
  let now = 0;
  const options = (fetch: typeof globalThis.fetch, scope?: string) => ({ fetch, now: () => now, scope });

  beforeEach(() => {
    now = Date.parse('2025-01-01T00:00:00Z');
  });

  it('asks for a client-credentials token with a form body, the tenant on the URL', async () => {
    const fake = fakeFetch([]);
    const client = new HaloClient({ ...SETTINGS, tenant: 'acme corp' }, options(fake.fetch, 'read:assets edit:assets'));

    await client.authenticate();
    const [call] = fake.calls;
    expect(call.method).toBe('POST');
    expect(call.url.href).toBe('https://acme.halopsa.test/auth/token?tenant=acme+corp');
    expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(call.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: SETTINGS.clientId,
      client_secret: SETTINGS.clientSecret,
      scope: 'read:assets edit:assets',
    });
  });

  it("answers the token's granted scopes, else the requested ones", async () => {
    const granted = fakeFetch([], [tokenReply('t', { scope: 'read:customers  edit:assets' })]);
    expect(await new HaloClient(SETTINGS, options(granted.fetch)).authenticate()).toEqual(['read:customers', 'edit:assets']);

    const silent = fakeFetch([], [tokenReply('t')]);
    expect(await new HaloClient(SETTINGS, options(silent.fetch, 'all admin')).authenticate()).toEqual(['all', 'admin']);
  });

  it('reuses the token until a minute before it expires, then renews it', async () => {
    const fake = fakeFetch([json([]), json([]), json([])]);
    const client = new HaloClient(SETTINGS, options(fake.fetch));

    await client.request('GET', '/AssetType');
    now += 3600_000 - 60_001;
    await client.request('GET', '/AssetType');
    now += 1;
    await client.request('GET', '/AssetType');

    expect(fake.apiCalls().map((call) => call.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it('renews a short-lived token at half its lifetime', async () => {
    const fake = fakeFetch([json([]), json([])], [json({ access_token: 'short', expires_in: 60 }), tokenReply('next')]);
    const client = new HaloClient(SETTINGS, options(fake.fetch));

    await client.request('GET', '/AssetType');
    now += 30_000;
    await client.request('GET', '/AssetType');

    expect(fake.apiCalls().map((call) => call.headers.authorization)).toEqual(['Bearer short', 'Bearer next']);
  });

  it('assumes an hour when expires_in is missing', async () => {
    const fake = fakeFetch([json([]), json([])], [json({ access_token: 'a' })]);
    const client = new HaloClient(SETTINGS, options(fake.fetch));

    await client.request('GET', '/AssetType');
    now += 3000_000;
    await client.request('GET', '/AssetType');
    expect(fake.calls.filter((call) => call.url.pathname.endsWith('/token'))).toHaveLength(1);
  });

  it('shares one token request between concurrent calls', async () => {
    const fake = fakeFetch([json([]), json([]), json([])]);
    const client = new HaloClient(SETTINGS, options(fake.fetch));

    await Promise.all([client.request('GET', '/A'), client.request('GET', '/B'), client.request('GET', '/C')]);
    expect(fake.calls.filter((call) => call.url.pathname.endsWith('/token'))).toHaveLength(1);
  });

  it.each([
    ['invalid_client', 401, '{"error":"invalid_client"}', "HaloPSA refused the API application's client ID or secret: invalid_client"],
    ['invalid_client', 400, '{"error":"unauthorized_client","error_description":"Wrong grant"}', "HaloPSA refused the API application's client ID or secret: unauthorized_client: Wrong grant"],
    ['invalid_client', 401, '', "HaloPSA refused the API application's client ID or secret"],
    ['invalid_scope', 400, '{"error":"invalid_scope","error_description":"Unknown scope: nope"}', 'HaloPSA refused the requested scope "all": invalid_scope: Unknown scope: nope'],
    ['bad_tenant', 401, '{"error":"invalid_client","error_description":"Unknown tenant \\"acme\\""}', 'HaloPSA refused the tenant "acme": invalid_client: Unknown tenant "acme"'],
    ['bad_tenant', 400, '{"error":"invalid_request","error_description":"This hosted instance needs ?tenant=x"}', 'HaloPSA refused the tenant "acme": invalid_request: This hosted instance needs ?tenant=x'],
  ])('maps a refused token request to %s (%i %s)', async (kind, status, body, message) => {
    const fake = fakeFetch([], [text(body, status)]);
    const client = new HaloClient({ ...SETTINGS, tenant: 'acme' }, options(fake.fetch));

    await expect(client.authenticate()).rejects.toMatchObject({ kind, status, message, retryable: false });
  });

  it('asks for the tenant when none was given and Halo wants one', async () => {
    const fake = fakeFetch([], [json({ error: 'invalid_request', error_description: 'tenant is required' }, 400)]);
    const client = new HaloClient(SETTINGS, options(fake.fetch));

    await expect(client.authenticate()).rejects.toMatchObject({
      kind: 'bad_tenant',
      message: 'HaloPSA needs the tenant name of this instance: invalid_request: tenant is required',
    });
  });

  it('maps other token failures by status', async () => {
    const down = () => text('down', 502);
    const fake = fakeFetch([], [text('Rate Limit Reached', 429, { 'retry-after': '60' }), down(), down(), down(), json({ token_type: 'Bearer' })]);
    const client = new HaloClient(SETTINGS, { ...options(fake.fetch), sleep: async () => undefined });

    await expect(client.authenticate()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
    await expect(client.authenticate()).rejects.toMatchObject({ kind: 'server', status: 502, retryable: true });
    await expect(client.authenticate()).rejects.toMatchObject({ kind: 'unexpected', message: expect.stringContaining('access_token') });
  });

  it('never puts the client secret in a token error', async () => {
    const echo = `{"error":"invalid_client","error_description":"secret ${SETTINGS.clientSecret} is wrong"}`;
    const fake = fakeFetch([], [text(echo, 401)]);
    const client = new HaloClient(SETTINGS, options(fake.fetch));

    const error: unknown = await client.authenticate().catch((caught: unknown) => caught);
    expect(String(error)).not.toContain(SETTINGS.clientSecret);
    expect(JSON.stringify(error)).not.toContain(SETTINGS.clientSecret);
    expect(JSON.stringify(error)).toContain('invalid_client');
  });
});
