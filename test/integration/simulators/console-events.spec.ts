import { ConsoleSimulator, startConsoleSimulator } from '../../../simulators/console/console-simulator';
import { EventReceiver, startEventReceiver } from '../../../simulators/console/event-receiver';
import { signConsoleEvent, verifyConsoleSignature } from '../../../simulators/console/events';
import { generateDemoData } from '../../../simulators/demo-data/generate-demo-data';
import { ConsoleComputer, ConsoleLicense, ConsoleMonitoringRow } from '../../../simulators/demo-data/types';

const SECRET = 'whsec-test-secret';
const dataset = generateDemoData({ companies: 4, computers: 16, seed: 21 });

async function login(sim: ConsoleSimulator): Promise<string> {
  const res = await fetch(`${sim.url}/api/Provider/Login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ UserName: sim.credentials.login, Password: sim.credentials.password }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function api<T>(sim: ConsoleSimulator, token: string, path: string): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function control<T = unknown>(sim: ConsoleSimulator, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sim.url}/_sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('Console simulator: mutations emit signed events', () => {
  let sut: ConsoleSimulator;
  let receiver: EventReceiver;
  let token: string;
  const backupComputer = dataset.console.computers.find((c) => c.HasBackupApp && c.Apps.length === 2)!;
  const [companyA, companyB] = dataset.console.companies;

  beforeAll(async () => {
    receiver = await startEventReceiver({ secret: SECRET });
    sut = await startConsoleSimulator({ data: dataset.console });
    token = await login(sut);
    const set = await control(sut, 'PUT', '/event-target', { url: receiver.url, secret: SECRET });
    expect(set.status).toBe(200);
  });
  afterAll(async () => {
    await sut.close();
    await receiver.close();
  });

  /** Takes the next received event (in order), checks its type, signature, headers and envelope. */
  let consumed = 0;
  async function nextEvent(type: string): Promise<Record<string, unknown>> {
    const received = await receiver.waitFor((r) => r.length > consumed);
    const entry = received[consumed++];
    expect(entry.event?.type).toBe(type);
    expect(entry.signature).toEqual({ ok: true });
    expect(entry.headers['content-type']).toBe('application/json');
    expect(entry.headers['x-console-timestamp']).toMatch(/^\d+$/);
    expect(entry.headers['x-console-signature']).toBe(signConsoleEvent(SECRET, entry.headers['x-console-timestamp'] as string, entry.rawBody));
    expect(entry.event).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), type, occurredAt: expect.any(String), data: expect.any(Object) });
    expect(entry.headers['x-console-event-id']).toBe(entry.event?.id);
    expect(Math.abs(Date.parse(entry.event!.occurredAt) - Date.now())).toBeLessThan(60_000);
    return entry.event!.data;
  }

  it('adds a computer (computer.created)', async () => {
    const res = await control<ConsoleComputer>(sut, 'POST', '/computers', {
      companyName: companyA.Name,
      computerName: 'NEW-WS-001',
      hid: '{6F1C1E0A-1111-4222-8333-944455556666}',
      os: 'windows',
      agents: { backup: true, ra: true },
      licenseType: 'Desktop',
    });
    expect(res.status).toBe(201);
    expect(res.body.ComputerHID).toBe('6f1c1e0a-1111-4222-8333-944455556666');
    const listed = await api<ConsoleComputer>(sut, token, '/api/Computers/6f1c1e0a-1111-4222-8333-944455556666');
    expect(listed).toEqual(expect.objectContaining({ ComputerName: 'NEW-WS-001', CompanyName: companyA.Name, HasBackupApp: true }));
    expect(listed.License.Granted).toBe(true);
    const licenses = await api<ConsoleLicense[]>(sut, token, '/api/Licenses');
    expect(licenses.find((l) => l.UserID === listed.UserID && l.ComputerName === 'NEW-WS-001')?.LicenseType).toBe('Desktop');
    expect(await nextEvent('computer.created')).toEqual({
      ComputerHID: '6f1c1e0a-1111-4222-8333-944455556666',
      ComputerName: 'NEW-WS-001',
      CompanyName: companyA.Name,
      UserID: listed.UserID,
      HasBackupApp: true,
      AppIds: ['backup', 'ra'],
      LicenseType: 'Desktop',
    });
    expect((await control(sut, 'POST', '/computers', { companyName: companyA.Name, computerName: 'DUP', hid: listed.ComputerHID })).status).toBe(409);
  });

  it('renames a computer: licenses and monitoring rows follow (computer.updated)', async () => {
    const res = await control<ConsoleComputer>(sut, 'PATCH', `/computers/${backupComputer.ComputerHID}`, { computerName: 'RENAMED-01' });
    expect(res.status).toBe(200);
    const computer = await api<ConsoleComputer>(sut, token, `/api/Computers/${backupComputer.ComputerHID}`);
    expect(computer.ComputerName).toBe('RENAMED-01');
    const rows = await api<ConsoleMonitoringRow[]>(sut, token, '/api/Monitoring');
    expect(rows.filter((r) => r.UserID === computer.UserID && r.ComputerName === 'RENAMED-01')).toHaveLength(computer.BackupStats.PlansCount);
    const data = await nextEvent('computer.updated');
    expect(data).toEqual(expect.objectContaining({ ComputerHID: backupComputer.ComputerHID, ComputerName: 'RENAMED-01', changes: { ComputerName: { from: backupComputer.ComputerName, to: 'RENAMED-01' } } }));
  });

  it('moves a computer to another company (computer.updated)', async () => {
    await control(sut, 'PATCH', `/computers/${backupComputer.ComputerHID}`, { companyName: companyB.Name });
    const computer = await api<ConsoleComputer>(sut, token, `/api/Computers/${backupComputer.ComputerHID}`);
    expect(computer.CompanyName).toBe(companyB.Name);
    const data = await nextEvent('computer.updated');
    expect(data.CompanyName).toBe(companyB.Name);
    expect(data.changes).toEqual({ CompanyName: { from: backupComputer.CompanyName, to: companyB.Name } });
    expect((await control(sut, 'PATCH', `/computers/${backupComputer.ComputerHID}`, { companyName: 'No Such Company' })).status).toBe(404);
  });

  it('changes a license type, and releases it (computer.updated)', async () => {
    await control(sut, 'PATCH', `/computers/${backupComputer.ComputerHID}`, { licenseType: 'VM Server' });
    let licenses = await api<ConsoleLicense[]>(sut, token, '/api/Licenses?isAvailable=false');
    expect(licenses.find((l) => l.UserID === backupComputer.UserID && l.ComputerName === 'RENAMED-01')?.LicenseType).toBe('VM Server');
    expect((await nextEvent('computer.updated')).changes).toEqual({ LicenseType: { from: expect.anything(), to: 'VM Server' } });

    await control(sut, 'PATCH', `/computers/${backupComputer.ComputerHID}`, { licenseType: null });
    licenses = await api<ConsoleLicense[]>(sut, token, '/api/Licenses?isAvailable=false');
    expect(licenses.some((l) => l.UserID === backupComputer.UserID && l.ComputerName === 'RENAMED-01')).toBe(false);
    expect((await api<ConsoleComputer>(sut, token, `/api/Computers/${backupComputer.ComputerHID}`)).License.Granted).toBe(false);
    expect((await nextEvent('computer.updated')).changes).toEqual({ LicenseType: { from: 'VM Server', to: null } });
  });

  it('changes agents and online state in one event', async () => {
    await control(sut, 'PATCH', `/computers/${backupComputer.ComputerHID}`, { agents: { ra: false }, online: false });
    const computer = await api<ConsoleComputer>(sut, token, `/api/Computers/${backupComputer.ComputerHID}`);
    expect(computer.Apps.map((a) => a.ApplicationId)).toEqual(['backup']);
    expect(computer.Apps.every((a) => !a.Online)).toBe(true);
    const data = await nextEvent('computer.updated');
    expect(data.changes).toEqual(expect.objectContaining({ Apps: { from: ['backup', 'ra'], to: ['backup'] } }));
  });

  it('records a backup result (backup.completed) and updates monitoring and stats', async () => {
    const res = await control<ConsoleMonitoringRow>(sut, 'POST', `/computers/${backupComputer.ComputerHID}/backups`, {
      status: 'Error',
      planName: 'Nightly SQL',
      errorMessage: 'Disk full',
    });
    expect(res.status).toBe(201);
    const rows = await api<ConsoleMonitoringRow[]>(sut, token, '/api/Monitoring');
    const row = rows.find((r) => r.PlanId === res.body.PlanId)!;
    expect(row).toEqual(expect.objectContaining({ PlanName: 'Nightly SQL', Status: 2, ErrorMessage: 'Disk full', ComputerName: 'RENAMED-01', CompanyName: companyB.Name }));
    const computer = await api<ConsoleComputer>(sut, token, `/api/Computers/${backupComputer.ComputerHID}`);
    expect(computer.BackupStats.PlansCount).toBe(backupComputer.BackupStats.PlansCount + 1);
    expect(computer.BackupStats.TotalFailedCount).toBeGreaterThanOrEqual(1);
    expect(await nextEvent('backup.completed')).toEqual(
      expect.objectContaining({ ComputerHID: backupComputer.ComputerHID, PlanId: row.PlanId, PlanName: 'Nightly SQL', Status: 2, StatusName: 'Error', ErrorMessage: 'Disk full' }),
    );
    const rmmOnly = dataset.console.computers.find((c) => !c.HasBackupApp)!;
    expect((await control(sut, 'POST', `/computers/${rmmOnly.ComputerHID}/backups`, { status: 0 })).status).toBe(409);
  });

  it('renames a company: computers and monitoring follow (company.renamed)', async () => {
    const res = await control(sut, 'PATCH', `/companies/${companyB.Id}`, { name: 'Renamed Company Ltd' });
    expect(res.status).toBe(200);
    const computer = await api<ConsoleComputer>(sut, token, `/api/Computers/${backupComputer.ComputerHID}`);
    expect(computer.CompanyName).toBe('Renamed Company Ltd');
    const rows = await api<ConsoleMonitoringRow[]>(sut, token, '/api/Monitoring');
    expect(rows.some((r) => r.CompanyName === companyB.Name)).toBe(false);
    expect(await nextEvent('company.renamed')).toEqual({
      CompanyId: companyB.Id,
      CompanyName: 'Renamed Company Ltd',
      changes: { Name: { from: companyB.Name, to: 'Renamed Company Ltd' } },
    });
    expect((await control(sut, 'PATCH', `/companies/${companyA.Id}`, { name: ' renamed company ltd ' })).status).toBe(409);
  });

  it('deletes a computer (computer.deleted): gone from every list', async () => {
    const res = await control(sut, 'DELETE', `/computers/${backupComputer.ComputerHID}`);
    expect(res.status).toBe(200);
    const gone = await fetch(`${sut.url}/api/Computers/${backupComputer.ComputerHID}`, { headers: { authorization: `Bearer ${token}` } });
    expect(gone.status).toBe(404);
    const rows = await api<ConsoleMonitoringRow[]>(sut, token, '/api/Monitoring');
    expect(rows.some((r) => r.ComputerName === 'RENAMED-01')).toBe(false);
    expect(await nextEvent('computer.deleted')).toEqual(expect.objectContaining({ ComputerHID: backupComputer.ComputerHID, ComputerName: 'RENAMED-01' }));
  });

  it('records every event and its delivery, readable through the control API', async () => {
    await sut.flushEvents();
    const log = await control<{ events: { event: { type: string }; status: string; attempts: { status: number }[] }[] }>(sut, 'GET', '/events');
    expect(log.body.events.map((e) => e.event.type)).toEqual([
      'computer.created',
      'computer.updated',
      'computer.updated',
      'computer.updated',
      'computer.updated',
      'computer.updated',
      'backup.completed',
      'company.renamed',
      'computer.deleted',
    ]);
    expect(log.body.events.every((e) => e.status === 'delivered' && e.attempts.length === 1 && e.attempts[0].status === 204)).toBe(true);
    const filtered = await control<{ events: unknown[] }>(sut, 'GET', '/events?type=company.renamed');
    expect(filtered.body.events).toHaveLength(1);
  });

  it('in-process mutations emit the same events', async () => {
    const before = consumed;
    const computer = sut.state.addComputer({ companyName: companyA.Name, computerName: 'INPROC-01', agents: { backup: false, ra: true } });
    sut.state.renameComputer(computer.ComputerHID, 'INPROC-02');
    sut.state.deleteComputer(computer.ComputerHID);
    await sut.flushEvents();
    expect(receiver.received.slice(before).map((e) => e.event?.type)).toEqual(['computer.created', 'computer.updated', 'computer.deleted']);
  });
});

describe('Console simulator: event delivery', () => {
  it('retries a failing receiver and records every attempt', async () => {
    const receiver = await startEventReceiver({ secret: SECRET, respond: (_e, index) => (index < 2 ? 503 : undefined) });
    const sim = await startConsoleSimulator({
      data: dataset.console,
      eventTarget: { url: receiver.url, secret: SECRET },
      settings: { eventDelivery: { attempts: 4, backoffMs: 5 } },
    });
    try {
      sim.state.renameCompany(dataset.console.companies[0].Id, 'Retry Test Co');
      await sim.flushEvents();
      const [record] = sim.events();
      expect(record.status).toBe('delivered');
      expect(record.attempts.map((a) => a.status)).toEqual([503, 503, 204]);
      // Retries carry the same id and body.
      expect(new Set(receiver.received.map((r) => r.rawBody)).size).toBe(1);
    } finally {
      await sim.close();
      await receiver.close();
    }
  });

  it('does not retry a rejection (4xx), and gives up on an unreachable target', async () => {
    const receiver = await startEventReceiver({ secret: 'another-secret' });
    const sim = await startConsoleSimulator({ data: dataset.console, settings: { eventDelivery: { attempts: 3, backoffMs: 5 } } });
    try {
      sim.setEventTarget({ url: receiver.url, secret: SECRET });
      sim.state.renameCompany(dataset.console.companies[0].Id, 'Wrong Secret Co');
      await sim.flushEvents();
      expect(sim.events()[0]).toEqual(expect.objectContaining({ status: 'rejected', attempts: [expect.objectContaining({ status: 401 })] }));
      expect(receiver.received[0].signature).toEqual({ ok: false, reason: 'mismatch' });

      await receiver.close();
      sim.setEventTarget({ url: receiver.url, secret: SECRET });
      sim.state.renameCompany(dataset.console.companies[0].Id, 'Nobody Listens Co');
      await sim.flushEvents();
      const record = sim.events()[1];
      expect(record.status).toBe('failed');
      expect(record.attempts).toHaveLength(3);
      expect(record.attempts[0].error).toEqual(expect.any(String));
    } finally {
      await sim.close();
    }
  });

  it('records events as not-sent when no target is configured', async () => {
    const sim = await startConsoleSimulator({ data: dataset.console });
    try {
      sim.state.renameCompany(dataset.console.companies[1].Id, 'Quiet Co');
      expect(sim.events()).toEqual([expect.objectContaining({ status: 'not-sent', target: null, attempts: [] })]);
      await control(sim, 'DELETE', '/events');
      expect(sim.events()).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('signs with the injected clock, so a receiver can test its 5-minute window', async () => {
    const receiver = await startEventReceiver({ secret: SECRET });
    const sim = await startConsoleSimulator({
      data: dataset.console,
      now: () => new Date(Date.now() - 10 * 60_000),
      eventTarget: { url: receiver.url, secret: SECRET },
      settings: { eventDelivery: { attempts: 1 } },
    });
    try {
      sim.state.renameCompany(dataset.console.companies[0].Id, 'Stale Co');
      await sim.flushEvents();
      expect(receiver.received[0].signature).toEqual({ ok: false, reason: 'stale' });
      const { rawBody, headers } = receiver.received[0];
      const timestamp = headers['x-console-timestamp'] as string;
      expect(verifyConsoleSignature({ secret: SECRET, rawBody, timestamp, signature: headers['x-console-signature'] as string, nowSeconds: Number(timestamp) })).toEqual({ ok: true });
    } finally {
      await sim.close();
      await receiver.close();
    }
  });
});
