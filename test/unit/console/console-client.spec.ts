import { inspect } from 'node:util';
import { normaliseComputerId } from '../../../src/console/computer-id';
import { ConsoleClient } from '../../../src/console/console-client';
import { CONSOLE_COMPUTERS_PAGE_SIZE } from '../../../src/console/console-computer-pages';
import { ConsoleClientOptions, FetchLike } from '../../../src/console/console-session';
import { visibleCompanyNames } from '../../../src/console/administrator-permissions';
import { ConsoleError } from '../../../src/console/console-errors';
import { UrlPolicy, UrlPolicyError } from '../../../src/security/url-policy';

const PASSWORD = 'Pa55-w0rd-that-must-never-show';
const BASE = 'https://console.example.com/';

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  redirect?: RequestInit['redirect'];
}

type Handler = (req: Recorded, n: number) => Response | Promise<Response>;

/** A fake `fetch` that records requests and answers with `handler` (login answered unless the handler does). */
function fakeConsole(handler: Handler, options: { tokens?: string[]; expiresIn?: number } = {}) {
  const requests: Recorded[] = [];
  let logins = 0;
  const fetch: FetchLike = async (input, init) => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const req: Recorded = { method: init.method ?? 'GET', url: input, headers, body: init.body as string | undefined, redirect: init.redirect };
    requests.push(req);
    const response = await handler(req, requests.length);
    if (response.status === 599 && new URL(input).pathname.endsWith('/api/Provider/Login')) {
      const token = options.tokens?.[logins] ?? `token-${logins + 1}`;
      logins++;
      return json(200, { access_token: token, token_type: 'bearer', expires_in: options.expiresIn ?? 1209599 });
    }
    return response;
  };
  return { fetch, requests, logins: () => logins, api: () => requests.filter((r) => !r.url.endsWith('/api/Provider/Login')) };
}

/** Tells the fake to answer the login with its default token. */
const LOGIN = (): Response => new Response(null, { status: 599 });

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

function client(fetch: FetchLike, options: Omit<ConsoleClientOptions, 'fetch'> = {}): ConsoleClient {
  return new ConsoleClient({ baseUrl: BASE, login: 'api-user', password: PASSWORD }, { fetch, ...options });
}

function isLogin(req: Recorded): boolean {
  return new URL(req.url).pathname.endsWith('/api/Provider/Login');
}

async function errorOf(promise: Promise<unknown>): Promise<ConsoleError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConsoleError);
  const consoleError = error as ConsoleError;
  expect(`${consoleError.message} ${JSON.stringify(consoleError)} ${inspect(consoleError)}`).not.toContain(PASSWORD);
  return consoleError;
}

function computer(i: number): Record<string, unknown> {
  return { ComputerHID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, ComputerName: `PC-${i}`, CompanyName: 'Acme', UserID: 'u1', HasBackupApp: true, Apps: [] };
}

