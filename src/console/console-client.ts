import { policyRefusalIn } from '../security/policy-fetch';
import { normaliseServiceUrl, serviceBaseString } from '../security/url-policy';
import { ConsoleError, ConsoleErrorKind, describeConsoleErrorBody, scrubSecrets } from './console-errors';
import {
  CONSOLE_BACKUP_STATUS,
  ConsoleAdministrator,
  ConsoleApp,
  ConsoleBackupStatus,
  ConsoleCompany,
  ConsoleComputer,
  ConsoleLicense,
  ConsoleMonitoringRow,
} from './console-types';

/**
 * Client of the Management Console API (console-api.md): login with the API credentials, a cached
 * bearer token, and the read endpoints the integration needs.
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

/** The page size asked for in `GET /api/Computers/{offset}/{count}`. */
export const CONSOLE_COMPUTERS_PAGE_SIZE = 500;
const DEFAULT_TIMEOUT_MS = 30_000;
/** A listing that needs more pages than this is a server bug (10,000 pages of even 100 is a million computers). */
const MAX_COMPUTER_PAGES = 10_000;
/** Tokens are renewed this fraction of their lifetime early, but at most MAX_EARLY_RENEWAL_MS early. */
const EARLY_RENEWAL_FRACTION = 0.1;
const MAX_EARLY_RENEWAL_MS = 5 * 60_000;
/** Error bodies are read up to this many characters: enough for any readable message. */
const MAX_ERROR_BODY_CHARS = 64 * 1024;

interface CachedToken {
  value: string;
  renewAt: number;
}

export class ConsoleClient {
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

  // ---------------------------------------------------------------------------------- resources

  /** `GET /api/Administrators`. */
  async listAdministrators(): Promise<ConsoleAdministrator[]> {
    const body = await this.getJson('/api/Administrators', 'GET /api/Administrators');
    return asArray(body, 'GET /api/Administrators').map((item) => toAdministrator(item, 'GET /api/Administrators'));
  }

  /** `GET /api/Companies` (the whole list; the API does not page it). */
  async listCompanies(): Promise<ConsoleCompany[]> {
    const body = await this.getJson('/api/Companies', 'GET /api/Companies');
    return asArray(body, 'GET /api/Companies').map((item) => toCompany(item, 'GET /api/Companies'));
  }

  /**
   * Every computer, through `GET /api/Computers/{offset}/{count}` pages of 500.
   *
   * The envelope's `Count` is the total on some deployments and the page length on others, and a
   * deployment may cap `count` below what was asked, which makes "page until a short page" stop
   * early. So `Count` is never trusted to stop, and:
   * - the next offset is the previous one plus the computers actually received;
   * - an empty page ends the listing;
   * - a short page is confirmed by asking for one more page (a request more at the end of a
   *   listing, never computers lost behind a cap). If that page is not empty, the short page
   *   revealed the server's cap, and from then on pages of that size are full pages and a shorter
   *   one is the end. A `Count` larger than everything received so far can only be a total, so a
   *   short page with such a `Count` reveals the cap without the extra request.
   * - The result has one entry per `ComputerHID`: a computer shifted across a page boundary by a
   *   concurrent insert is not listed twice. A concurrent delete can shift a computer past the
   *   boundary the other way, so an absence from one listing is a hint, not proof of deletion
   *   (confirm with `getComputer`, whose `not_found` is).
   * - The bare array some deployments might send instead of the envelope is accepted.
   */
  async listComputers(): Promise<ConsoleComputer[]> {
    const operation = 'GET /api/Computers/{offset}/{count}';
    const byHid = new Map<string, ConsoleComputer>();
    let offset = 0;
    /** A page this long counts as full; below CONSOLE_COMPUTERS_PAGE_SIZE once a server cap is known. */
    let fullPageSize = CONSOLE_COMPUTERS_PAGE_SIZE;
    let capKnown = false;
    /** Length of a short page whose meaning (end or cap) the current request will tell. */
    let unconfirmedShortPage: number | undefined;
    for (let page = 0; ; page++) {
      if (page >= MAX_COMPUTER_PAGES) {
        throw new ConsoleError('unexpected', `The Console kept returning computers after ${MAX_COMPUTER_PAGES} pages (${byHid.size} computers): stopped`, { operation });
      }
      const body = await this.getJson(`/api/Computers/${offset}/${CONSOLE_COMPUTERS_PAGE_SIZE}`, operation);
      const envelope = Array.isArray(body) ? { Computers: body } : asObject(body, operation);
      const items = asArray(field(envelope, 'Computers') ?? [], operation);
      if (items.length === 0) break;
      if (unconfirmedShortPage !== undefined) {
        fullPageSize = unconfirmedShortPage;
        capKnown = true;
        unconfirmedShortPage = undefined;
      }
      let added = 0;
      for (const item of items) {
        const computer = toComputer(item, operation);
        if (!byHid.has(computer.ComputerHID)) added++;
        byHid.set(computer.ComputerHID, computer);
      }
      if (added === 0) {
        throw new ConsoleError('unexpected', `The Console returned the same computers again at offset ${offset}: it seems to ignore the paging offset`, { operation });
      }
      offset += items.length;
      if (items.length >= fullPageSize) continue;
      if (capKnown) break; // shorter than the server's known cap: the end
      const count = toFiniteNumber(field(envelope, 'Count'));
      if (count !== undefined && count > offset) {
        // Only a total can exceed what was received: more remain, and this page shows the cap.
        fullPageSize = items.length;
        capKnown = true;
        continue;
      }
      unconfirmedShortPage = items.length;
    }
    return [...byHid.values()];
  }

