import { ConsoleSimulator, startConsoleSimulator } from '../../../simulators/console/console-simulator';
import { consoleSettingsForProfile } from '../../../simulators/console/profile';
import { generateDemoData } from '../../../simulators/demo-data/generate-demo-data';

const dataset = generateDemoData({ companies: 8, computers: 30, seed: 5 });
const licensed = dataset.console.companies[0];
Object.assign(licensed, { LicenseSettings: 0, DefaultLicense: 'Server', AllowedLicenses: ['Desktop', 'VM Server'] });

async function login(sim: ConsoleSimulator): Promise<string> {
  const res = await fetch(`${sim.url}/api/Provider/Login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ UserName: sim.credentials.login, Password: sim.credentials.password }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('Console simulator: numeric enums, the strict profile and the further endpoints', () => {
  let sut: ConsoleSimulator;
  let token: string;
  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${sut.url}${path}`, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    sut = await startConsoleSimulator({ data: dataset.console, settings: { enumFormat: 'string' } });
    token = await login(sut);
  });
  afterEach(() => sut.updateSettings({ enumFormat: 'string' }));
  afterAll(() => sut.close());

  it('sends license types, the build type and the access mode as names by default', async () => {
    expect((await get(`/api/Companies/${licensed.Id}`)).body).toEqual(licensed);
    const computer = (await get(`/api/Computers/${dataset.console.computers[0].ComputerHID}`)).body as Record<string, unknown>;
    expect(computer.BuildTypeString).toBe('Standard');
    expect((await get('/api/Administrators')).body).toEqual(dataset.console.administrators);
  });

  it("sends the vendor's numbers with enumFormat \"number\"", async () => {
    sut.updateSettings({ enumFormat: 'number' });
    const companies = (await get('/api/Companies')).body as { DefaultLicense: unknown; AllowedLicenses: unknown[] }[];
    for (const company of companies) {
      expect(company.DefaultLicense === null || Number.isInteger(company.DefaultLicense)).toBe(true);
      expect(company.AllowedLicenses.every(Number.isInteger)).toBe(true);
    }
    expect(companies[0]).toEqual({ ...licensed, DefaultLicense: 1, AllowedLicenses: [0, 7] });
    const page = (await get('/api/Computers/0/5')).body as { Computers: { BuildTypeString: unknown; Apps: Record<string, unknown>[] }[] };
    expect(page.Computers.every((c) => c.BuildTypeString === 536870940)).toBe(true);
    const admins = (await get('/api/Administrators')).body as { AccessToCompaniesMode: unknown }[];
    const expected = dataset.console.administrators.map((a) => (a.AccessToCompaniesMode === 'AllCompanies' ? 1 : 0));
    expect(admins.map((a) => a.AccessToCompaniesMode)).toEqual(expected);
  });

  it("carries the apps' and computers' further documented fields", async () => {
    const computer = (await get(`/api/Computers/${dataset.console.computers.find((c) => c.Apps.length > 0)!.ComputerHID}`)).body as {
      InstanceType: unknown;
      LostAuthChangeDate: unknown;
      Apps: Record<string, unknown>[];
    };
    expect(computer).toEqual(expect.objectContaining({ InstanceType: 0, LostAuthChangeDate: null }));
    expect(computer.Apps[0]).toEqual(
      expect.objectContaining({ VersionStatus: expect.stringMatching(/^(Latest|Outdated)$/), ApplicationState: 'Enabled', BuildTypeLong: 536870940, ErrorCode: 0, ErrorMessage: null }),
    );
  });

  it('serves one administrator and one license by id, and 404 for an unknown id', async () => {
    const admin = dataset.console.administrators[2];
    expect((await get(`/api/Administrators/{${admin.AdminID.toUpperCase()}}`)).body).toEqual(admin);
    sut.updateSettings({ enumFormat: 'number' });
    expect((await get(`/api/Administrators/${admin.AdminID}`)).body).toEqual({ ...admin, AccessToCompaniesMode: 0 });
    const license = dataset.console.licenses[1];
    expect((await get(`/api/Licenses/${license.ID}`)).body).toEqual(license);
    for (const path of ['/api/Administrators/', '/api/Licenses/']) {
      const missing = await get(`${path}00000000-0000-4000-8000-000000000000`);
      expect(missing).toEqual({ status: 404, body: { Message: expect.any(String) } });
    }
  });

  it("lists the backup users the computers belong to, each once, in their company", async () => {
    const users = (await get('/api/Users')).body as { ID: string; Email: string; Company: string; DestinationList: unknown[] }[];
    const expected = new Map(dataset.console.computers.map((c) => [c.UserID, c]));
    expect(users.map((u) => u.ID).sort()).toEqual([...expected.keys()].sort());
    for (const user of users) {
      expect(user).toEqual(expect.objectContaining({ Email: expected.get(user.ID)!.UserEmail, Company: expected.get(user.ID)!.CompanyName, Enabled: true }));
      expect(user.DestinationList).toEqual(dataset.console.companies.find((c) => c.Name === user.Company)!.Destinations);
    }
  });

  it('lists the packages the destinations use', async () => {
    const packages = (await get('/api/Packages')).body as { ID: number; Name: string; Enabled: boolean }[];
    const ids = new Set(dataset.console.companies.flatMap((c) => c.Destinations.map((d) => d.PackageID)));
    expect(packages.map((p) => p.ID).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(packages[0]).toEqual(expect.objectContaining({ Name: expect.any(String), Enabled: true }));
  });

  it('strict profile: 403 bad login, numbers, braces, Count per page, pages of at most 100', async () => {
    expect(consoleSettingsForProfile('default')).toEqual({});
    const strict = await startConsoleSimulator({ data: generateDemoData({ companies: 3, computers: 150, seed: 2 }).console, settings: consoleSettingsForProfile('strict') });
    try {
      const bad = await fetch(`${strict.url}/api/Provider/Login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ UserName: strict.credentials.login, Password: 'wrong-password' }),
      });
      expect(bad.status).toBe(403);
      const strictToken = await login(strict);
      const res = await fetch(`${strict.url}/api/Computers/0/500`, { headers: { accept: 'application/json', authorization: `Bearer ${strictToken}` } });
      const page = (await res.json()) as { Count: number; Computers: { ComputerHID: string; BuildTypeString: unknown }[] };
      expect(page.Computers).toHaveLength(100);
      expect(page.Count).toBe(100);
      expect(page.Computers[0].ComputerHID).toMatch(/^\{.*\}$/);
      expect(page.Computers[0].BuildTypeString).toBe(536870940);
    } finally {
      await strict.close();
    }
  });
});
