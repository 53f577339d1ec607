import { parseRetryAfter } from '../http/retry-after';
import { JsonArrayStreamError, jsonArrayBatches } from '../http/json-array-batches';
import { policyRefusalIn } from '../security/policy-fetch';
import { normaliseServiceUrl, serviceBaseString } from '../security/url-policy';
import { asObject, toFiniteNumber } from './console-decoders';
import { ConsoleError, ConsoleErrorKind, describeConsoleErrorBody, scrubSecrets } from './console-errors';

/**
 * The Management Console API's transport and login (console-api.md): one session per set of API
 * credentials, a cached bearer token, JSON GETs with the Console's errors translated once.
 *
 * - Login: `POST {base}/api/Provider/Login` with JSON `{UserName, Password}`. A 400
 *   `invalid_grant`, or a 401/403, is `invalid_credentials`. There is no refresh token: the token
 *   is kept until shortly before `expires_in` (10% of its lifetime, at most 5 minutes, early), then
 *   the next call logs in again. Concurrent calls share one login.
 * - A 401 on an API call means the token died early (credentials regenerated in the Console, a
 *   server restart): the client logs in again once and repeats the call; a second 401 is
 *   `unauthorized`.
 * - Every call sends `Accept: application/json` (the API negotiates XML otherwise) and
 *   `Authorization: Bearer`. Redirects are never followed: a 3xx is `unexpected` (following one
 *   could carry the credentials to another host, and would bypass the URL policy).
 * - `beforeRequest(url)` runs before every request, the login included: pass
 *   `urlPolicy.check.bind(urlPolicy)` so that a host that starts resolving to a private address
 *   is refused on the next call, not only when the integration was set up. What it throws
 *   propagates unchanged (e.g. a `UrlPolicyError`).
 * - Each request has its own timeout (`timeoutMs`, default 30 s): `network`, retryable.
 * - No retries here (other than the one re-login): retrying is the caller's business (Temporal
 *   activity retry policies match `ConsoleError.retryable` and `kind`).
 *
 * Nothing leaks: the login, the password and the token live in private fields (not reachable by
 * `JSON.stringify`, `util.inspect` or a logger), error messages are scrubbed of both, and errors
 * keep no request or response objects.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ConsoleCredentials {
  /** The Console's base URL, e.g. `https://api.mspbackups.com` (normalised; a trailing `/` is fine). */
  baseUrl: string;
  login: string;
  password: string;
}

export interface ConsoleClientOptions {
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Clock for the token cache. Default: the real clock. */
  now?: () => Date;
  /** Per-request timeout in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Runs before every request with its full URL, e.g. `UrlPolicy.check`; a throw aborts the call. */
  beforeRequest?: (url: URL) => Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Tokens are renewed this fraction of their lifetime early, but at most MAX_EARLY_RENEWAL_MS early. */
const EARLY_RENEWAL_FRACTION = 0.1;
const MAX_EARLY_RENEWAL_MS = 5 * 60_000;
/** Error bodies are read up to this many characters: enough for any readable message. */
const MAX_ERROR_BODY_CHARS = 64 * 1024;

interface CachedToken {
  value: string;
  renewAt: number;
}

export class ConsoleSession {
  readonly baseUrl: string;
  readonly #login: string;
  readonly #password: string;
  readonly #fetch: FetchLike;
  readonly #now: () => Date;
  readonly #timeoutMs: number;
  readonly #beforeRequest?: (url: URL) => Promise<void>;
  #token?: CachedToken;
  #pendingLogin?: Promise<string>;

  constructor(credentials: ConsoleCredentials, options: ConsoleClientOptions = {}) {
    this.baseUrl = serviceBaseString(normaliseServiceUrl(credentials.baseUrl));
    this.#login = credentials.login;
    this.#password = credentials.password;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#now = options.now ?? (() => new Date());
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#beforeRequest = options.beforeRequest;
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl };
  }

