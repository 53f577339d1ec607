import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, control, requestToken } from '../../../simulators/halo/testing/halo-test-client';

interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  id_token: string;
}

function tokenForm(fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) };
}

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

describe('HaloPSA simulator: authentication', () => {
  let now = Date.parse('2025-01-01T00:00:00Z');
  let sim: HaloSimulator;
  let form: (extra?: Record<string, string>) => RequestInit;

  beforeAll(async () => {
    sim = await startHaloSimulator({ now: () => now });
    const { clientId, clientSecret } = sim.credentials;
    form = (extra = {}) =>
      tokenForm({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'all', ...extra });
  });
  afterAll(() => sim.close());

  it('generates random credentials when none are given', async () => {
    const other = await startHaloSimulator();
    try {
      expect(other.credentials.clientId).not.toEqual(sim.credentials.clientId);
      expect(other.credentials.clientSecret).not.toEqual(sim.credentials.clientSecret);
      expect(sim.credentials.clientSecret.length).toBeGreaterThanOrEqual(32);
    } finally {
      await other.close();
    }
  });

  it('answers anonymous discovery at /api/authinfo', async () => {
    const response = await fetch(`${sim.url}/api/authinfo`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ auth_url: `${sim.url}/auth` });
  });

  it('issues a bearer token for a form-encoded client-credentials request', async () => {
    const response = await fetch(`${sim.url}/auth/token`, form());
    expect(response.status).toBe(200);
    const body = (await response.json()) as TokenAnswer;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'all' });
    expect(body.id_token.split('.')).toHaveLength(3);
    const me = await callApi(sim, body.access_token, 'GET', '/Agent/me');
    expect(me.status).toBe(200);
  });

  it('accepts the client id and secret by HTTP Basic', async () => {
    const response = await fetch(`${sim.url}/auth/token`, {
      ...tokenForm({ grant_type: 'client_credentials', scope: 'read:assets' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(sim.credentials.clientId, sim.credentials.clientSecret),
      },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as TokenAnswer).scope).toBe('read:assets');
  });

  it('refuses a wrong client id or secret with 401 invalid_client', async () => {
    const wrongSecret = await fetch(`${sim.url}/auth/token`, form({ client_secret: 'nope' }));
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client', error_description: expect.any(String) });

    const wrongBasic = await fetch(`${sim.url}/auth/token`, {
      ...tokenForm({ grant_type: 'client_credentials' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('someone', 'else') },
    });
    expect(wrongBasic.status).toBe(401);
    expect(await wrongBasic.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses an unknown scope with 400 invalid_scope', async () => {
    const response = await fetch(`${sim.url}/auth/token`, form({ scope: 'read:assets write:everything' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_scope', error_description: expect.stringContaining('write:everything') });
  });

  it('refuses other grant types and non-form bodies', async () => {
    const password = await fetch(`${sim.url}/auth/token`, form({ grant_type: 'password' }));
    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });

    const jsonBody = await fetch(`${sim.url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(jsonBody.status).toBe(400);
    expect(await jsonBody.json()).toMatchObject({ error: 'invalid_request' });
  });

  it("grants the requested scopes intersected with the application's allowed scopes", async () => {
    await control(sim, 'PUT', '/application', { allowedScopes: 'read:customers edit:assets' });
    try {
      const narrowed = (await (await fetch(`${sim.url}/auth/token`, form({ scope: 'all' }))).json()) as TokenAnswer;
      expect(narrowed.scope).toBe('read:customers edit:assets');
      const readOnly = (await (await fetch(`${sim.url}/auth/token`, form({ scope: 'read:assets' }))).json()) as TokenAnswer;
      expect(readOnly.scope).toBe('read:assets');
      const nothing = await fetch(`${sim.url}/auth/token`, form({ scope: 'edit:tickets' }));
      expect(nothing.status).toBe(400);
      expect(await nothing.json()).toMatchObject({ error: 'invalid_scope' });
    } finally {
      await control(sim, 'PUT', '/application', { allowedScopes: ['all'] });
    }
  });

  it('answers 401 with a Message without a token or with an unknown one', async () => {
    const missing = await callApi(sim, undefined, 'GET', '/Client');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ Message: expect.stringContaining('no bearer token') });

    const unknown = await callApi(sim, 'made-up-token', 'GET', '/Client');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ Message: expect.stringContaining('unknown') });
  });

  it('expires a token after its (shortened) lifetime on the simulator clock', async () => {
    await control(sim, 'PUT', '/settings', { tokenLifetimeSeconds: 60 });
    try {
      const answer = (await (await fetch(`${sim.url}/auth/token`, form())).json()) as TokenAnswer;
      expect(answer.expires_in).toBe(60);
      now += 59_000;
      expect((await callApi(sim, answer.access_token, 'GET', '/Client')).status).toBe(200);
      now += 1_000;
      const expired = await callApi(sim, answer.access_token, 'GET', '/Client');
      expect(expired.status).toBe(401);
      expect(await expired.json()).toEqual({ Message: expect.stringContaining('expired') });
    } finally {
      await control(sim, 'PUT', '/settings', { tokenLifetimeSeconds: 3600 });
    }
  });

  it('expires every live token on demand', async () => {
    const token = await requestToken(sim);
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(200);
    expect(await control(sim, 'POST', '/tokens/expire')).toEqual({ expired: expect.any(Number) });
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(401);
    expect((await callApi(sim, await requestToken(sim), 'GET', '/Client')).status).toBe(200);
  });

  it('takes a shorter token lifetime from the options', async () => {
    const short = await startHaloSimulator({ tokenLifetimeSeconds: 5 });
    try {
      const response = await fetch(`${short.url}/auth/token`, {
        ...tokenForm({ grant_type: 'client_credentials', client_id: short.credentials.clientId, client_secret: short.credentials.clientSecret }),
      });
      expect(((await response.json()) as TokenAnswer).expires_in).toBe(5);
    } finally {
      await short.close();
    }
  });
});

describe('HaloPSA simulator: a hosted instance with a tenant', () => {
  let sim: HaloSimulator;
  let fields: Record<string, string>;

  beforeAll(async () => {
    sim = await startHaloSimulator({ tenant: 'acme', clientId: 'fixed-id', clientSecret: 'fixed-secret-for-this-test' });
    fields = { grant_type: 'client_credentials', client_id: 'fixed-id', client_secret: 'fixed-secret-for-this-test', scope: 'all' };
  });
  afterAll(() => sim.close());

  it('names the tenant in /api/authinfo', async () => {
    expect(await (await fetch(`${sim.url}/api/authinfo`)).json()).toEqual({ auth_url: `${sim.url}/auth`, tenant_id: 'acme' });
  });

  it('requires ?tenant= on the token URL', async () => {
    const missing = await fetch(`${sim.url}/auth/token`, tokenForm(fields));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('tenant') });

    const wrong = await fetch(`${sim.url}/auth/token?tenant=globex`, tokenForm(fields));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client', error_description: expect.stringContaining('globex') });

    const right = await fetch(`${sim.url}/auth/token?tenant=acme`, tokenForm(fields));
    expect(right.status).toBe(200);
  });

  it('works with the test client, which adds the tenant', async () => {
    const token = await requestToken(sim);
    expect((await callApi(sim, token, 'GET', '/Agent/me')).status).toBe(200);
  });
});
