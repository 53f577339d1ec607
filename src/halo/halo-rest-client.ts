import { HaloConnectionSettings, stripTrailingSlashes } from './halo-connection-settings';
import { HaloError, HaloErrorKind } from './halo-errors';
import { describeRequest, HaloAnswer, HaloExchange, HaloHttp, HaloResponseInfo } from './halo-http';
import { HaloTokenProvider } from './halo-token-provider';
import { SecretRedactor } from './secret-redactor';

export type HaloMethod = HaloExchange['method'];

export type HaloQuery = Record<string, string | number | boolean | undefined>;

export interface HaloRequestOptions {
  query?: HaloQuery;
  /** Sent as JSON. */
  body?: unknown;
}

export interface HaloClientOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /** Space-separated scopes for the token; default `all`. */
  scope?: string;
  /** Per request, answer included; default 30000. */
  timeoutMs?: number;
  /** Records per page of envelope lists; default 500 (Halo limits the number of requests, not their size). */
  pageSize?: number;
  /** URL policy hook (SSRF check) called before every connection, token requests included. */
  beforeRequest?: (url: URL) => Promise<void>;
  /** Called after every request with its status (or `network-error`), token requests included: for metrics. */
  onResponse?: (info: HaloResponseInfo) => void;
  /** Waits for a place in the HaloPSA instance's request budget before every request, token requests included; what it throws reaches the caller. */
  takeFromBudget?: () => Promise<void>;
  /** Waits between quick tries of one request (see `inPlaceRetryDelayMs`); a timer by default. */
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_PAGE_SIZE = 500;

/**
 * HaloPSA's REST conventions, whatever the entity: token, verbs, paging, array saves, errors.
 * Beyond HaloHttp's quick tries again where they are safe (reads and token requests after no
 * answer or a 5xx, any request after a 429 with a short Retry-After), it retries only once after a
 * 401 with a fresh token: every other failure is a typed HaloError whose `retryable`/`retryAfterMs`
 * the caller's retry policy (Temporal's) acts on.
 * `HaloClient` adds the entities on top.
 */
export class HaloRestClient {
  private readonly http: HaloHttp;
  private readonly tokens: HaloTokenProvider;
  private readonly resourceServerUrl: string;
  private readonly pageSize: number;