  /** Logs in now (whatever the cache holds): proves the credentials. */
  async logInNow(): Promise<void> {
    this.#token = undefined;
    await this.token();
  }

  async getJson(path: string, operation: string): Promise<unknown> {
    return this.readJson(await this.authorisedGet(path, operation), operation);
  }

  /**
   * A JSON array answer in batches of parsed elements, read as it arrives
   * (`jsonArrayBatches`): for lists too long to hold whole, such as 100,000 licenses.
   */
  async *getJsonArrayBatches(path: string, operation: string, batchSize: number): AsyncGenerator<unknown[]> {
    const response = await this.authorisedGet(path, operation);
    if (!response.body) throw new ConsoleError('unexpected', `The Console answered ${operation} with an empty body`, { status: response.status, operation });
    try {
      yield* jsonArrayBatches(response.body, batchSize);
    } catch (error) {
      if (error instanceof JsonArrayStreamError) {
        throw new ConsoleError('unexpected', `The Console's answer to ${operation} is not what its API documents: ${error.message}`, { status: response.status, operation });
      }
      throw this.networkError(error, operation);
    } finally {
      await discard(response);
    }
  }

  private async authorisedGet(path: string, operation: string): Promise<Response> {
    let token = await this.token();
    let response = await this.send(path, { method: 'GET', headers: { accept: 'application/json', authorization: `Bearer ${token}` } }, operation);
    if (response.status === 401) {
      await discard(response);
      this.forgetToken(token);
      token = await this.token();
      response = await this.send(path, { method: 'GET', headers: { accept: 'application/json', authorization: `Bearer ${token}` } }, operation);
      if (response.status === 401) {
        this.forgetToken(token);
        throw await this.errorFrom(response, operation, [token], 'unauthorized', 'The Console refused the API token even after logging in again');
      }
    }
    if (!response.ok) throw await this.errorFrom(response, operation, [token]);
    return response;
  }

