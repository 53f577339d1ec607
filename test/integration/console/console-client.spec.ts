import { requiredConsolePermissions, visibleCompanyNames } from '../../../src/console/administrator-permissions';
import { ConsoleClient } from '../../../src/console/console-client';
import { ConsoleClientOptions } from '../../../src/console/console-session';
import { ConsoleError } from '../../../src/console/console-errors';
import { UrlPolicy, UrlPolicyError } from '../../../src/security/url-policy';
import { ConsoleSimulator, startConsoleSimulator } from '../../../simulators/console/console-simulator';
import { consoleSettingsForProfile } from '../../../simulators/console/profile';
import { generateDemoData } from '../../../simulators/demo-data/generate-demo-data';

/** The Console client against the real Console simulator, over HTTP. */

const LOGIN = 'integration-api';
const PASSWORD = 'Sim-Pa55word-never-in-messages';
const small = generateDemoData({ companies: 8, computers: 37, seed: 21 }).console;
const large = generateDemoData({ companies: 20, computers: 1234, seed: 7 }).console;

async function control(sim: ConsoleSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sim.url}/_sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function counters(sim: ConsoleSimulator): Promise<Record<string, number>> {
  return ((await control(sim, 'GET', '/counters')) as { byPathAndVerb: Record<string, number> }).byPathAndVerb;
}

async function resetCounters(sim: ConsoleSimulator): Promise<void> {
  await control(sim, 'POST', '/counters/reset');
}

function sum(counts: Record<string, number>, pattern: RegExp): number {
  return Object.entries(counts)
    .filter(([key]) => pattern.test(key))
    .reduce((total, [, n]) => total + n, 0);
}

const LOGINS = /^POST \/api\/provider\/login$/;
const COMPUTER_PAGES = /^GET \/api\/computers\/\d+\/\d+$/;

/** Awaits a rejected call and checks it is a ConsoleError that shows no password. */
async function consoleErrorOf(promise: Promise<unknown>, ...secrets: string[]): Promise<ConsoleError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConsoleError);
  const shown = `${(error as Error).message} ${(error as Error).stack ?? ''} ${JSON.stringify(error)}`;
  for (const secret of [PASSWORD, ...secrets]) expect(shown).not.toContain(secret);
  return error as ConsoleError;
}