describe('ConsoleClient: login and token', () => {
  it('logs in with JSON {UserName, Password} and sends the bearer token and Accept on every call', async () => {
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, [])));
    const sut = client(fake.fetch);
    await sut.listCompanies();
    const [login, call] = fake.requests;
    expect(login.method).toBe('POST');
    expect(login.url).toBe('https://console.example.com/api/Provider/Login');
    expect(login.headers['content-type']).toBe('application/json');
    expect(login.headers.accept).toBe('application/json');
    expect(JSON.parse(login.body ?? '')).toEqual({ UserName: 'api-user', Password: PASSWORD });
    expect(call.url).toBe('https://console.example.com/api/Companies');
    expect(call.headers.authorization).toBe('Bearer token-1');
    expect(call.headers.accept).toBe('application/json');
    expect(fake.requests.every((r) => r.redirect === 'manual')).toBe(true);
  });

  it('keeps a base path prefix', async () => {
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, [])));
    const sut = new ConsoleClient({ baseUrl: ' https://gateway.example.com/mbs/ ', login: 'l', password: PASSWORD }, { fetch: fake.fetch });
    await sut.listLicenses();
    expect(fake.requests.map((r) => r.url)).toEqual(['https://gateway.example.com/mbs/api/Provider/Login', 'https://gateway.example.com/mbs/api/Licenses']);
  });

  it('reuses the token until shortly before it expires, then logs in again', async () => {
    let now = new Date('2025-06-02T09:00:00Z');
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, [])), { expiresIn: 1000 });
    const sut = client(fake.fetch, { now: () => now });
    await sut.listCompanies();
    now = new Date(now.getTime() + 899_000); // lifetime 1000 s, renewed 10% (100 s) early
    await sut.listCompanies();
    expect(fake.logins()).toBe(1);
    now = new Date(now.getTime() + 2_000);
    await sut.listCompanies();
    expect(fake.logins()).toBe(2);
    expect(fake.api().map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it('renews long-lived tokens at most 5 minutes early', async () => {
    let now = new Date('2025-06-02T09:00:00Z');
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, [])), { expiresIn: 1209599 });
    const sut = client(fake.fetch, { now: () => now });
    await sut.listCompanies();
    now = new Date(now.getTime() + (1209599 - 301) * 1000);
    await sut.listCompanies();
    expect(fake.logins()).toBe(1);
    now = new Date(now.getTime() + 2000);
    await sut.listCompanies();
    expect(fake.logins()).toBe(2);
  });

  it('shares one login between concurrent calls', async () => {
    const fake = fakeConsole(async (req) => {
      if (isLogin(req)) await new Promise((resolve) => setTimeout(resolve, 20));
      return isLogin(req) ? LOGIN() : json(200, []);
    });
    const sut = client(fake.fetch);
    await Promise.all([sut.listCompanies(), sut.listLicenses(), sut.listAdministrators(), sut.listMonitoring()]);
    expect(fake.logins()).toBe(1);
  });

  it('logs in again once after a 401 and repeats the call', async () => {
    const fake = fakeConsole((req) => {
      if (isLogin(req)) return LOGIN();
      return req.headers.authorization === 'Bearer token-1' ? json(401, { Message: 'Authorization has been denied for this request.' }) : json(200, [{ Id: 'c1', Name: 'Acme' }]);
    });
    const sut = client(fake.fetch);
    expect(await sut.listCompanies()).toEqual([{ Id: 'c1', Name: 'Acme' }]);
    expect(fake.logins()).toBe(2);
  });

  it('gives up with unauthorized after a second 401', async () => {
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(401, { Message: 'Authorization has been denied for this request.' })));
    const error = await errorOf(client(fake.fetch).listCompanies());
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/even after logging in again.*Authorization has been denied/);
    expect(fake.logins()).toBe(2);
    expect(fake.api()).toHaveLength(2);
  });

  it.each([
    ['400 invalid_grant', 400, { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' }],
    ['403 invalid_grant', 403, { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' }],
    ['403 with a Message', 403, { Message: 'Forbidden' }],
    ['401', 401, { Message: 'Denied' }],
  ])('calls a login answered %s invalid_credentials', async (_name, status, body) => {
    const fake = fakeConsole(() => json(status, body));
    const error = await errorOf(client(fake.fetch).listComputers());
    expect(error.kind).toBe('invalid_credentials');
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/refused the API login and password/);
    expect(fake.requests).toHaveLength(1);
  });

  it('calls another 400 on login unexpected, a 404 on login not_found, a 503 server', async () => {
    expect((await errorOf(client(fakeConsole(() => json(400, { Message: 'The request is invalid.' })).fetch).listCompanies())).kind).toBe('unexpected');
    const notFound = await errorOf(client(fakeConsole(() => json(404, { Message: 'No HTTP resource' })).fetch).listCompanies());
    expect(notFound.kind).toBe('not_found');
    expect(notFound.message).toMatch(/check the Console URL/);
    const unavailable = await errorOf(client(fakeConsole(() => new Response('Service Unavailable', { status: 503 })).fetch).listCompanies());
    expect(unavailable).toMatchObject({ kind: 'server', retryable: true, status: 503 });
  });

  it('refuses a login answer without a token', async () => {
    const error = await errorOf(client(fakeConsole(() => json(200, { token_type: 'bearer' })).fetch).listCompanies());
    expect(error.kind).toBe('unexpected');
    expect(error.message).toMatch(/no access_token/);
  });

  it('verifyCredentials logs in even with a cached token', async () => {
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, [])));
    const sut = client(fake.fetch);
    await sut.listCompanies();
    await sut.verifyCredentials();
    expect(fake.logins()).toBe(2);
  });

  it('never shows the password or token when serialised or inspected', async () => {
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, [])), { tokens: ['SECRET-TOKEN-VALUE'] });
    const sut = client(fake.fetch);
    await sut.listCompanies();
    const shown = `${JSON.stringify(sut)} ${inspect(sut, { showHidden: true, depth: 10 })} ${JSON.stringify({ ...sut })}`;
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain('SECRET-TOKEN-VALUE');
    expect(shown).not.toContain('api-user');
    expect(JSON.parse(JSON.stringify(sut))).toEqual({ baseUrl: 'https://console.example.com' });
  });
});

