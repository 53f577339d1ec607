import { normaliseComputerId } from './computer-id';
import { readAllComputers } from './console-computer-pages';
import { asArray, toAdministrator, toCompany, toComputer, toLicense, toMonitoringRow } from './console-decoders';
import { ConsoleError } from './console-errors';
import { ConsoleClientOptions, ConsoleCredentials, ConsoleSession } from './console-session';
import { ConsoleAdministrator, ConsoleCompany, ConsoleComputer, ConsoleLicense, ConsoleMonitoringRow } from './console-types';

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

  /** `GET /api/Computers/{hid}`; the HID may come with or without braces. A missing computer is a `not_found` ConsoleError. */
  async getComputer(hid: string): Promise<ConsoleComputer> {
    const plain = normaliseComputerId(hid);
    if (!/^[0-9a-z-]{1,64}$/.test(plain)) {
      throw new ConsoleError('unexpected', 'A computer id (ComputerHID) must be a GUID, with or without braces', { operation: 'GET /api/Computers/{hid}' });
    }
    const operation = `GET /api/Computers/${plain}`;
    return toComputer(await this.#session.getJson(`/api/Computers/${plain}`, operation), operation);
  }

  /** `GET /api/Licenses` (all of them, taken or free). */
  async listLicenses(): Promise<ConsoleLicense[]> {
    const body = await this.#session.getJson('/api/Licenses', 'GET /api/Licenses');
    return asArray(body, 'GET /api/Licenses').map((item) => toLicense(item, 'GET /api/Licenses'));
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

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl };
  }
}