describe('ConsoleClient against the Console simulator', () => {
  let sim: ConsoleSimulator;
  const policy = new UrlPolicy({ allowedInsecureHosts: ['127.0.0.1'] });

  function sut(overrides: Partial<{ login: string; password: string }> = {}, options: ConsoleClientOptions = {}): ConsoleClient {
    return new ConsoleClient(
      { baseUrl: `${sim.url}/`, login: overrides.login ?? sim.credentials.login, password: overrides.password ?? sim.credentials.password },
      { beforeRequest: (url) => policy.check(url), timeoutMs: 10_000, ...options },
    );
  }

  beforeAll(async () => {
    sim = await startConsoleSimulator({ data: small, login: LOGIN, password: PASSWORD, settings: { requireJsonAccept: true } });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control(sim, 'DELETE', '/faults');
    await control(sim, 'PUT', '/data', small);
    await control(sim, 'PUT', '/settings', { countMode: 'total', maxPageSize: 0, hidFormat: 'plain', badLoginStatus: 400, monitoringStatusFormat: 'number', enumFormat: 'string' });
    await resetCounters(sim);
  });

  describe('login', () => {
    it('logs in with JSON once and reuses the token (Accept: application/json on every call)', async () => {
      const client = sut();
      expect(await client.listCompanies()).toHaveLength(small.companies.length);
      expect(await client.listLicenses()).toHaveLength(small.licenses.length);
      expect(await client.listMonitoring()).toHaveLength(small.monitoring.length);
      const counts = await counters(sim);
      expect(sum(counts, LOGINS)).toBe(1);
      expect(counts['GET /api/companies']).toBe(1);
    });

    it.each([400, 403] as const)('calls bad credentials answered %s invalid_credentials, without the password in the error', async (status) => {
      await control(sim, 'PUT', '/settings', { badLoginStatus: status });
      const wrong = 'Wrong-Password-123456';
      const error = await consoleErrorOf(sut({ password: wrong }).listCompanies(), wrong);
      expect(error).toMatchObject({ kind: 'invalid_credentials', status, retryable: false, operation: 'POST /api/Provider/Login' });
      expect(error.message).toMatch(/The user name or password is incorrect/);
      expect(sum(await counters(sim), /^GET /)).toBe(0);
    });

    it('logs in again after the tokens expire (POST /_sim/tokens/expire)', async () => {
      const client = sut();
      await client.listCompanies();
      expect(await control(sim, 'POST', '/tokens/expire')).toEqual({ expired: expect.any(Number) });
      expect(await client.listCompanies()).toHaveLength(small.companies.length);
      const counts = await counters(sim);
      expect(sum(counts, LOGINS)).toBe(2);
      expect(counts['GET /api/companies']).toBe(3); // 200, then 401 and the repeat after the new login
    });

    it('logs in again when a short token lifetime runs out', async () => {
      await control(sim, 'PUT', '/settings', { tokenLifetimeSeconds: 1 });
      let now = Date.now();
      const client = sut({}, { now: () => new Date(now) });
      await client.listCompanies();
      now += 2_000; // past the token's lifetime by the client's clock: it logs in again without trying the old token
      await client.listCompanies();
      const counts = await counters(sim);
      expect(sum(counts, LOGINS)).toBe(2);
      expect(counts['GET /api/companies']).toBe(2);
      await control(sim, 'PUT', '/settings', { tokenLifetimeSeconds: 1209599 });
    });

    it('fails with invalid_credentials when the credentials were regenerated in the Console', async () => {
      const client = sut();
      await client.listCompanies();
      await control(sim, 'PUT', '/settings', { login: LOGIN, password: 'Regenerated-Pa55word' });
      try {
        const error = await consoleErrorOf(client.listCompanies(), 'Regenerated-Pa55word');
        expect(error.kind).toBe('invalid_credentials');
      } finally {
        await control(sim, 'PUT', '/settings', { login: LOGIN, password: PASSWORD });
      }
    });
  });

  describe('administrators', () => {
    it('reads the main administrator with both permissions and the helpdesk one without PSA', async () => {
      const admins = await sut().listAdministrators();
      expect(admins).toHaveLength(small.administrators.length);
      const byEmail = new Map(admins.map((a) => [a.Email, a]));
      const owner = byEmail.get('owner@msp.example');
      const helpdesk = byEmail.get('helpdesk@msp.example');
      const technician = byEmail.get('technician@msp.example');
      const regional = byEmail.get('regional@msp.example');
      expect(owner && requiredConsolePermissions(owner)).toEqual({ users: true, psaIntegration: true, enabled: true });
      expect(helpdesk && requiredConsolePermissions(helpdesk)).toEqual({ users: true, psaIntegration: false, enabled: true });
      expect(technician && requiredConsolePermissions(technician)).toMatchObject({ users: false, psaIntegration: true });

      const companies = await sut().listCompanies();
      expect(owner && visibleCompanyNames(owner, companies)).toEqual(companies.map((c) => c.Name));
      const limited = regional ? visibleCompanyNames(regional, companies) : [];
      expect(limited.length).toBeGreaterThan(0);
      expect(limited.length).toBeLessThan(companies.length);
      expect(limited).toEqual(companies.map((c) => c.Name).filter((name) => regional?.Companies.includes(name)));
    });
  });

  describe('computers', () => {
    beforeEach(async () => {
      await control(sim, 'PUT', '/data', large);
      await resetCounters(sim);
    });

    async function listAndCount(): Promise<{ hids: string[]; pages: number }> {
      const computers = await sut().listComputers();
      return { hids: computers.map((c) => c.ComputerHID), pages: sum(await counters(sim), COMPUTER_PAGES) };
    }

    it('pages across several pages of 500 with Count as the total', async () => {
      const { hids, pages } = await listAndCount();
      expect(hids).toEqual(large.computers.map((c) => c.ComputerHID));
      expect(pages).toBe(4); // 500 + 500 + 234, then the empty page that confirms the end
      const counts = await counters(sim);
      expect(Object.keys(counts).filter((k) => COMPUTER_PAGES.test(k))).toEqual([
        'GET /api/computers/0/500',
        'GET /api/computers/1000/500',
        'GET /api/computers/1234/500',
        'GET /api/computers/500/500',
      ]);
    });

    it('pages the same way with Count as the page length', async () => {
      await control(sim, 'PUT', '/settings', { countMode: 'page' });
      const { hids, pages } = await listAndCount();
      expect(hids).toEqual(large.computers.map((c) => c.ComputerHID));
      expect(pages).toBe(4);
    });

    it.each(['total', 'page'] as const)('is not fooled by a page-size cap (maxPageSize 100, Count as %s)', async (countMode) => {
      await control(sim, 'PUT', '/settings', { countMode, maxPageSize: 100 });
      const { hids, pages } = await listAndCount();
      expect(hids).toHaveLength(1234);
      expect(hids).toEqual(large.computers.map((c) => c.ComputerHID));
      expect(pages).toBe(13); // 12 pages of 100 and one of 34, shorter than the cap: the end
    });

    it('strips braces from HIDs and fetches one computer with or without them', async () => {
      await control(sim, 'PUT', '/settings', { hidFormat: 'braces' });
      const target = large.computers[42];
      const listed = await sut().listComputers();
      expect(listed.every((c) => !c.ComputerHID.includes('{'))).toBe(true);
      const one = await sut().getComputer(`{${target.ComputerHID.toUpperCase()}}`);
      expect(one).toMatchObject({ ComputerHID: target.ComputerHID, ComputerName: target.ComputerName, CompanyName: target.CompanyName });
    });

    it('answers not_found for an unknown computer', async () => {
      const error = await consoleErrorOf(sut().getComputer('00000000-0000-4000-8000-000000000000'));
      expect(error).toMatchObject({ kind: 'not_found', status: 404, retryable: false });
    });
  });

  describe('other resources', () => {
    it('reads licenses, and monitoring with Status names mapped to codes', async () => {
      await control(sim, 'PUT', '/settings', { monitoringStatusFormat: 'string' });
      const monitoring = await sut().listMonitoring();
      expect(monitoring.map((r) => r.Status)).toEqual(small.monitoring.map((r) => r.Status));
      const licenses = await sut().listLicenses();
      expect(licenses.map((l) => l.ID)).toEqual(small.licenses.map((l) => l.ID));
    });
  });

  describe('failures', () => {
    it('calls 5xx retryable server errors, on login and on API calls', async () => {
      await control(sim, 'PUT', '/faults', { serverErrorRate: 1 });
      const onLogin = await consoleErrorOf(sut().listCompanies());
      expect(onLogin).toMatchObject({ kind: 'server', status: 503, retryable: true, operation: 'POST /api/Provider/Login' });

      await control(sim, 'DELETE', '/faults');
      const client = sut();
      await client.listCompanies();
      await control(sim, 'PUT', '/faults', { serverErrorRate: 1 });
      const onCall = await consoleErrorOf(client.listComputers());
      expect(onCall).toMatchObject({ kind: 'server', status: 503, retryable: true });
      expect(onCall.message).toMatch(/HTTP 503: Service Unavailable \(simulated fault\)/);
    });

    it('calls dropped connections retryable network errors', async () => {
      await control(sim, 'PUT', '/faults', { dropConnectionRate: 1 });
      const error = await consoleErrorOf(sut().listCompanies());
      expect(error).toMatchObject({ kind: 'network', retryable: true });
    });

    it('calls a closed port a retryable network error', async () => {
      const closed = await startConsoleSimulator({ data: small });
      const url = closed.url;
      await closed.close();
      const client = new ConsoleClient({ baseUrl: url, login: LOGIN, password: PASSWORD }, { beforeRequest: (u) => policy.check(u) });
      const error = await consoleErrorOf(client.listCompanies());
      expect(error).toMatchObject({ kind: 'network', retryable: true });
    });

    it('is refused by a URL policy without the simulator on its allow-list, before any request', async () => {
      const strict = new UrlPolicy();
      const error = await sut({}, { beforeRequest: (url) => strict.check(url) })
        .listCompanies()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UrlPolicyError);
      expect((error as UrlPolicyError).message).toMatch(/plain http/);
      expect(sum(await counters(sim), /./)).toBe(0);
    });
  });
});

