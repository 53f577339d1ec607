/** A scripted `fetch`: answers in order, records every call (URL, method, headers, body). */
export interface RecordedCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  redirect?: RequestInit['redirect'];
}

export type Reply = Response | Error | ((call: RecordedCall) => Response | Promise<Response>);

export interface FakeFetch {
  fetch: typeof fetch;
  calls: RecordedCall[];
  /** Calls to the resource server, token requests left out. */
  apiCalls(): RecordedCall[];
}

export const TOKEN_URL = 'https://acme.halopsa.test/auth/token';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function text(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });
}

export function tokenReply(value = 'token-1', extra: Record<string, unknown> = {}): Response {
  return json({ access_token: value, token_type: 'Bearer', expires_in: 3600, ...extra });
}

/**
 * Token requests get `tokenReplies` in turn (then `token-N`); other requests get `replies` in turn.
 * A request with nothing left to answer fails the test.
 */
export function fakeFetch(replies: Reply[], tokenReplies: Reply[] = []): FakeFetch {
  const calls: RecordedCall[] = [];
  let tokens = 0;
  const fake = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const call: RecordedCall = {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? init.body : undefined,
      redirect: init.redirect,
    };
    calls.push(call);
    const isToken = url.pathname.endsWith('/token');
    const reply = isToken ? (tokenReplies.shift() ?? tokenReply(`token-${++tokens}`)) : replies.shift();
    if (reply === undefined) throw new Error(`Unexpected request ${call.method} ${url.href}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(call) : reply;
  };
  return {
    fetch: fake as typeof fetch,
    calls,
    apiCalls: () => calls.filter((call) => !call.url.pathname.endsWith('/token')),
  };
}

export const SETTINGS = {
  resourceServerUrl: 'https://acme.halopsa.test/api/',
  authServerUrl: 'https://acme.halopsa.test/auth/',
  clientId: 'client-id-1',
  clientSecret: 'Sup3r-Secret+Value/With=Signs',
};