  /** `GET /api/Computers/{hid}`; the HID may come with or without braces. A missing computer is a `not_found` ConsoleError. */
  async getComputer(hid: string): Promise<ConsoleComputer> {
    const plain = normaliseHid(hid);
    if (!/^[0-9a-z-]{1,64}$/.test(plain)) {
      throw new ConsoleError('unexpected', 'A computer id (ComputerHID) must be a GUID, with or without braces', { operation: 'GET /api/Computers/{hid}' });
    }
    const operation = `GET /api/Computers/${plain}`;
    return toComputer(await this.getJson(`/api/Computers/${plain}`, operation), operation);
  }

  /** `GET /api/Licenses` (all of them, taken or free). */
  async listLicenses(): Promise<ConsoleLicense[]> {
    const body = await this.getJson('/api/Licenses', 'GET /api/Licenses');
    return asArray(body, 'GET /api/Licenses').map((item) => toLicense(item, 'GET /api/Licenses'));
  }

  /** `GET /api/Monitoring`: one row per backup plan, `Status` normalised to its numeric code. */
  async listMonitoring(): Promise<ConsoleMonitoringRow[]> {
    const body = await this.getJson('/api/Monitoring', 'GET /api/Monitoring');
    return asArray(body, 'GET /api/Monitoring').map((item) => toMonitoringRow(item, 'GET /api/Monitoring'));
  }

