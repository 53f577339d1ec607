import { normaliseComputerId } from './computer-id';
import { computerPages, readAllComputers } from './console-computer-pages';
import { asArray, toAdministrator, toCompany, toComputer, toLicense, toMonitoringRow } from './console-decoders';
import { ConsoleError, undefinedWhenNotFound } from './console-errors';
import { ConsoleClientOptions, ConsoleCredentials, ConsoleSession } from './console-session';
import { ConsoleAdministrator, ConsoleCompany, ConsoleComputer, ConsoleLicense, ConsoleMonitoringRow } from './console-types';

/** Elements per batch of a list read as it arrives. */
const STREAMED_BATCH = 1_000;

/**
 * The Management Console API's read endpoints that the integration needs (console-api.md), over
 * one logged-in session (console-session.ts: login, token cache, errors, nothing leaks).
 */
export class ConsoleClient {
  readonly baseUrl: string;
  readonly #session: ConsoleSession;

  constructor(credentials: ConsoleCredentials, options: ConsoleClientOptions = {}) {
    this.#session = new ConsoleSession(credentials, options);
    this.baseUrl = this.#session.baseUrl;
  }

  /** `GET /api/Administrators`. */
  async listAdministrators(): Promise<ConsoleAdministrator[]> {
    const body = await this.#session.getJson('/api/Administrators', 'GET /api/Administrators');
    return asArray(body, 'GET /api/Administrators').map((item) => toAdministrator(item, 'GET /api/Administrators'));
  }

  /** `GET /api/Companies` (the whole list; the API does not page it). */
  async listCompanies(): Promise<ConsoleCompany[]> {
    const body = await this.#session.getJson('/api/Companies', 'GET /api/Companies');
    return asArray(body, 'GET /api/Companies').map((item) => toCompany(item, 'GET /api/Companies'));
  }

  /** Every computer, through `GET /api/Computers/{offset}/{count}` pages (console-computer-pages.ts says how the end is found). */
  async listComputers(): Promise<ConsoleComputer[]> {
    return readAllComputers((path, operation) => this.#session.getJson(path, operation));
  }

  /** The same listing as `listComputers`, a page at a time; a computer can come twice (keep the later). `seen` gathers the HIDs listed. */
  computerPages(seen?: Set<string>): AsyncGenerator<ConsoleComputer[]> {
    return computerPages((path, operation) => this.#session.getJson(path, operation), seen);
  }

  /** `GET /api/Computers/{hid}`; the HID may come with or without braces. A missing computer is a `not_found` ConsoleError. */
  async getComputer(hid: string): Promise<ConsoleComputer> {
    const plain = plainGuid(hid, 'A computer id (ComputerHID)', 'GET /api/Computers/{hid}');
    const operation = `GET /api/Computers/${plain}`;
    return toComputer(await this.#session.getJson(`/api/Computers/${plain}`, operation), operation);
  }

  /** `GET /api/Licenses` (all of them, taken or free). */
  async listLicenses(): Promise<ConsoleLicense[]> {
    const body = await this.#session.getJson('/api/Licenses', 'GET /api/Licenses');
    return asArray(body, 'GET /api/Licenses').map((item) => toLicense(item, 'GET /api/Licenses'));
  }

  /**
   * `GET /api/Licenses/{id}`: one license, taken or free; undefined when the Console has no license
   * by that id, or the id cannot be asked for (it is not a GUID).
   */
  async getLicense(id: string): Promise<ConsoleLicense | undefined> {
    const operation = 'GET /api/Licenses/{id}';
    const plain = pathId(id);
    const body = plain === undefined ? undefined : await this.#getUnlessNotFound(`/api/Licenses/${plain}`, operation);
    return body === undefined ? undefined : toLicense(body, operation);
  }

  /** `GET /api/Licenses` read as it arrives, in batches: memory holds one batch, not the list. */
  async *licenseBatches(): AsyncGenerator<ConsoleLicense[]> {
    const operation = 'GET /api/Licenses';
    for await (const batch of this.#session.getJsonArrayBatches('/api/Licenses', operation, STREAMED_BATCH)) yield batch.map((item) => toLicense(item, operation));
  }

  /** `GET /api/Monitoring` read as it arrives, in batches (`listMonitoring` says what a row is). */
  async *monitoringBatches(): AsyncGenerator<ConsoleMonitoringRow[]> {
    const operation = 'GET /api/Monitoring';
    for await (const batch of this.#session.getJsonArrayBatches('/api/Monitoring', operation, STREAMED_BATCH)) yield batch.map((item) => toMonitoringRow(item, operation));
  }

  /**
   * `GET /api/Monitoring/{userId}`: one user's rows (the vendor's PowerShell module reads them so).
   * Undefined when the Console answers 404: a deployment without this form, where the whole list
   * must be read instead.
   */
  async monitoringOfUser(userId: string): Promise<ConsoleMonitoringRow[] | undefined> {
    const operation = 'GET /api/Monitoring/{userId}';
    const body = await this.#getUnlessNotFound(`/api/Monitoring/${plainGuid(userId, 'A Console user id (UserID)', operation)}`, operation);
    return body === undefined ? undefined : asArray(body, operation).map((item) => toMonitoringRow(item, operation));
  }

  /** `GET /api/Monitoring`: one row per backup plan, `Status` normalised to its numeric code. */
  async listMonitoring(): Promise<ConsoleMonitoringRow[]> {
    const body = await this.#session.getJson('/api/Monitoring', 'GET /api/Monitoring');
    return asArray(body, 'GET /api/Monitoring').map((item) => toMonitoringRow(item, 'GET /api/Monitoring'));
  }

  /** Logs in now (whatever the cache holds): proves the credentials, e.g. when an integration is set up. */
  async verifyCredentials(): Promise<void> {
    await this.#session.logInNow();
  }

  #getUnlessNotFound(path: string, operation: string): Promise<unknown> {
    return this.#session.getJson(path, operation).catch(undefinedWhenNotFound);
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl };
  }
}

/** An id for a request path: lower case, no braces, refused unless it can be a GUID. */
function plainGuid(id: string, what: string, operation: string): string {
  const plain = pathId(id);
  if (plain === undefined) throw new ConsoleError('unexpected', `${what} must be a GUID, with or without braces`, { operation });
  return plain;
}

function pathId(id: string): string | undefined {
  const plain = normaliseComputerId(id);
  return /^[0-9a-z-]{1,64}$/.test(plain) ? plain : undefined;
}