describe('ConsoleClient: errors', () => {
  async function failWith(response: () => Response, call: (sut: ConsoleClient) => Promise<unknown> = (sut) => sut.listCompanies()): Promise<ConsoleError> {
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : response()));
    return errorOf(call(client(fake.fetch)));
  }

  it.each([
    ['403', () => json(403, { Message: 'Access denied.' }), 'forbidden', false, /may not do GET \/api\/Companies \(HTTP 403: Access denied\.\)/],
    ['404', () => json(404, { message: 'Computer x was not found.' }), 'not_found', false, /HTTP 404: Computer x was not found\./],
    ['500', () => json(500, { Message: 'An error has occurred.' }), 'server', true, /HTTP 500: An error has occurred\./],
    ['502 HTML', () => new Response('<html><title>502 Bad Gateway</title></html>', { status: 502 }), 'server', true, /HTTP 502: 502 Bad Gateway/],
    ['503 text', () => new Response('Service Unavailable (simulated fault)', { status: 503 }), 'server', true, /simulated fault/],
    ['429', () => json(429, { Message: 'Too many requests' }, { 'retry-after': '7' }), 'server', true, /HTTP 429/],
    ['408', () => new Response('', { status: 408 }), 'server', true, /HTTP 408/],
    ['406', () => json(406, { Message: 'JSON only' }), 'unexpected', false, /HTTP 406: JSON only/],
    ['409', () => json(409, {}), 'unexpected', false, /HTTP 409/],
    ['a body that is not JSON', () => new Response('<xml/>', { status: 200, headers: { 'content-type': 'application/xml' } }), 'unexpected', false, /not JSON \(application\/xml\)/],
    ['an object instead of an array', () => json(200, { Companies: [] }), 'unexpected', false, /expected a JSON array/],
    ['an item without Id', () => json(200, [{ Name: 'Acme' }]), 'unexpected', false, /an item has no Id/],
  ])('maps %s', async (_name, response, kind, retryable, message) => {
    const error = await failWith(response);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toMatch(message);
    expect(error.operation).toBe('GET /api/Companies');
  });

  it('reads Retry-After as delta seconds or an HTTP date', async () => {
    expect((await failWith(() => json(429, {}, { 'retry-after': '7' }))).retryAfterMs).toBe(7000);
    const at = new Date(Date.now() + 60_000).toUTCString();
    const fromDate = (await failWith(() => json(503, {}, { 'retry-after': at }))).retryAfterMs ?? 0;
    expect(fromDate).toBeGreaterThan(50_000);
    expect(fromDate).toBeLessThanOrEqual(60_000);
  });

  it('scrubs the password and token from messages even when the server echoes them', async () => {
    const fake = fakeConsole(
      (req) => {
        if (isLogin(req)) return LOGIN();
        return json(500, { Message: `Failed for ${req.headers.authorization} and password ${PASSWORD}` });
      },
      { tokens: ['ECHOED-TOKEN-abc123'] },
    );
    const error = await errorOf(client(fake.fetch).listCompanies());
    expect(error.message).not.toContain('ECHOED-TOKEN-abc123');
    expect(error.message).toContain('[redacted]');
  });

  it('scrubs the token from a final 401 that echoes it, although the client has dropped it by then', async () => {
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(401, { Message: `Token ${req.headers.authorization} is not valid` })), {
      tokens: ['FIRST-TOKEN-abcdef', 'SECOND-TOKEN-abcdef'],
    });
    const error = await errorOf(client(fake.fetch).listCompanies());
    expect(error.kind).toBe('unauthorized');
    expect(error.message).not.toContain('TOKEN-abcdef');
    expect(error.message).toContain('Token Bearer [redacted] is not valid');
  });

  it('scrubs the password from a failed login echoing it', async () => {
    const fake = fakeConsole((req) => json(400, { error: 'invalid_grant', error_description: `Wrong password ${JSON.parse(req.body ?? '{}').Password}` }));
    const error = await errorOf(client(fake.fetch).listCompanies());
    expect(error.kind).toBe('invalid_credentials');
    expect(error.message).toContain('Wrong password [redacted]');
  });

  it('does not follow redirects', async () => {
    const fake = fakeConsole(() => new Response(null, { status: 302, headers: { location: 'https://evil.example.net/steal?x=1' } }));
    const error = await errorOf(client(fake.fetch).listCompanies());
    expect(error.kind).toBe('unexpected');
    expect(error.status).toBe(302);
    expect(error.message).toMatch(/redirect \(HTTP 302\) to https:\/\/evil\.example\.net, which is not followed/);
    expect(error.message).not.toContain('steal');
    expect(fake.requests).toHaveLength(1);
  });

  it('maps a refused connection to a retryable network error', async () => {
    const fetch: FetchLike = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 203.0.113.9:443'), { code: 'ECONNREFUSED' }) });
    };
    const error = await errorOf(client(fetch).listCompanies());
    expect(error).toMatchObject({ kind: 'network', retryable: true, operation: 'POST /api/Provider/Login' });
    expect(error.message).toMatch(/could not be reached.*ECONNREFUSED/);
  });

  it('times out a request that does not answer', async () => {
    const fetch: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const error = await errorOf(client(fetch, { timeoutMs: 50 }).listCompanies());
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toMatch(/did not answer POST \/api\/Provider\/Login within 50 ms/);
  });

  it('runs beforeRequest on every URL, the login included, and lets its error through', async () => {
    const seen: string[] = [];
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, [])));
    await client(fake.fetch, {
      beforeRequest: async (url) => {
        seen.push(url.href);
      },
    }).listCompanies();
    expect(seen).toEqual(['https://console.example.com/api/Provider/Login', 'https://console.example.com/api/Companies']);

    const policy = new UrlPolicy({ resolve: async () => ['10.0.0.7'] });
    const blocked = fakeConsole(() => LOGIN());
    const error = await client(blocked.fetch, { beforeRequest: (url) => policy.check(url) })
      .listCompanies()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UrlPolicyError);
    expect((error as UrlPolicyError).message).toMatch(/resolves to 10\.0\.0\.7/);
    expect(blocked.requests).toHaveLength(0);
  });

  it('refuses a bad base URL when constructed', () => {
    expect(() => new ConsoleClient({ baseUrl: 'https://u:p@console.example.com', login: 'l', password: PASSWORD })).toThrow(UrlPolicyError);
    expect(() => new ConsoleClient({ baseUrl: 'console.example.com', login: 'l', password: PASSWORD })).toThrow(UrlPolicyError);
  });
});