  private async token(): Promise<string> {
    const cached = this.#token;
    if (cached && this.#now().getTime() < cached.renewAt) return cached.value;
    this.#pendingLogin ??= this.logIn().finally(() => {
      this.#pendingLogin = undefined;
    });
    return this.#pendingLogin;
  }

  private forgetToken(token: string): void {
    if (this.#token?.value === token) this.#token = undefined;
  }

  private async logIn(): Promise<string> {
    const operation = 'POST /api/Provider/Login';
    const response = await this.send(
      '/api/Provider/Login',
      {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ UserName: this.#login, Password: this.#password }),
      },
      operation,
    );
    if (!response.ok) {
      const text = await readLimited(response);
      const detail = describeConsoleErrorBody(text, this.secrets());
      const invalidGrant = /invalid_grant/i.test(text);
      if (response.status === 401 || response.status === 403 || (response.status === 400 && invalidGrant)) {
        throw new ConsoleError(
          'invalid_credentials',
          `The Console refused the API login and password (HTTP ${response.status}${detail ? `: ${detail}` : ''}): check them (Console > Settings > General; generating new ones expires the old ones)`,
          { status: response.status, operation },
        );
      }
      if (response.status === 404) {
        throw new ConsoleError('not_found', `There is no Console API login at ${this.baseUrl} (HTTP 404${detail ? `: ${detail}` : ''}): check the Console URL`, {
          status: 404,
          operation,
        });
      }
      throw this.errorFromStatus(response, detail, operation);
    }
    const body = asObject(await this.readJson(response, operation), operation);
    const token = body.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new ConsoleError('unexpected', 'The Console login answer has no access_token', { status: response.status, operation });
    }
    const lifetimeMs = Math.max(0, (toFiniteNumber(body.expires_in) ?? 0) * 1000);
    const early = Math.min(MAX_EARLY_RENEWAL_MS, lifetimeMs * EARLY_RENEWAL_FRACTION);
    this.#token = { value: token, renewAt: this.#now().getTime() + lifetimeMs - early };
    return token;
  }

  private async send(path: string, init: RequestInit, operation: string): Promise<Response> {
    const url = new URL(`${this.baseUrl}${path}`);
    if (this.#beforeRequest) await this.#beforeRequest(url);
    const signal = AbortSignal.timeout(this.#timeoutMs);
    let response: Response;
    try {
      response = await this.#fetch(url.href, { ...init, redirect: 'manual', signal });
    } catch (error) {
      throw policyRefusalIn(error) ?? this.networkError(error, operation);
    }
    if (response.status >= 300 && response.status < 400) {
      await discard(response);
      const location = response.headers.get('location');
      let where = '';
      try {
        if (location) where = ` to ${new URL(location, url).origin}`;
      } catch {
        where = '';
      }
      throw new ConsoleError(
        'unexpected',
        `The Console answered with a redirect (HTTP ${response.status})${where}, which is not followed: check the Console URL (use the API address the redirect points to, if it is trusted)`,
        { status: response.status, operation },
      );
    }
    return response;
  }

  private async readJson(response: Response, operation: string): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw this.networkError(error, operation);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new ConsoleError('unexpected', `The Console answered HTTP ${response.status} with a body that is not JSON (${type.split(';')[0]})`, {
        status: response.status,
        operation,
      });
    }
  }

  /** `sentTokens`: the token this request carried, scrubbed even when the cache has already dropped it. */
  private async errorFrom(response: Response, operation: string, sentTokens: string[], kind?: ConsoleErrorKind, lead?: string): Promise<ConsoleError> {
    const detail = describeConsoleErrorBody(await readLimited(response), [...this.secrets(), ...sentTokens]);
    if (kind) {
      return new ConsoleError(kind, `${lead} (HTTP ${response.status}${detail ? `: ${detail}` : ''})`, { status: response.status, operation });
    }
    return this.errorFromStatus(response, detail, operation);
  }

  private errorFromStatus(response: Response, detail: string | undefined, operation: string): ConsoleError {
    const status = response.status;
    const suffix = detail ? `: ${detail}` : '';
    if (status === 401) return new ConsoleError('unauthorized', `The Console refused the API token on ${operation} (HTTP 401${suffix})`, { status, operation });
    if (status === 403) {
      return new ConsoleError('forbidden', `The Console API user may not do ${operation} (HTTP 403${suffix}): check the API user's permissions`, { status, operation });
    }
    if (status === 404) return new ConsoleError('not_found', `The Console found nothing at ${operation} (HTTP 404${suffix})`, { status, operation });
    if (status >= 500 || status === 408 || status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.#now().getTime());
      return new ConsoleError('server', `The Console failed on ${operation} (HTTP ${status}${suffix}); try again later`, { status, operation, retryAfterMs });
    }
    return new ConsoleError('unexpected', `The Console answered ${operation} with HTTP ${status}${suffix}`, { status, operation });
  }

  private networkError(error: unknown, operation: string): ConsoleError {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new ConsoleError('network', `The Console did not answer ${operation} within ${this.#timeoutMs} ms`, { operation });
    }
    // undici reports "fetch failed" with the system error (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET...) as its cause.
    const codeOf = (value: unknown): string | undefined => {
      const code = (value as { code?: unknown } | null | undefined)?.code;
      return typeof code === 'string' ? code : undefined;
    };
    const code = codeOf((error as { cause?: unknown } | null)?.cause) ?? codeOf(error);
    const message = error instanceof Error ? error.message : String(error);
    const detail = scrubSecrets(code ?? message, this.secrets()).slice(0, 200);
    return new ConsoleError('network', `The Console could not be reached for ${operation} (${detail}); check the Console URL and that it is online`, { operation });
  }

  private secrets(): string[] {
    return [this.#password, this.#token?.value].filter((s): s is string => typeof s === 'string');
  }
}

async function readLimited(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.length > MAX_ERROR_BODY_CHARS ? text.slice(0, MAX_ERROR_BODY_CHARS) : text;
  } catch {
    return '';
  }
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // nothing to do: the body is not needed
  }
}