  constructor(settings: HaloConnectionSettings, options: HaloClientOptions = {}) {
    const redactor = new SecretRedactor();
    redactor.remember(settings.clientSecret);
    this.http = new HaloHttp({
      fetch: options.fetch ?? fetch,
      now: options.now ?? Date.now,
      timeoutMs: options.timeoutMs ?? 30_000,
      beforeRequest: options.beforeRequest,
      onResponse: options.onResponse,
      takeFromBudget: options.takeFromBudget,
      sleep: options.sleep,
      redactor,
    });
    this.resourceServerUrl = stripTrailingSlashes(settings.resourceServerUrl);
    const authServerUrl = stripTrailingSlashes(settings.authServerUrl);
    this.tokens = new HaloTokenProvider({ ...settings, authServerUrl }, options.scope ?? 'all', this.http, redactor);
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  /** HTTP requests sent so far (token requests included). */
  get requestsSent(): number {
    return this.http.requestsSent;
  }

  /** Asks for a new token now and answers the scopes Halo granted. */
  async authenticate(): Promise<string[]> {
    return (await this.tokens.renew()).grantedScopes;
  }

  /** One call to `{resourceServer}/{path}`; the parsed JSON answer (undefined for an empty one). */
  async request<T>(method: HaloMethod, path: string, options: HaloRequestOptions = {}): Promise<T> {
    const url = this.urlOf(path, options.query);
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    let token = await this.tokens.token();
    let answer = await this.send(method, url, token.value, body);
    if (answer.status === 401) {
      this.tokens.discard(token.value);
      token = await this.tokens.token();
      answer = await this.send(method, url, token.value, body);
    }
    if (answer.status < 200 || answer.status > 299) throw this.http.errorForStatus({ method, url }, answer);
    return this.parse({ method, url }, answer) as T;
  }

  /**
   * Every record of a list. Envelope lists (`{record_count, <envelopeKey>: [...]}`) are read page
   * by page (`pageinate=true&page_size&page_no`) until `page_no * page_size >= record_count` or a
   * short page. Bare-array lists (`envelopeKey` null: Halo's configuration lists) are not paged by
   * Halo, so they are read in one request: asking for pages of a list that ignores paging would
   * repeat its first page forever.
   */
  async listAll<T>(path: string, envelopeKey: string | null, query: HaloQuery = {}, pageSize = this.pageSize): Promise<T[]> {
    if (envelopeKey === null) return this.arrayOf<T>(path, await this.request<unknown>('GET', path, { query }));
    const records: T[] = [];
    for await (const page of this.pages<T>(path, envelopeKey, query, pageSize)) records.push(...page);
    return records;
  }

  /** The pages of an envelope list, one at a time, as `listAll` reads them. */
  async *pages<T>(path: string, envelopeKey: string, query: HaloQuery = {}, pageSize = this.pageSize): AsyncGenerator<T[]> {
    for (let pageNo = 1; ; pageNo += 1) {
      const { records: page, recordCount } = await this.listPage<T>(path, envelopeKey, query, pageNo, pageSize);
      yield page;
      // A page longer than asked for means Halo ignored paging and sent everything.
      if (page.length !== pageSize) return;
      if (recordCount !== undefined && pageNo * pageSize >= recordCount) return;
    }
  }

  /** One page of an envelope list (`pageinate=true&page_size&page_no`, 1-based) and how many records matched. */
  async listPage<T>(path: string, envelopeKey: string, query: HaloQuery, pageNo: number, pageSize: number): Promise<{ records: T[]; recordCount: number | undefined }> {
    const answer = await this.request<unknown>('GET', path, { query: { ...query, pageinate: true, page_size: pageSize, page_no: pageNo } });
    const { page, recordCount } = this.pageOf<T>(path, envelopeKey, answer);
    return { records: page, recordCount };
  }

  /**
   * `POST` of an array (create without `id`, update with one); the saved records in input order,
   * although Halo answers one object for a one-element array. Nothing is sent for an empty array.
   */
  async save<T, Input = Partial<T>>(path: string, records: readonly Input[]): Promise<T[]> {
    if (records.length === 0) return [];
    const answer = await this.request<unknown>('POST', path, { body: records });
    const saved: unknown[] = Array.isArray(answer) ? answer : [answer];
    if (saved.length !== records.length || !saved.every(isRecord)) {
      throw this.http.error('unexpected', `HaloPSA answered POST ${path} of ${records.length} record(s) with ${summarise(answer)}`);
    }
    return saved as T[];
  }

  /**
   * `GET {path}/{id}`: the bare record; an unknown id is a `not_found` HaloError. So is an id that
   * is not a positive integer, without asking: Halo answers `GET /X/0` with a blank new record.
   */
  async getById<T>(path: string, id: number): Promise<T> {
    if (!Number.isSafeInteger(id) || id <= 0) throw this.error('not_found', `HaloPSA has no record ${id} at ${path}: not a record id`);
    const answer = await this.request<unknown>('GET', `${trimSlashes(path)}/${id}`);
    if (!isRecord(answer)) throw this.http.error('unexpected', `HaloPSA answered GET ${path}/${id} with ${summarise(answer)}, not a record`);
    return answer as T;
  }

  async remove(path: string, id: number): Promise<void> {
    await this.request<unknown>('DELETE', `${trimSlashes(path)}/${id}`);
  }

  /** A HaloError whose message went through the secret redactor. */
  protected error(kind: HaloErrorKind, message: string): HaloError {
    return this.http.error(kind, message);
  }

  private send(method: HaloMethod, url: URL, token: string, body: string | undefined): Promise<HaloAnswer> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.http.exchange({ method, url, headers, body });
  }

  private urlOf(path: string, query: HaloQuery = {}): URL {
    const url = new URL(`${this.resourceServerUrl}/${trimSlashes(path)}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  private parse(request: Pick<HaloExchange, 'method' | 'url'>, answer: HaloAnswer): unknown {
    if (answer.text.trim() === '') return undefined;
    try {
      return JSON.parse(answer.text);
    } catch {
      throw this.http.error('unexpected', `HaloPSA answered ${describeRequest(request)} with a body that is not JSON`, { status: answer.status });
    }
  }

  private arrayOf<T>(path: string, answer: unknown): T[] {
    if (!Array.isArray(answer)) throw this.http.error('unexpected', `HaloPSA answered GET ${path} with ${summarise(answer)}, not a list`);
    return answer as T[];
  }

  /** Tolerates a bare array where an envelope was expected (then there is no record count). */
  private pageOf<T>(path: string, envelopeKey: string, answer: unknown): { page: T[]; recordCount?: number } {
    if (Array.isArray(answer)) return { page: answer as T[] };
    const page = isRecord(answer) ? answer[envelopeKey] : undefined;
    if (!isRecord(answer) || !Array.isArray(page)) {
      throw this.http.error('unexpected', `HaloPSA answered GET ${path} with ${summarise(answer)}, not a "${envelopeKey}" list`);
    }
    const count = answer.record_count;
    return { page: page as T[], recordCount: typeof count === 'number' ? count : undefined };
  }
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function summarise(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isRecord(value)) return 'an object';
  return value === undefined ? 'an empty body' : `a ${typeof value}`;
}