  /** Logs in now (whatever the cache holds): proves the credentials, e.g. when an integration is set up. */
  async verifyCredentials(): Promise<void> {
    this.#token = undefined;
    await this.token();
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl };
  }

  // ---------------------------------------------------------------------------------- HTTP

  private async getJson(path: string, operation: string): Promise<unknown> {
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
    return this.readJson(response, operation);
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
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.#now());
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

// ------------------------------------------------------------------------------------ helpers

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

/** `Retry-After` as milliseconds from now: delta seconds or an HTTP date. */
function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function shapeError(operation: string, what: string): ConsoleError {
  return new ConsoleError('unexpected', `The Console's answer to ${operation} is not what its API documents: ${what}`, { operation });
}

function asArray(value: unknown, operation: string): unknown[] {
  if (!Array.isArray(value)) throw shapeError(operation, 'expected a JSON array');
  return value;
}

function asObject(value: unknown, operation: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw shapeError(operation, 'expected a JSON object');
  return value as Record<string, unknown>;
}

/** A property by name, case-insensitively (the API's casing of ids and fields varies). */
function field(object: Record<string, unknown>, name: string): unknown {
  if (name in object) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

function idString(object: Record<string, unknown>, name: string, operation: string, required = true): string {
  const value = field(object, name);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (!required && (value === null || value === undefined)) return '';
  throw shapeError(operation, `an item has no ${name}`);
}

function optionalString(object: Record<string, unknown>, name: string): string | null {
  const value = field(object, name);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function bool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return /^(true|1|yes)$/i.test(value.trim());
  return false;
}

/** Strips `{}` and surrounding spaces; lower-cases (GUIDs are case-insensitive, events use lower case). */
export function normaliseHid(hid: string): string {
  return String(hid).trim().replace(/^\{(.*)\}$/, '$1').trim().toLowerCase();
}

function toCompany(item: unknown, operation: string): ConsoleCompany {
  const raw = asObject(item, operation);
  return { ...raw, Id: idString(raw, 'Id', operation), Name: idString(raw, 'Name', operation) } as ConsoleCompany;
}

function toComputer(item: unknown, operation: string): ConsoleComputer {
  const raw = asObject(item, operation);
  const apps = field(raw, 'Apps');
  return {
    ...raw,
    ComputerHID: normaliseHid(idString(raw, 'ComputerHID', operation)),
    ComputerName: optionalString(raw, 'ComputerName') ?? '',
    CompanyName: optionalString(raw, 'CompanyName') ?? '',
    UserID: optionalString(raw, 'UserID') ?? '',
    HasBackupApp: bool(field(raw, 'HasBackupApp')),
    Apps: Array.isArray(apps) ? apps.filter((a): a is Record<string, unknown> => a !== null && typeof a === 'object').map(toApp) : [],
  } as ConsoleComputer;
}

function toApp(raw: Record<string, unknown>): ConsoleApp {
  return { ...raw, ApplicationId: String(field(raw, 'ApplicationId') ?? '').toLowerCase(), Online: bool(field(raw, 'Online')) } as ConsoleApp;
}

function toLicense(item: unknown, operation: string): ConsoleLicense {
  const raw = asObject(item, operation);
  return {
    ...raw,
    ID: idString(raw, 'ID', operation),
    ComputerName: optionalString(raw, 'ComputerName'),
    IsTrial: bool(field(raw, 'IsTrial')),
    IsTaken: bool(field(raw, 'IsTaken')),
    LicenseType: optionalString(raw, 'LicenseType') ?? '',
    UserID: optionalString(raw, 'UserID'),
  } as ConsoleLicense;
}

const STATUS_BY_NAME = new Map(Object.entries(CONSOLE_BACKUP_STATUS).map(([name, code]) => [name.toLowerCase(), code]));

function toBackupStatus(value: unknown): ConsoleBackupStatus {
  const numeric = toFiniteNumber(value);
  if (numeric !== undefined) return (Number.isInteger(numeric) && numeric >= 0 && numeric <= 7 ? numeric : CONSOLE_BACKUP_STATUS.Unknown) as ConsoleBackupStatus;
  if (typeof value === 'string') return STATUS_BY_NAME.get(value.trim().toLowerCase().replace(/[\s_-]/g, '')) ?? CONSOLE_BACKUP_STATUS.Unknown;
  return CONSOLE_BACKUP_STATUS.Unknown;
}

function toMonitoringRow(item: unknown, operation: string): ConsoleMonitoringRow {
  const raw = asObject(item, operation);
  return {
    ...raw,
    PlanName: optionalString(raw, 'PlanName') ?? '',
    PlanId: idString(raw, 'PlanId', operation, false),
    CompanyName: optionalString(raw, 'CompanyName') ?? '',
    UserID: optionalString(raw, 'UserID') ?? '',
    ComputerName: optionalString(raw, 'ComputerName') ?? '',
    LastStart: optionalString(raw, 'LastStart'),
    Status: toBackupStatus(field(raw, 'Status')),
  } as ConsoleMonitoringRow;
}

function toAdministrator(item: unknown, operation: string): ConsoleAdministrator {
  const raw = asObject(item, operation);
  const companies = field(raw, 'Companies');
  return {
    ...raw,
    AdminID: idString(raw, 'AdminID', operation),
    Email: optionalString(raw, 'Email') ?? '',
    Enabled: field(raw, 'Enabled'),
    PermissionsModels: field(raw, 'PermissionsModels'),
    Companies: Array.isArray(companies) ? companies.filter((c): c is string => typeof c === 'string') : [],
    AccessToCompaniesMode: field(raw, 'AccessToCompaniesMode'),
  } as ConsoleAdministrator;
}
