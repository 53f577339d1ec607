import { policyRefusalIn } from '../security/policy-fetch';
import { parseHaloErrorBody } from './halo-error-body';
import { HaloError, HaloErrorKind, HaloErrorOptions } from './halo-errors';
import { inPlaceRetryDelayMs } from './in-place-retry';
import { parseRetryAfter } from '../http/retry-after';
import { SecretRedactor } from './secret-redactor';

export interface HaloHttpOptions {
  fetch: typeof fetch;
  now: () => number;
  timeoutMs: number;
  /** URL policy (SSRF check); whatever it throws reaches the caller unchanged, as does a refusal at connection time (`PolicyFetch`). */
  beforeRequest?: (url: URL) => Promise<void>;
  redactor: SecretRedactor;
  /** Waits for a place in the instance's request budget before every request (`HaloClientOptions.takeFromBudget`). */
  takeFromBudget?: () => Promise<void>;
  /** Told about every request that went out (metrics); never given a header or a body. */
  onResponse?: (info: HaloResponseInfo) => void;
  /** Waits between tries of the same exchange (see `inPlaceRetryDelayMs`); a timer by default. */
  sleep?: (ms: number) => Promise<void>;
}

/** What `onResponse` hears about one request: the status, or `network-error` when no answer arrived. */
export interface HaloResponseInfo {
  method: string;
  path: string;
  status: number | 'network-error';
}

export interface HaloExchange {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Safe to send twice (reads, token requests): may be tried again after no answer or a 5xx. Default: GET only. */
  idempotent?: boolean;
}

/** An answer that arrived in full: any status but a redirect. */
export interface HaloAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP exchange with Halo (token or resource server): the URL policy, a timeout covering the
 * whole answer, no redirects followed, a few quick tries again where that is safe (see
 * `inPlaceRetryDelayMs`), and network failures as `network` HaloErrors. It counts every request it
 * lets out, and builds every HaloError through the redactor.
 */
export class HaloHttp {
  private sent = 0;

  constructor(private readonly options: HaloHttpOptions) {}

  get requestsSent(): number {
    return this.sent;
  }

  get now(): number {
    return this.options.now();
  }

  async exchange(request: HaloExchange): Promise<HaloAnswer> {
    const idempotent = request.idempotent ?? request.method === 'GET';
    for (let attempt = 1; ; attempt += 1) {
      let answer: HaloAnswer;
      try {
        answer = await this.exchangeOnce(request);
      } catch (error) {
        const delayMs = error instanceof HaloError && error.kind === 'network' ? inPlaceRetryDelayMs('network-error', idempotent, attempt) : undefined;
        if (delayMs === undefined) throw error;
        await this.sleep(delayMs);
        continue;
      }
      const retryAfterMs = answer.status === 429 ? parseRetryAfter(answer.headers.get('retry-after'), this.now) : undefined;
      const delayMs = answer.status === 429 || answer.status >= 500 ? inPlaceRetryDelayMs({ status: answer.status, retryAfterMs }, idempotent, attempt) : undefined;
      if (delayMs === undefined) return answer;
      await this.sleep(delayMs);
    }
  }

  private async exchangeOnce(request: HaloExchange): Promise<HaloAnswer> {
    const { method, url, headers, body } = request;
    await this.options.beforeRequest?.(url);
    await this.options.takeFromBudget?.();
    this.sent += 1;
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      this.report(request, 'network-error');
      throw policyRefusalIn(error) ?? this.networkError(request, error);
    }
    this.report(request, response.status);
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      const target = location === null ? 'without a Location' : `to ${location}`;
      throw this.error('unexpected', `HaloPSA redirected ${describeRequest(request)} ${target}; check the server URL`, { status: response.status });
    }
    return { status: response.status, headers: response.headers, text };
  }

  /** The HaloError for a non-2xx answer, by status. */
  errorForStatus(request: Pick<HaloExchange, 'method' | 'url'>, answer: HaloAnswer): HaloError {
    const { status } = answer;
    const { detail } = parseHaloErrorBody(answer.text);
    const kind = kindOfStatus(status);
    const retryAfterMs = kind === 'rate_limited' ? parseRetryAfter(answer.headers.get('retry-after'), this.now) : undefined;
    const wait = retryAfterMs === undefined ? '' : ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
    const message = `HaloPSA answered ${status} to ${describeRequest(request)}${detail === undefined ? '' : `: ${detail}`}${wait}`;
    return this.error(kind, message, { status, retryAfterMs });
  }

  error(kind: HaloErrorKind, message: string, options: HaloErrorOptions = {}): HaloError {
    return new HaloError(kind, this.options.redactor.redact(message), options);
  }

  private sleep(ms: number): Promise<void> {
    return this.options.sleep ? this.options.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** A failing hook must not fail the request it reports on. */
  private report(request: HaloExchange, status: HaloResponseInfo['status']): void {
    try {
      this.options.onResponse?.({ method: request.method, path: request.url.pathname, status });
    } catch {
      // metrics are best effort
    }
  }

  private networkError(request: HaloExchange, error: unknown): HaloError {
    if (isTimeout(error)) {
      return this.error('network', `${describeRequest(request)} timed out after ${this.options.timeoutMs} ms`, { cause: error });
    }
    return this.error('network', `${describeRequest(request)} failed: ${networkReason(error)}`, { cause: error });
  }
}

export function describeRequest(request: Pick<HaloExchange, 'method' | 'url'>): string {
  return `${request.method} ${request.url.origin}${request.url.pathname}`;
}

function kindOfStatus(status: number): HaloErrorKind {
  if (status === 400 || status === 409 || status === 422) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'unexpected';
}

/** Duck-typed: errors thrown by fetch may come from another realm (a test VM), so `instanceof` lies. */
function isTimeout(error: unknown): boolean {
  const name = fieldOf(error, 'name');
  return name === 'TimeoutError' || name === 'AbortError';
}

/** undici reports `fetch failed` and puts the socket error (ECONNRESET, ECONNREFUSED, ...) in `cause`. */
function networkReason(error: unknown): string {
  const cause: unknown = fieldOf(error, 'cause');
  const source = typeof fieldOf(cause, 'message') === 'string' ? cause : error;
  const message = fieldOf(source, 'message');
  const code = fieldOf(source, 'code');
  const reason = typeof message === 'string' ? message : String(source);
  return typeof code === 'string' ? `${code} ${reason}` : reason;
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
