/** JSON over HTTP to the product's API and the simulators' control APIs, with timeouts. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  /** `Retry-After` in seconds, when the answer carries one. */
  retryAfterSeconds?: number;
}

const REQUEST_TIMEOUT_MS = 120_000;

export async function callJson<T = unknown>(url: string, method: string, options: { token?: string; body?: unknown; timeoutMs?: number } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // plain-text answers stay text
  }
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
  return { status: response.status, body: body as T, ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}) };
}

/** The product's API, as one administrator (API key) or the operator uses it. */
export class ProductApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Waits out the API's own request budget (per API key): a 429 is retried after its `Retry-After`. */
  async call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    for (let attempt = 1; ; attempt++) {
      const answer = await callJson<T>(`${this.baseUrl}${path}`, method, { token: this.token, body });
      if (answer.status !== 429 || attempt >= 30) return answer;
      this.budgetWaits++;
      await sleep(Math.min(60, Math.max(1, answer.retryAfterSeconds ?? 1)) * 1_000);
    }
  }

  /** How often the API's request budget made this client wait. */
  budgetWaits = 0;

  /** The answer's body when the status is one of `expected`; else an error naming the call. */
  async ok<T>(method: string, path: string, body?: unknown, expected: number[] = [200, 201, 202]): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    if (!expected.includes(answer.status)) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
    return answer.body;
  }

  /**
   * As `ok`, but a 502 (the API passing on a HaloPSA 429 or outage) or a 503 (the product's own
   * HaloPSA budget used up for now) is waited out, as its `Retry-After` says (else 15 s), and
   * retried: the mapping steps share HaloPSA's budget with everything else.
   */
  async okRetrying<T>(method: string, path: string, body?: unknown, deadlineMs = 420_000): Promise<T> {
    const deadline = Date.now() + deadlineMs;
    for (let attempt = 1; ; attempt++) {
      const answer = await this.call<T>(method, path, body);
      if (answer.status >= 200 && answer.status < 300) return answer.body;
      const waitMs = Math.min(300, Math.max(1, answer.retryAfterSeconds ?? 15)) * 1_000;
      if ((answer.status !== 502 && answer.status !== 503) || Date.now() + waitMs > deadline) {
        throw new Error(`${method} ${path} answered ${answer.status} (attempt ${attempt}): ${JSON.stringify(answer.body).slice(0, 500)}`);
      }
      this.log(`${method} ${path} answered ${answer.status} (${JSON.stringify(answer.body).slice(0, 120)}); retrying in ${waitMs / 1_000} s`);
      await sleep(waitMs);
    }
  }
}

/** A simulator's control API (`/_sim/...`). */
export async function simControl<T = unknown>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await callJson<T>(`${baseUrl}/_sim${path}`, method, { body, timeoutMs: 60_000 });
  if (answer.status < 200 || answer.status > 299) throw new Error(`${method} /_sim${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every `intervalMs` until it returns a value (not undefined), or gives up after `timeoutMs` and returns undefined. */
export async function pollUntil<T>(check: () => Promise<T | undefined>, timeoutMs: number, intervalMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(intervalMs);
  }
}