describe('ConsoleClient: computers paging', () => {
  /**
   * A computers endpoint over `total` computers: `Count` as the total or the page length, `count`
   * capped at `cap` (0 = none). Returns the client's result and the offsets it asked for.
   */
  async function list(total: number, countMode: 'total' | 'page' | 'absent', cap = 0) {
    const all = Array.from({ length: total }, (_, i) => computer(i));
    const fake = fakeConsole((req) => {
      if (isLogin(req)) return LOGIN();
      const [, offsetText, countText] = /\/api\/Computers\/(\d+)\/(\d+)$/.exec(new URL(req.url).pathname) ?? [];
      const count = cap > 0 ? Math.min(Number(countText), cap) : Number(countText);
      const page = all.slice(Number(offsetText), Number(offsetText) + count);
      const envelope: Record<string, unknown> = { Message: 'Success', StatusCode: 200, Computers: page };
      if (countMode !== 'absent') envelope.Count = countMode === 'total' ? total : page.length;
      return json(200, envelope);
    });
    const computers = await client(fake.fetch).listComputers();
    expect(computers.map((c) => c.ComputerName)).toEqual(all.map((c) => c.ComputerName));
    for (const req of fake.api()) expect(req.url).toMatch(new RegExp(`/api/Computers/\\d+/${CONSOLE_COMPUTERS_PAGE_SIZE}$`));
    return fake.api().map((r) => Number(/\/api\/Computers\/(\d+)\//.exec(r.url)?.[1]));
  }

  it.each<[string, number, 'total' | 'page' | 'absent', number, number[]]>([
    ['no computers', 0, 'total', 0, [0]],
    ['one short page (confirmed by one more request)', 23, 'total', 0, [0, 23]],
    ['exactly one full page', 500, 'total', 0, [0, 500]],
    ['several pages, Count as total', 1234, 'total', 0, [0, 500, 1000, 1234]],
    ['several pages, Count as page length', 1234, 'page', 0, [0, 500, 1000, 1234]],
    ['several pages, no Count', 1234, 'absent', 0, [0, 500, 1000, 1234]],
    ['a multiple of the page size', 1000, 'page', 0, [0, 500, 1000]],
    ['a cap of 100, Count as total (cap seen at once)', 250, 'total', 100, [0, 100, 200]],
    ['a cap of 100, Count as page length (cap confirmed by the next page)', 250, 'page', 100, [0, 100, 200]],
    ['a cap of 100, no Count', 250, 'absent', 100, [0, 100, 200]],
    ['a cap of 100 and a multiple of it', 300, 'page', 100, [0, 100, 200, 300]],
    ['a cap above the total', 80, 'page', 100, [0, 80]],
  ])('lists %s', async (_name, total, countMode, cap, offsets) => {
    expect(await list(total, countMode, cap)).toEqual(offsets);
  });

  it('asks for up to three pages ahead once Count shows itself a total, and only then', async () => {
    const concurrency = async (countMode: 'total' | 'page') => {
      const all = Array.from({ length: 2_600 }, (_, i) => computer(i));
      let inFlight = 0;
      let most = 0;
      const fake = fakeConsole(async (req) => {
        if (isLogin(req)) return LOGIN();
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        const offset = Number(/\/api\/Computers\/(\d+)\//.exec(req.url)?.[1]);
        const page = all.slice(offset, offset + 500);
        return json(200, { Count: countMode === 'total' ? all.length : page.length, Computers: page });
      });
      expect(await client(fake.fetch).listComputers()).toHaveLength(2_600);
      return { most, offsets: fake.api().map((r) => Number(/\/api\/Computers\/(\d+)\//.exec(r.url)?.[1])) };
    };
    const total = await concurrency('total');
    expect(total.most).toBe(3);
    expect(total.offsets).toEqual([0, 500, 1000, 1500, 2000, 2500, 2600]);
    const page = await concurrency('page');
    expect(page.most).toBe(1);
    expect(page.offsets).toEqual([0, 500, 1000, 1500, 2000, 2500, 2600]);
  });

  it('does not list a computer twice when a concurrent insert shifts it across pages', async () => {
    const all = Array.from({ length: 600 }, (_, i) => computer(i));
    const fake = fakeConsole((req) => {
      if (isLogin(req)) return LOGIN();
      const offset = Number(/\/api\/Computers\/(\d+)\//.exec(req.url)?.[1]);
      if (offset === 500) all.unshift(computer(9999)); // inserted between the two pages
      return json(200, { Count: all.length, Computers: all.slice(offset, offset + 500) });
    });
    const computers = await client(fake.fetch).listComputers();
    const hids = computers.map((c) => c.ComputerHID);
    expect(new Set(hids).size).toBe(hids.length);
    expect(hids).toHaveLength(600);
  });

  it('stops with an error when the server ignores the offset', async () => {
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, { Count: 500, Computers: Array.from({ length: 500 }, (_, i) => computer(i)) })));
    const error = await errorOf(client(fake.fetch).listComputers());
    expect(error.kind).toBe('unexpected');
    expect(error.message).toMatch(/ignore the paging offset/);
    expect(fake.api()).toHaveLength(2);
  });

  it('accepts a bare array instead of the envelope', async () => {
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, req.url.includes('/0/') ? [computer(1), computer(2)] : [])));
    expect((await client(fake.fetch).listComputers()).map((c) => c.ComputerName)).toEqual(['PC-1', 'PC-2']);
  });
});

describe('ConsoleClient: resources', () => {
  it('normalises computers: HID without braces in lower case, Apps always an array, flags as booleans', async () => {
    const fake = fakeConsole((req) => {
      if (isLogin(req)) return LOGIN();
      return json(200, {
        ComputerHID: '{8F6E0C3A-2B1D-4E5F-9A7B-C8D9E0F1A2B3}',
        ComputerName: 'ACME-WS-001',
        CompanyName: 'Acme',
        UserID: 'u1',
        HasBackupApp: 'true',
        Apps: [{ ApplicationId: 'RA', Online: 1, Version: '1.0' }],
        LastActivity: '2025-03-19T10:26:47.703',
        Extra: 'kept',
      });
    });
    const sut = client(fake.fetch);
    const got = await sut.getComputer('{8F6E0C3A-2B1D-4E5F-9A7B-C8D9E0F1A2B3}');
    expect(fake.api()[0].url).toBe('https://console.example.com/api/Computers/8f6e0c3a-2b1d-4e5f-9a7b-c8d9e0f1a2b3');
    expect(got).toMatchObject({
      ComputerHID: '8f6e0c3a-2b1d-4e5f-9a7b-c8d9e0f1a2b3',
      HasBackupApp: true,
      Apps: [{ ApplicationId: 'ra', Online: true, Version: '1.0' }],
      LastActivity: '2025-03-19T10:26:47.703',
      Extra: 'kept',
    });
  });

  it('refuses a computer id that could change the path', async () => {
    const fake = fakeConsole(() => LOGIN());
    const error = await errorOf(client(fake.fetch).getComputer('../Administrators'));
    expect(error.kind).toBe('unexpected');
    expect(fake.requests).toHaveLength(0);
  });

  it('reads one license by its id; a 404 or an id that cannot go in a path is no license, not an error', async () => {
    const license = { ID: '7B5F2C1E-0000-4000-8000-000000000001', LicenseType: 'Server', IsTaken: true, IsTrial: false, ComputerName: 'PC', UserID: 'u1' };
    const fake = fakeConsole((req) => {
      if (isLogin(req)) return LOGIN();
      return new URL(req.url).pathname === '/api/Licenses/7b5f2c1e-0000-4000-8000-000000000001' ? json(200, license) : json(404, { Message: 'License not found' });
    });
    const sut = client(fake.fetch);
    expect(await sut.getLicense('{7B5F2C1E-0000-4000-8000-000000000001}')).toEqual(expect.objectContaining({ ID: license.ID, LicenseType: 'Server', IsTaken: true }));
    expect(await sut.getLicense('00000000-0000-4000-8000-000000000404')).toBeUndefined();
    expect(await sut.getLicense('../Administrators')).toBeUndefined();
    expect(fake.api().map((r) => new URL(r.url).pathname)).toEqual(['/api/Licenses/7b5f2c1e-0000-4000-8000-000000000001', '/api/Licenses/00000000-0000-4000-8000-000000000404']);
  });

  it('normalises HIDs', () => {
    expect(normaliseComputerId(' {ABC-def} ')).toBe('abc-def');
    expect(normaliseComputerId('abc')).toBe('abc');
  });

  it('maps monitoring Status names and numbers to codes, unknown ones to 4', async () => {
    const rows = ['Success', 'overdue', 2, '7', 'Unexpectedly_Closed', 'Mystery', 42, null].map((Status, i) => ({
      PlanName: `p${i}`,
      PlanId: `id${i}`,
      CompanyName: 'Acme',
      UserID: 'u1',
      ComputerName: 'PC',
      LastStart: null,
      Status,
    }));
    const fake = fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, rows)));
    expect((await client(fake.fetch).listMonitoring()).map((r) => r.Status)).toEqual([0, 1, 2, 7, 6, 4, 4, 4]);
  });

  it('stringifies numeric ids and reads field names case-insensitively', async () => {
    const fake = fakeConsole((req) => {
      if (isLogin(req)) return LOGIN();
      if (req.url.endsWith('/api/Licenses')) return json(200, [{ Id: 17, LicenseType: 'Server', IsTaken: 1, IsTrial: false, ComputerName: null, UserID: null }]);
      return json(200, [{ AdminId: 5, Email: 'a@b', Enabled: true, PermissionsModels: { Users: 1 }, Companies: null, AccessToCompaniesMode: 'AllCompanies' }]);
    });
    const sut = client(fake.fetch);
    expect(await sut.listLicenses()).toEqual([expect.objectContaining({ ID: '17', IsTaken: true, IsTrial: false, LicenseType: 'Server', ComputerName: null, UserID: null })]);
    expect(await sut.listAdministrators()).toEqual([expect.objectContaining({ AdminID: '5', Companies: [], AccessToCompaniesMode: 'AllCompanies' })]);
  });
});

