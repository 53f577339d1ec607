import { callApi } from '../support/api-client';
import { ProductStack, startProductStack } from '../support/product-stack';
import { callWithSession, SettingsSession, signInToSettings } from '../support/settings-page-session';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

/**
 * The settings page's sign-in and the API behind it: an API key traded for an HttpOnly session
 * cookie; every change needs the session's CSRF token; a session sees only its own tenant; no
 * secret reaches a page or an answer.
 */
describe('the settings page session', () => {
  let stack: ProductStack;
  let acme: TenantFixture;
  let beta: TenantFixture;
  let acmeSession: SettingsSession;
  let betaSession: SettingsSession;
  const everyAnswer: string[] = [];

  /** `csrfToken`: the session's unless given; null sends none. */
  const asAcme = async (method: string, path: string, body?: unknown, csrfToken?: string | null) => {
    const answer = await callWithSession(stack.apiUrl, { cookie: acmeSession.cookie, csrfToken: csrfToken === null ? undefined : (csrfToken ?? acmeSession.csrfToken) }, method, path, body);
    everyAnswer.push(answer.text);
    return answer;
  };
  const connection = () => ({ haloUrl: stack.halo.url, clientId: stack.halo.state.credentials.clientId, clientSecret: stack.halo.state.credentials.clientSecret });

  beforeAll(async () => {
    stack = await startProductStack({ companies: 2, computers: 4 });
    acme = await createTenant(stack, administrators(stack).full.AdminID);
    beta = await createTenant(stack, administrators(stack).full.AdminID, 'Beta MSP');
    const signedIn = await signInToSettings(stack.apiUrl, acme.apiKey);
    acmeSession = signedIn.session as SettingsSession;
    betaSession = (await signInToSettings(stack.apiUrl, beta.apiKey)).session as SettingsSession;
    everyAnswer.push(JSON.stringify(signedIn.body));
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('trades an API key for an HttpOnly, SameSite=Strict cookie on / that holds no key, and answers only the CSRF token and tenant', () => {
    expect(acmeSession.setCookie).toMatch(/; HttpOnly/);
    expect(acmeSession.setCookie).toMatch(/; SameSite=Strict/);
    expect(acmeSession.setCookie).toMatch(/; Path=\/;|; Path=\/$/);
    expect(acmeSession.setCookie).not.toMatch(/; Secure/); // the stack's PUBLIC_BASE_URL is http://
    expect(acmeSession.setCookie).not.toContain(acme.apiKey);
  });

  it('refuses the operator token, a wrong key and an empty body at sign-in', async () => {
    for (const apiKey of [stack.operatorToken, `${acme.apiKey.slice(0, -2)}xx`, '']) {
      const answer = await signInToSettings(stack.apiUrl, apiKey);
      expect({ status: answer.status, session: answer.session }).toEqual({ status: 401, session: undefined });
      expect(JSON.stringify(answer.body)).toContain('API key');
    }
    const operatorAsBearer = await callApi(stack.apiUrl, 'GET', '/settings/session', { token: stack.operatorToken });
    expect(operatorAsBearer.status).toBe(401);
  });

  it('shows nothing without a session: the session and every API route answer 401, a forged cookie too', async () => {
    for (const cookie of ['', 'settings_session=v1.k1.AAAA.BBBB.CCCC', `settings_session=${acme.apiKey}`]) {
      for (const path of ['/settings/session', '/api/v1/halopsa', '/api/v1/halopsa/companies']) {
        expect({ path, cookie, status: (await callWithSession(stack.apiUrl, { cookie }, 'GET', path)).status }).toEqual({ path, cookie, status: 401 });
      }
    }
  });

  it('serves the page with a Content-Security-Policy that allows no inline script, and never from a cache', async () => {
    const page = await callWithSession(stack.apiUrl, { cookie: '' }, 'GET', '/settings');
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect((await callWithSession(stack.apiUrl, { cookie: '' }, 'GET', '/settings/assets/app.js')).status).toBe(200);
    expect((await callWithSession(stack.apiUrl, { cookie: '' }, 'GET', '/settings/assets/..%2f..%2fpackage.json')).status).toBe(404);
  });

  it('refuses every change without the CSRF token, or with another session\'s, and changes nothing', async () => {
    for (const csrfToken of [null, betaSession.csrfToken, 'x'.repeat(43)]) {
      const answer = await asAcme('PUT', '/api/v1/halopsa/connection', connection(), csrfToken);
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).toContain('CSRF');
      expect((await asAcme('POST', '/api/v1/halopsa/permissions/check', undefined, csrfToken)).status).toBe(403);
    }
    expect(((await asAcme('GET', '/api/v1/halopsa')).body as { state: string }).state).toBe('not-connected');
  });

  it('with the CSRF token, the session changes what the API key may change', async () => {
    expect((await asAcme('PUT', '/api/v1/halopsa/connection', connection())).status).toBe(202);
    expect(((await asAcme('GET', '/api/v1/halopsa')).body as { state: string }).state).not.toBe('not-connected');
  });

  it("a session of tenant B sees nothing of tenant A's", async () => {
    const status = await callWithSession(stack.apiUrl, betaSession, 'GET', '/api/v1/halopsa');
    everyAnswer.push(status.text);
    expect((status.body as { state: string }).state).toBe('not-connected');
    expect(status.text).not.toContain(stack.halo.state.credentials.clientId);
    expect(status.text).not.toContain(acme.tenantId);
  });

  it('never shows a secret: not the Client Secret, the API key nor the operator token, in any answer or page asset', async () => {
    for (const asset of ['/settings', '/settings/assets/app.js', '/settings/assets/authentication-tab.js', '/settings/assets/settings.css']) {
      everyAnswer.push((await asAcme('GET', asset)).text);
    }
    everyAnswer.push((await asAcme('GET', '/settings/session')).text);
    const secrets = [stack.halo.state.credentials.clientSecret, acme.apiKey, beta.apiKey, stack.operatorToken, ...stack.secrets];
    for (const secret of secrets) expect(everyAnswer.filter((text) => text.includes(secret))).toEqual([]);
  });

  it('a one-time sign-in link, asked for with the API key, opens one session and then only leads to the sign-in form', async () => {
    expect((await callApi(stack.apiUrl, 'POST', '/settings/sign-in-links', { token: stack.operatorToken })).status).toBe(401);
    const link = await callApi<{ url: string; expiresAt: string }>(stack.apiUrl, 'POST', '/settings/sign-in-links', { token: acme.apiKey });
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(new RegExp(`^${stack.apiUrl}/settings/sign-in/[A-Za-z0-9_-]{43}$`));
    everyAnswer.push(JSON.stringify(link.body));

    const used = await fetch(link.body.url, { redirect: 'manual' });
    expect({ status: used.status, location: used.headers.get('location') }).toEqual({ status: 303, location: '/settings' });
    const cookie = (used.headers.getSetCookie().find((c) => c.startsWith('settings_session=')) ?? '').split(';')[0];
    const status = await callWithSession<{ state: string }>(stack.apiUrl, { cookie }, 'GET', '/api/v1/halopsa');
    expect(status.status).toBe(200);

    const again = await fetch(link.body.url, { redirect: 'manual' });
    expect({ status: again.status, location: again.headers.get('location'), cookies: again.headers.getSetCookie() }).toEqual({ status: 303, location: '/settings?link=spent', cookies: [] });
    const unknown = await fetch(`${stack.apiUrl}/settings/sign-in/${'A'.repeat(43)}`, { redirect: 'manual' });
    expect(unknown.headers.get('location')).toBe('/settings?link=spent');
  });

  it('signs out only with the CSRF token; the browser is told to drop the cookie', async () => {
    expect((await asAcme('POST', '/settings/session/sign-out', undefined, null)).status).toBe(403);
    const signedOut = await asAcme('POST', '/settings/session/sign-out');
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.getSetCookie().find((c) => c.startsWith('settings_session='))).toMatch(/Expires=Thu, 01 Jan 1970/);
  });
});
