import { HaloClient } from '../../../src/halo/halo-client';
import { HaloError } from '../../../src/halo/halo-errors';
import { fakeFetch, json, SETTINGS, text } from './fake-fetch';

const NOW = Date.parse('2025-01-01T00:00:00Z');

async function failure(promise: Promise<unknown>): Promise<HaloError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof HaloError)) throw new Error(`Expected a HaloError, got ${String(error)}`);
  return error;
}

function clientFor(replies: Parameters<typeof fakeFetch>[0], timeoutMs?: number) {
  const fake = fakeFetch(replies);
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  return { fake, waits, client: new HaloClient(SETTINGS, { fetch: fake.fetch, now: () => NOW, timeoutMs, sleep }) };
}

/** The same answer for every try of a request that may be tried again. */
const everyTry = (reply: () => Response): Response[] => [reply(), reply(), reply()];

describe('HaloClient requests and errors', () => {
  it('sends the bearer token and Accept: application/json to the resource server, slashes tidied', async () => {
    const { fake, client } = clientFor([json({ id: 1, name: 'API Agent', is_admin: true })]);

    expect(await client.getAgentMe()).toMatchObject({ name: 'API Agent' });
    const [token, me] = fake.calls;
    expect(token.url.href).toBe('https://acme.halopsa.test/auth/token');
    expect(me.url.href).toBe('https://acme.halopsa.test/api/Agent/me');
    expect(me.headers).toMatchObject({ authorization: 'Bearer token-1', accept: 'application/json' });
    expect(me.headers['content-type']).toBeUndefined();
    expect(me.redirect).toBe('manual');
  });

  it.each([
    [400, '{"[0].name":["Required"]}', 'validation', false],
    [403, '{"Message":"You do not have permission"}', 'forbidden', false],
    [404, '{"Message":"Asset 7 was not found"}', 'not_found', false],
    [500, '{"Message":"An error has occurred"}', 'server', true],
    [503, 'Service Unavailable', 'server', true],
    [418, 'teapot', 'unexpected', false],
  ])('maps status %i with body %s to a %s HaloError', async (status, body, kind, retryable) => {
    const { client } = clientFor(everyTry(() => text(body, status)));

    const error = await failure(client.request('GET', '/Asset'));
    expect(error).toMatchObject({ kind, status, retryable });
    expect(error.message).toContain(`HaloPSA answered ${status} to GET https://acme.halopsa.test/api/Asset`);
  });

  it('maps 429 to rate_limited with Retry-After in seconds', async () => {
    const { client } = clientFor([text('Rate Limit Reached - 300 Requests per rolling 5 minute window', 429, { 'retry-after': '42' })]);

    const error = await failure(client.request('GET', '/Asset'));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 42_000, retryable: true });
    expect(error.message).toContain('Rate Limit Reached - 300 Requests per rolling 5 minute window (retry after 42 s)');
  });

  it('maps 429 to rate_limited with Retry-After as an HTTP date', async () => {
    const { client } = clientFor([text('slow down', 429, { 'retry-after': 'Wed, 01 Jan 2025 00:01:30 GMT' })]);

    expect(await failure(client.request('GET', '/Asset'))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 90_000 });
  });

  it('leaves retryAfterMs undefined when 429 comes without Retry-After', async () => {
    const { client } = clientFor([text('Rate Limit Reached', 429)]);

    const error = await failure(client.request('GET', '/Asset'));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('renews the token once after a 401 and retries', async () => {
    const { fake, client } = clientFor([text('expired', 401), json([])]);

    expect(await client.request('GET', '/AssetType')).toEqual([]);
    expect(fake.apiCalls().map((call) => call.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives up with unauthorized when the fresh token is refused too', async () => {
    const { fake, client } = clientFor([text('no', 401), json({ Message: 'Authorization has been denied for this request.' }, 401)]);

    const error = await failure(client.request('GET', '/AssetType'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, retryable: false });
    expect(error.message).toContain('Authorization has been denied');
    expect(fake.calls).toHaveLength(4);
  });

  it('refuses to follow a redirect and names it', async () => {
    const { client } = clientFor([new Response(null, { status: 302, headers: { location: 'https://login.example/sso' } })]);

    const error = await failure(client.request('GET', '/Asset'));
    expect(error).toMatchObject({ kind: 'unexpected', status: 302, retryable: false });
    expect(error.message).toContain('redirected GET https://acme.halopsa.test/api/Asset to https://login.example/sso');
  });

  it('turns a dropped connection into a retryable network error', async () => {
    const reset = Object.assign(new Error('other side closed'), { code: 'ECONNRESET' });
    const dropped = new TypeError('fetch failed', { cause: reset });
    const { client, waits } = clientFor([dropped, dropped, dropped]);

    const error = await failure(client.request('GET', '/Asset'));
    expect(error).toMatchObject({ kind: 'network', retryable: true, status: undefined });
    expect(error.message).toBe('GET https://acme.halopsa.test/api/Asset failed: ECONNRESET other side closed');
    expect(waits).toEqual([250, 1_000]);
  });

  it('tries a read again after a 5xx or no answer, and answers the try that got through', async () => {
    const { fake, client, waits } = clientFor([text('Service Unavailable', 503), new TypeError('fetch failed'), json([{ id: 3 }])]);

    expect(await client.request('GET', '/Asset')).toEqual([{ id: 3 }]);
    expect(fake.apiCalls()).toHaveLength(3);
    expect(waits).toEqual([250, 1_000]);
  });

  it('never sends a write twice after a 5xx or no answer: it may have been applied', async () => {
    for (const reply of [text('Service Unavailable', 503), new TypeError('fetch failed')]) {
      const { fake, client, waits } = clientFor([reply, json([{ id: 4 }])]);

      await failure(client.request('POST', '/Asset', { body: [{ name: 'PC-1' }] }));
      expect(fake.apiCalls()).toHaveLength(1);
      expect(waits).toEqual([]);
    }
  });

  it('waits out a short Retry-After in place, a write too (a 429 was not applied), but hands a long one back', async () => {
    const short = clientFor([text('Rate Limit Reached', 429, { 'retry-after': '2' }), json([{ id: 5 }])]);
    expect(await short.client.request('POST', '/Asset', { body: [{ name: 'PC-1' }] })).toEqual([{ id: 5 }]);
    expect(short.waits).toEqual([2_000]);

    const long = clientFor([text('Rate Limit Reached', 429, { 'retry-after': '6' })]);
    expect(await failure(long.client.request('GET', '/Asset'))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 6_000 });
    expect(long.waits).toEqual([]);
  });

  it('turns a timeout into a retryable network error', async () => {
    const tokens = fakeFetch([]);
    const neverAnswers = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      if (new URL(input.toString()).pathname.endsWith('/token')) return tokens.fetch(input, init);
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    };
    const client = new HaloClient(SETTINGS, { timeoutMs: 50, fetch: neverAnswers as typeof fetch, sleep: async () => undefined });

    const error = await failure(client.request('GET', '/Asset'));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toBe('GET https://acme.halopsa.test/api/Asset timed out after 50 ms');
  });

  it('refuses a 2xx body that is not JSON', async () => {
    const { client } = clientFor([text('<html>login</html>', 200)]);

    expect(await failure(client.request('GET', '/Asset'))).toMatchObject({ kind: 'unexpected', status: 200 });
  });

  it('calls the URL policy before every connection and lets its error through', async () => {
    const seen: string[] = [];
    const fake = fakeFetch([json([])]);
    const client = new HaloClient(SETTINGS, {
      fetch: fake.fetch,
      beforeRequest: async (url) => {
        seen.push(url.href);
        if (url.pathname.endsWith('/Client')) throw new Error('blocked by policy');
      },
    });

    await client.request('GET', '/AssetType');
    await expect(client.request('GET', '/Client')).rejects.toThrow('blocked by policy');
    expect(seen).toEqual([
      'https://acme.halopsa.test/auth/token',
      'https://acme.halopsa.test/api/AssetType',
      'https://acme.halopsa.test/api/Client',
    ]);
    expect(fake.calls).toHaveLength(2);
    expect(client.requestsSent).toBe(2);
  });

  it('keeps the client secret and tokens out of messages, even when Halo echoes them', async () => {
    const encoded = encodeURIComponent(SETTINGS.clientSecret);
    const { client } = clientFor([
      text(`bad request: client_secret=${encoded}&x=1 and ${SETTINGS.clientSecret}`, 400),
      text('token token-1 is not valid here; Authorization: Bearer abc.def.ghi', 403),
    ]);

    const errors = [await failure(client.request('GET', '/Asset')), await failure(client.request('GET', '/Asset'))];
    for (const error of errors) {
      const exposed = `${error.message} ${JSON.stringify(error)}`;
      expect(exposed).not.toContain(SETTINGS.clientSecret);
      expect(exposed).not.toContain(encoded);
      expect(exposed).not.toContain('token-1');
      expect(exposed).not.toContain('abc.def.ghi');
    }
    expect(errors[1].message).toContain('[redacted]');
  });

  it('serialises a HaloError with its message', async () => {
    const { client } = clientFor([text('nope', 403)]);

    const error = await failure(client.request('GET', '/Asset'));
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'HaloError',
      kind: 'forbidden',
      message: error.message,
      status: 403,
      retryable: false,
    });
  });

  it('deletes by id and treats the answer as done', async () => {
    const { fake, client } = clientFor([json({ id: 401 })]);

    await client.deleteCustomButton(401);
    expect(fake.apiCalls()[0]).toMatchObject({ method: 'DELETE' });
    expect(fake.apiCalls()[0].url.pathname).toBe('/api/CustomButton/401');
  });
});

describe('HaloClient and the request budget', () => {
  it('takes a place before every request it sends, token requests and quick tries again included', async () => {
    const fake = fakeFetch([text('busy', 503), json({ id: 1, name: 'API Agent' })]);
    let taken = 0;
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch, now: () => NOW, sleep: async () => undefined, takeFromBudget: async () => void taken++ });
    await client.request('GET', '/Agent/me');
    expect(fake.calls.length).toBe(3);
    expect(taken).toBe(fake.calls.length);
  });

  it('sends nothing when the budget refuses, and the refusal reaches the caller', async () => {
    const fake = fakeFetch([json({ id: 1 })]);
    const refusal = new HaloError('rate_limited', 'budget used up', { retryAfterMs: 12_000 });
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch, now: () => NOW, takeFromBudget: async () => Promise.reject(refusal) });
    expect(await failure(client.request('GET', '/Agent/me'))).toBe(refusal);
    expect(fake.calls).toHaveLength(0);
  });
});