describe("ConsoleClient: the vendor's numeric enums", () => {
  const route = (routes: Record<string, unknown>) =>
    fakeConsole((req) => (isLogin(req) ? LOGIN() : json(200, routes[new URL(req.url).pathname] ?? { Message: 'No route' })));

  it('reads companies whose DefaultLicense and AllowedLicenses are MBSLicenseType numbers, passing them through', async () => {
    const company = { Id: 'c1', Name: 'Acme', LicenseSettings: 0, DefaultLicense: 0, AllowedLicenses: [0, 2] };
    const sut = client(route({ '/api/Companies': [company] }).fetch);
    expect(await sut.listCompanies()).toEqual([company]);
  });

  it('reads a numeric BuildTypeString, in a page with braced HIDs and Count as the page length', async () => {
    const hid = '8F6E0C3A-2B1D-4E5F-9A7B-C8D9E0F1A2B3';
    const page = { Count: 1, Message: 'Success', StatusCode: 200, Computers: [{ ...computer(1), ComputerHID: `{${hid}}`, BuildTypeString: 536870940 }] };
    const fake = fakeConsole((req) => {
      if (isLogin(req)) return LOGIN();
      return json(200, new URL(req.url).pathname.endsWith('/0/500') ? page : { ...page, Count: 0, Computers: [] });
    });
    expect(await client(fake.fetch).listComputers()).toEqual([expect.objectContaining({ ComputerHID: hid.toLowerCase(), BuildTypeString: 536870940 })]);
  });

  it('reads AccessToCompaniesMode 0 as the specified companies and 1 as all of them', async () => {
    const admins = [
      { AdminID: 'a1', Email: 'all@msp', Enabled: true, PermissionsModels: {}, Companies: [], AccessToCompaniesMode: 1 },
      { AdminID: 'a2', Email: 'some@msp', Enabled: true, PermissionsModels: {}, Companies: ['Globex'], AccessToCompaniesMode: 0 },
    ];
    const [all, some] = await client(route({ '/api/Administrators': admins }).fetch).listAdministrators();
    expect(visibleCompanyNames(all, ['Acme', 'Globex'])).toEqual(['Acme', 'Globex']);
    expect(visibleCompanyNames(some, ['Acme', 'Globex'])).toEqual(['Globex']);
  });
});