describe('ConsoleClient against the strict Console simulator (403 bad login, numeric enums, braces, Count per page, pages of 100)', () => {
  let sim: ConsoleSimulator;
  const client = (password = sim.credentials.password): ConsoleClient =>
    new ConsoleClient({ baseUrl: sim.url, login: sim.credentials.login, password }, { beforeRequest: (url) => new UrlPolicy({ allowedInsecureHosts: ['127.0.0.1'] }).check(url) });

  beforeAll(async () => {
    sim = await startConsoleSimulator({ data: large, settings: consoleSettingsForProfile('strict') });
  });
  afterAll(() => sim.close());

  it('lists every computer once, with plain lower-case HIDs, and passes the numeric build type through', async () => {
    const computers = await client().listComputers();
    expect(computers.map((c) => c.ComputerHID).sort()).toEqual(large.computers.map((c) => c.ComputerHID).sort());
    expect(computers.every((c) => c.BuildTypeString === 536870940)).toBe(true);
  });

  it('reads companies with numeric license types, and administrators with a numeric access mode', async () => {
    const sut = client();
    const companies = await sut.listCompanies();
    expect(companies.map((c) => c.Name)).toEqual(large.companies.map((c) => c.Name));
    expect(companies.every((c) => Array.isArray(c.AllowedLicenses) && (c.AllowedLicenses as unknown[]).every(Number.isInteger))).toBe(true);
    const administrators = await sut.listAdministrators();
    const regional = administrators.find((a) => a.Email === 'regional@msp.example')!;
    const owner = administrators.find((a) => a.Email === 'owner@msp.example')!;
    expect([regional.AccessToCompaniesMode, owner.AccessToCompaniesMode]).toEqual([0, 1]);
    expect(visibleCompanyNames(owner, companies)).toEqual(large.companies.map((c) => c.Name));
    expect(visibleCompanyNames(regional, companies)).toEqual(large.administrators.find((a) => a.Email === 'regional@msp.example')!.Companies);
  });

  it('calls a 403 bad login invalid_credentials', async () => {
    await expect(client('Wrong-Password-123456').listCompanies()).rejects.toMatchObject({ kind: 'invalid_credentials', status: 403 });
  });
});
