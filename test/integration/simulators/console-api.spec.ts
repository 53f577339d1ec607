import { ConsoleSimulator, startConsoleSimulator } from '../../../simulators/console/console-simulator';
import { generateDemoData } from '../../../simulators/demo-data/generate-demo-data';
import { BACKUP_STATUS } from '../../../simulators/demo-data/types';

const dataset = generateDemoData({ companies: 6, computers: 23, seed: 11 });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RFC1123 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

async function login(sim: ConsoleSimulator, creds = sim.credentials): Promise<string> {
  const res = await fetch(`${sim.url}/api/Provider/Login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ UserName: creds.login, Password: creds.password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

function get(sim: ConsoleSimulator, path: string, token?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sim.url}${path}`, {
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

async function control(sim: ConsoleSimulator, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.url}/_sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('Console simulator: login and tokens', () => {
  let clock = new Date('2025-06-02T09:00:00Z');
  let sut: ConsoleSimulator;

  beforeAll(async () => {
    sut = await startConsoleSimulator({ data: dataset.console, login: 'api-user', password: 's3cret-pass', now: () => clock });
  });
  afterAll(() => sut.close());

  it('logs in with a JSON body and returns the token object', async () => {
    const res = await fetch(`${sut.url}/api/Provider/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ UserName: 'api-user', Password: 's3cret-pass' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 1209599,
      userName: 'api-user',
      '.issued': 'Mon, 02 Jun 2025 09:00:00 GMT',
      '.expires': 'Mon, 16 Jun 2025 08:59:59 GMT',
    });
    expect(body['.issued']).toMatch(RFC1123);
  });

  it('logs in with a form body', async () => {
    const res = await fetch(`${sut.url}/api/Provider/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: 'api-user', password: 's3cret-pass' }).toString(),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token_type: string }).token_type).toBe('bearer');
  });

  it('answers 400 invalid_grant to bad credentials', async () => {
    const res = await fetch(`${sut.url}/api/Provider/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ UserName: 'api-user', Password: 'wrong' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'The user name or password is incorrect.' });
  });

  it('answers 401 without a token, with a malformed one and with an unknown one', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer nope' }] as Record<string, string>[]) {
      const res = await get(sut, '/api/Companies', undefined, headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ Message: 'Authorization has been denied for this request.' });
    }
  });

  it('expires tokens at their lifetime (injected clock)', async () => {
    const token = await login(sut);
    expect((await get(sut, '/api/Companies', token)).status).toBe(200);
    clock = new Date(clock.getTime() + 1_209_599_000);
    expect((await get(sut, '/api/Companies', token)).status).toBe(401);
  });

  it('expires tokens on demand (control API)', async () => {
    const token = await login(sut);
    expect((await get(sut, '/api/Companies', token)).status).toBe(200);
    const res = await control(sut, 'POST', '/tokens/expire');
    expect(await res.json()).toEqual({ expired: expect.any(Number) });
    expect((await get(sut, '/api/Companies', token)).status).toBe(401);
  });

  it('replacing the credentials expires old tokens and the old login', async () => {
    const token = await login(sut);
    const res = await control(sut, 'PUT', '/settings', { login: 'new-user', password: 'new-password' });
    expect(res.status).toBe(200);
    expect(sut.credentials).toEqual({ login: 'new-user', password: 'new-password' });
    expect((await get(sut, '/api/Companies', token)).status).toBe(401);
    await login(sut, { login: 'new-user', password: 'new-password' });
  });
});

describe('Console simulator: options', () => {
  it('answers 403 to bad credentials when asked, and honours a short token lifetime', async () => {
    let clock = new Date('2025-01-01T00:00:00Z');
    const sim = await startConsoleSimulator({ badLoginStatus: 403, tokenLifetimeSeconds: 60, now: () => clock });
    try {
      expect(sim.credentials.login.length).toBeGreaterThanOrEqual(3);
      expect(sim.credentials.password.length).toBeGreaterThanOrEqual(3);
      const bad = await fetch(`${sim.url}/api/Provider/Login`, { method: 'POST', body: 'UserName=x&Password=y' });
      expect(bad.status).toBe(403);
      expect(await bad.json()).toEqual({ error: 'invalid_grant', error_description: 'The user name or password is incorrect.' });
      const token = await login(sim);
      clock = new Date(clock.getTime() + 59_000);
      expect((await get(sim, '/api/Computers/0/10', token)).status).toBe(200);
      clock = new Date(clock.getTime() + 1_000);
      expect((await get(sim, '/api/Computers/0/10', token)).status).toBe(401);
    } finally {
      await sim.close();
    }
  });

  it('rejects invalid options', async () => {
    await expect(startConsoleSimulator({ login: 'ab' })).rejects.toThrow(/login/);
    await expect(startConsoleSimulator({ remoteConnectUrlTemplate: 'https://elsewhere/{ComputerHID}' })).rejects.toThrow(/consoleUrl/);
  });
});

describe('Console simulator: resources', () => {
  let sut: ConsoleSimulator;
  let token: string;

  beforeAll(async () => {
    sut = await startConsoleSimulator({ data: dataset.console });
    token = await login(sut);
  });
  afterAll(() => sut.close());
  afterEach(() => sut.updateSettings({ countMode: 'total', hidFormat: 'plain', monitoringStatusFormat: 'number', requireJsonAccept: false, maxPageSize: 0 }));

  it('lists companies, and one by id (braces and case ignored)', async () => {
    const res = await get(sut, '/api/Companies', token);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const companies = (await res.json()) as Record<string, unknown>[];
    expect(companies).toEqual(dataset.console.companies);
    expect(Object.keys(companies[0]).sort()).toEqual(['AllowedLicenses', 'DefaultLicense', 'Destinations', 'Id', 'LicenseSettings', 'Name', 'StorageLimit']);
    const id = dataset.console.companies[2].Id;
    expect(await (await get(sut, `/api/Companies/${id}`, token)).json()).toEqual(dataset.console.companies[2]);
    expect(await (await get(sut, `/api/companies/{${id.toUpperCase()}}`, token)).json()).toEqual(dataset.console.companies[2]);
    const missing = await get(sut, '/api/Companies/00000000-0000-4000-8000-000000000000', token);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ Message: expect.any(String) });
  });

  it('pages computers until a short page, Count being the total by default', async () => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += 10) {
      const res = await get(sut, `/api/Computers/${offset}/10`, token);
      const body = (await res.json()) as { Count: number; Message: string; StatusCode: number; Computers: { ComputerHID: string }[] };
      expect(body).toEqual({ Count: 23, Message: 'Success', StatusCode: 200, Computers: expect.any(Array) });
      seen.push(...body.Computers.map((c) => c.ComputerHID));
      if (body.Computers.length < 10) break;
    }
    expect(seen).toEqual(dataset.console.computers.map((c) => c.ComputerHID));
  });

  it('can make Count the page length, and cap the page size', async () => {
    sut.updateSettings({ countMode: 'page' });
    const page = (await (await get(sut, '/api/Computers/20/10', token)).json()) as { Count: number; Computers: unknown[] };
    expect(page.Count).toBe(3);
    expect(page.Computers).toHaveLength(3);
    sut.updateSettings({ maxPageSize: 5 });
    const capped = (await (await get(sut, '/api/Computers/0/10', token)).json()) as { Count: number; Computers: unknown[] };
    expect(capped.Computers).toHaveLength(5);
  });

  it('rejects a bad offset or count', async () => {
    expect((await get(sut, '/api/Computers/-1/10', token)).status).toBe(400);
    expect((await get(sut, '/api/Computers/0/abc', token)).status).toBe(400);
  });

  it('serves a computer with every documented field, by HID with or without braces', async () => {
    const expected = dataset.console.computers[4];
    const plain = await (await get(sut, `/api/Computers/${expected.ComputerHID}`, token)).json();
    expect(plain).toEqual(expected);
    const braced = await (await get(sut, `/api/Computers/${encodeURIComponent(`{${expected.ComputerHID.toUpperCase()}}`)}`, token)).json();
    expect(braced).toEqual(expected);
    expect(Object.keys(plain as object).sort()).toEqual(
      [
        'Apps', 'BackupBuildVersion', 'BackupStats', 'BuildTypeString', 'CompanyName', 'ComputerDisplayName', 'ComputerHID', 'ComputerName',
        'HasBackupApp', 'InstanceType', 'LastActivity', 'License', 'LostAuth', 'LostAuthChangeDate', 'OSTypeString', 'ProfileName',
        'RemoteManagementAvailable', 'UserEmail', 'UserID',
      ].sort(),
    );
    expect(expected.ComputerHID).toMatch(GUID);
    expect((await get(sut, '/api/Computers/00000000-0000-4000-8000-000000000000', token)).status).toBe(404);
  });

  it('can send HIDs wrapped in braces', async () => {
    sut.updateSettings({ hidFormat: 'braces' });
    const page = (await (await get(sut, '/api/Computers/0/2', token)).json()) as { Computers: { ComputerHID: string }[] };
    expect(page.Computers[0].ComputerHID).toBe(`{${dataset.console.computers[0].ComputerHID}}`);
  });

  it('lists licenses, filtered by availability', async () => {
    const all = (await (await get(sut, '/api/Licenses', token)).json()) as { IsTaken: boolean }[];
    expect(all).toEqual(dataset.console.licenses);
    const free = (await (await get(sut, '/api/Licenses?isAvailable=true', token)).json()) as { IsTaken: boolean }[];
    const taken = (await (await get(sut, '/api/Licenses?IsAvailable=False', token)).json()) as { IsTaken: boolean }[];
    expect(free.length).toBeGreaterThan(0);
    expect(free.every((l) => !l.IsTaken)).toBe(true);
    expect(taken.every((l) => l.IsTaken)).toBe(true);
    expect(free.length + taken.length).toBe(all.length);
    expect((await get(sut, '/api/Licenses?isAvailable=maybe', token)).status).toBe(400);
    expect(Object.keys(all[0]).sort()).toEqual(
      ['ComputerName', 'DateExpired', 'ID', 'IsTaken', 'IsTrial', 'LicenseType', 'Number', 'OperatingSystem', 'User', 'UserID'].sort(),
    );
  });

  it('lists monitoring rows with numeric statuses, or names when asked', async () => {
    const rows = (await (await get(sut, '/api/Monitoring', token)).json()) as { Status: unknown }[];
    expect(rows).toEqual(dataset.console.monitoring);
    expect(Object.keys(rows[0]).sort()).toEqual(
      ['CompanyName', 'ComputerName', 'DataCopied', 'DetailedReportLink', 'ErrorMessage', 'LastStart', 'NextStart', 'PlanId', 'PlanName', 'PlanType', 'Status', 'UserID'].sort(),
    );
    sut.updateSettings({ monitoringStatusFormat: 'string' });
    const named = (await (await get(sut, '/api/Monitoring', token)).json()) as { Status: unknown }[];
    const firstSuccess = dataset.console.monitoring.findIndex((r) => r.Status === BACKUP_STATUS.Success);
    expect(named[firstSuccess].Status).toBe('Success');
  });

  it("answers one user's monitoring rows at /api/Monitoring/{userId}, or 404 where the switch says the deployment lacks it", async () => {
    const user = dataset.console.monitoring[0].UserID;
    const rows = await (await get(sut, `/api/Monitoring/${user.toUpperCase()}`, token)).json();
    expect(rows).toEqual(dataset.console.monitoring.filter((r) => r.UserID === user));
    sut.updateSettings({ monitoringByUser: false });
    try {
      expect((await get(sut, `/api/Monitoring/${user}`, token)).status).toBe(404);
    } finally {
      sut.updateSettings({ monitoringByUser: true });
    }
  });

  it('lists administrators', async () => {
    const admins = (await (await get(sut, '/api/Administrators', token)).json()) as { PermissionsModels: Record<string, number> }[];
    expect(admins).toEqual(dataset.console.administrators);
    expect(admins.some((a) => a.PermissionsModels.PSA === 0)).toBe(true);
  });

  it('answers JSON only: 406 to an XML-only Accept, and to a missing one when strict', async () => {
    expect((await get(sut, '/api/Companies', token, { accept: 'application/xml' })).status).toBe(406);
    expect((await get(sut, '/api/Companies', token, { accept: '*/*' })).status).toBe(200);
    sut.updateSettings({ requireJsonAccept: true });
    expect((await get(sut, '/api/Companies', token, { accept: 'text/html' })).status).toBe(406);
    expect((await get(sut, '/api/Companies', token)).status).toBe(200);
  });

  it('rejects bad control input with 400 and a clear message', async () => {
    const cases: [string, string, unknown, RegExp][] = [
      ['PUT', '/settings', { countMode: 'sometimes' }, /countMode/],
      ['PUT', '/settings', { unknownKey: 1 }, /unknownKey/],
      ['PUT', '/settings', { login: 'only-login' }, /login and password/],
      ['PUT', '/faults', { serverErrorRate: 2 }, /serverErrorRate/],
      ['PUT', '/event-target', { url: 'not a url', secret: 'x' }, /url/],
      ['PUT', '/data', '{not json', /not valid JSON/],
      ['PUT', '/data', { computers: [{ ComputerHID: 1 }] }, /computers/],
      ['POST', '/computers', { companyName: dataset.console.companies[0].Name }, /computerName/],
      ['POST', '/computers', { companyName: dataset.console.companies[0].Name, computerName: 'X', licenseType: 'Gold' }, /licenseType must be one of/],
      ['PATCH', `/computers/${dataset.console.computers[0].ComputerHID}`, {}, /at least one/],
      ['POST', `/computers/${dataset.console.computers[0].ComputerHID}/backups`, { status: 'Great' }, /status/],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await control(sut, method, path, body);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    const missing = await control(sut, 'PATCH', '/computers/00000000-0000-4000-8000-000000000000', { online: false });
    expect(missing.status).toBe(404);
  });

  it('replaces the data through the control API (a dataset, or generated from a seed)', async () => {
    const sim = await startConsoleSimulator();
    try {
      const t = await login(sim);
      expect(((await (await get(sim, '/api/Computers/0/100', t)).json()) as { Count: number }).Count).toBe(0);
      const res = await control(sim, 'PUT', '/data', { generate: { companies: 2, computers: 7, seed: 5 } });
      expect(await res.json()).toEqual(expect.objectContaining({ companies: 2, computers: 7 }));
      expect(((await (await get(sim, '/api/Computers/0/100', t)).json()) as { Count: number }).Count).toBe(7);
      await control(sim, 'PUT', '/data', dataset);
      expect(((await (await get(sim, '/api/Computers/0/100', t)).json()) as { Count: number }).Count).toBe(23);
    } finally {
      await sim.close();
    }
  });
});

describe('Console simulator: Connect page', () => {
  let sut: ConsoleSimulator;
  const withRmm = dataset.console.computers.find((c) => c.Apps.some((a) => a.ApplicationId === 'ra'))!;
  const withoutRmm = dataset.console.computers.find((c) => !c.Apps.some((a) => a.ApplicationId === 'ra'))!;

  beforeAll(async () => {
    sut = await startConsoleSimulator({ data: dataset.console });
  });
  afterAll(() => sut.close());

  it('opens a session page for a computer with the RMM agent (no token needed)', async () => {
    const url = sut.connectUrl(withRmm.ComputerHID);
    expect(url).toBe(`${sut.url}/connect/web?hid=${withRmm.ComputerHID}`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain(`Remote desktop session to ${withRmm.ComputerName}`);
  });

  it('explains why when there is no RMM agent, no such computer, or no id', async () => {
    const noAgent = await fetch(sut.connectUrl(withoutRmm.ComputerHID));
    expect(noAgent.status).toBe(409);
    expect(await noAgent.text()).toMatch(/no Connect \(RMM\) agent/);
    const unknown = await fetch(sut.connectUrl('00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/Computer not found/);
    expect((await fetch(`${sut.url}/connect/web`)).status).toBe(400);
  });

  it('serves the page at a configured template, and says where in the control API', async () => {
    sut.updateSettings({ remoteConnectUrlTemplate: '{consoleUrl}/rd/{ComputerHID}/session?mode=web' });
    const url = sut.connectUrl(withRmm.ComputerHID);
    expect(url).toBe(`${sut.url}/rd/${withRmm.ComputerHID}/session?mode=web`);
    expect((await fetch(url)).status).toBe(200);
    const info = (await (await control(sut, 'GET', `/computers/${withRmm.ComputerHID}`)).json()) as { connectUrl: string };
    expect(info.connectUrl).toBe(url);
  });
});
