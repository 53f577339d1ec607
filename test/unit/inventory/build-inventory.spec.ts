import fc from 'fast-check';
import type { ConsoleApp, ConsoleCompany, ConsoleComputer, ConsoleLicense, ConsoleMonitoringRow } from '../../../src/console/console-types';
import { buildInventory } from '../../../src/inventory/build-inventory';
import { backupStatusName } from '../../../src/inventory/inventory-joins';
import { generateDemoData } from '../../../simulators/demo-data';

const USER = 'a1b2c3d4-0000-4000-8000-000000000001';
const OTHER_USER = 'a1b2c3d4-0000-4000-8000-000000000002';
const HID = '7f1c2a9e-0b3d-4c55-8e21-9a6b4f0d1e22';

const acme: ConsoleCompany = { Id: 'co-acme', Name: 'Acme Dental' };
const blue: ConsoleCompany = { Id: 'co-blue', Name: 'Blue River Law' };

function app(id: string, version: string, online = true): ConsoleApp {
  return { ApplicationId: id, Version: version, Online: online };
}

function computer(fields: Partial<ConsoleComputer> = {}): ConsoleComputer {
  return {
    ComputerHID: HID,
    ComputerName: 'ACME-WS-014',
    ComputerDisplayName: 'ACME-WS-014 (Reception)',
    OSTypeString: 'windows',
    CompanyName: 'Acme Dental',
    UserID: USER,
    BackupBuildVersion: { _Major: 7, _Minor: 9, _Build: 4, _Revision: 83 },
    LastActivity: '2025-06-02T08:55:12.5',
    HasBackupApp: true,
    Apps: [app('backup', '7.9.4.83'), app('ra', '3.4.1.90', false)],
    ...fields,
  };
}

function license(fields: Partial<ConsoleLicense> = {}): ConsoleLicense {
  return { ID: 'lic-1', ComputerName: 'ACME-WS-014', IsTrial: false, IsTaken: true, LicenseType: 'Desktop', UserID: USER, ...fields };
}

function row(fields: Partial<ConsoleMonitoringRow> = {}): ConsoleMonitoringRow {
  return { PlanName: 'Files', PlanId: 'p1', CompanyName: 'Acme Dental', UserID: USER, ComputerName: 'ACME-WS-014', LastStart: '2025-06-01T22:00:00', Status: 0, ...fields };
}

function one(fields: Partial<ConsoleComputer> = {}, licenses: ConsoleLicense[] = [], monitoring: ConsoleMonitoringRow[] = [], companies = [acme, blue]) {
  const { computers } = buildInventory({ companies, computers: [computer(fields)], licenses, monitoring });
  expect(computers).toHaveLength(1);
  return computers[0];
}

describe('buildInventory', () => {
  it('joins a computer with its license and latest backup', () => {
    const result = buildInventory({
      companies: [blue, acme],
      computers: [computer()],
      licenses: [license(), license({ ID: 'free', ComputerName: null, UserID: null, IsTaken: false, LicenseType: 'Server' })],
      monitoring: [row({ PlanId: 'p1', LastStart: '2025-06-01T22:00:00', Status: 0 }), row({ PlanId: 'p2', LastStart: '2025-06-02T01:30:00.250', Status: 2 })],
    });
    expect(result).toEqual({
      companies: [
        { id: 'co-acme', name: 'Acme Dental' },
        { id: 'co-blue', name: 'Blue River Law' },
      ],
      computers: [
        {
          hid: HID,
          hostName: 'ACME-WS-014',
          displayName: 'ACME-WS-014 (Reception)',
          companyName: 'Acme Dental',
          companyId: 'co-acme',
          os: 'windows',
          backupAgentVersion: '7.9.4.83',
          rmmAgentVersion: '3.4.1.90',
          hasBackupAgent: true,
          hasRmmAgent: true,
          online: true,
          lastActivity: '2025-06-02T08:55:12.500Z',
          licenseType: 'Desktop',
          licenseId: 'lic-1',
          lastBackup: { status: 'Error', at: '2025-06-02T01:30:00.250Z' },
        },
      ],
    });
  });

  describe('licenses', () => {
    it.each<[string, ConsoleLicense[], string | undefined]>([
      ['none', [], undefined],
      ['host name in another case', [license({ ComputerName: 'acme-ws-014' })], 'Desktop'],
      ['user id in another case and with braces', [license({ UserID: `{${USER.toUpperCase()}}` })], 'Desktop'],
      ['not taken: ignored', [license({ IsTaken: false })], undefined],
      ['another user with the same host name: ignored', [license({ UserID: OTHER_USER })], undefined],
      ['another host name: ignored', [license({ ComputerName: 'ACME-WS-015' })], undefined],
      ['a paid license wins over a trial', [license({ ID: 'a', IsTrial: true, LicenseType: 'Ultimate' }), license({ ID: 'b', LicenseType: 'Server' })], 'Server'],
      ['two paid: the lowest ID', [license({ ID: 'b', LicenseType: 'Server' }), license({ ID: 'a', LicenseType: 'Ultimate' })], 'Ultimate'],
      ['an empty type says nothing', [license({ LicenseType: '  ' })], undefined],
    ])('%s', (_name, licenses, expected) => {
      expect(one({}, licenses).licenseType).toBe(expected);
    });
  });

  describe('last backup', () => {
    it.each<[string, ConsoleMonitoringRow[], { status: string; at: string } | undefined]>([
      ['no plans', [], undefined],
      ['never ran', [row({ LastStart: null, Status: 4 })], undefined],
      ['unparseable start', [row({ LastStart: 'yesterday' })], undefined],
      ['never-run plans do not hide a run', [row({ LastStart: null, Status: 4 }), row({ Status: 7 })], { status: 'Warning', at: '2025-06-01T22:00:00.000Z' }],
      [
        'latest start wins, whatever the order',
        [row({ PlanId: 'b', LastStart: '2025-06-02T03:00:00', Status: 1 }), row({ PlanId: 'a', LastStart: '2025-06-02T02:59:59.999', Status: 2 })],
        { status: 'Overdue', at: '2025-06-02T03:00:00.000Z' },
      ],
      ['a start with an offset', [row({ LastStart: '2025-06-02T05:00:00+02:00', Status: 0 })], { status: 'Success', at: '2025-06-02T03:00:00.000Z' }],
      ['same instant: the worse status', [row({ PlanId: 'a', Status: 0 }), row({ PlanId: 'b', Status: 6 }), row({ PlanId: 'c', Status: 7 })], { status: 'UnexpectedlyClosed', at: '2025-06-01T22:00:00.000Z' }],
      ['status sent as a name', [row({ Status: 'interrupted' as unknown as 5 })], { status: 'Interrupted', at: '2025-06-01T22:00:00.000Z' }],
      ['status out of range', [row({ Status: 42 as unknown as 0 })], { status: 'Unknown', at: '2025-06-01T22:00:00.000Z' }],
      ['host name in another case', [row({ ComputerName: 'acme-ws-014', Status: 3 })], { status: 'Running', at: '2025-06-01T22:00:00.000Z' }],
      ['another user: ignored', [row({ UserID: OTHER_USER })], undefined],
    ])('%s', (_name, monitoring, expected) => {
      expect(one({}, [], monitoring).lastBackup).toEqual(expected);
    });
  });

  describe('agents and state', () => {
    it.each<[string, Partial<ConsoleComputer>, Partial<ReturnType<typeof one>>]>([
      ['backup and RMM', {}, { hasBackupAgent: true, hasRmmAgent: true, backupAgentVersion: '7.9.4.83', rmmAgentVersion: '3.4.1.90', online: true }],
      [
        'backup only, offline',
        { Apps: [app('backup', '7.9.4.83', false)] },
        { hasBackupAgent: true, hasRmmAgent: false, backupAgentVersion: '7.9.4.83', rmmAgentVersion: undefined, online: false },
      ],
      [
        'RMM only (app id rmm, upper case)',
        { HasBackupApp: false, BackupBuildVersion: null, Apps: [app('RMM', ' 2.1.0.5 ')] },
        { hasBackupAgent: false, hasRmmAgent: true, backupAgentVersion: undefined, rmmAgentVersion: '2.1.0.5', online: true },
      ],
      ['neither', { HasBackupApp: false, BackupBuildVersion: null, Apps: [] }, { hasBackupAgent: false, hasRmmAgent: false, online: false }],
      ['HasBackupApp without an app listed', { Apps: [] }, { hasBackupAgent: true, backupAgentVersion: '7.9.4.83', online: false }],
      ['an app backup without HasBackupApp', { HasBackupApp: false, BackupBuildVersion: null }, { hasBackupAgent: true, backupAgentVersion: '7.9.4.83' }],
      ['the build version wins over the app version', { Apps: [app('backup', '7.0.0.1')] }, { backupAgentVersion: '7.9.4.83' }],
      ['an all-zero build version falls back to the app', { BackupBuildVersion: { _Major: 0, _Minor: 0, _Build: 0, _Revision: 0 } }, { backupAgentVersion: '7.9.4.83' }],
      [
        'a malformed build version falls back to the app',
        { BackupBuildVersion: { _Major: 7, _Minor: -1, _Build: 4, _Revision: 83 }, Apps: [app('backup', '7.8.3.12')] },
        { backupAgentVersion: '7.8.3.12' },
      ],
      ['numeric strings in the build version', { BackupBuildVersion: { _Major: '4', _Minor: '3', _Build: '1', _Revision: '33' } as never }, { backupAgentVersion: '4.3.1.33' }],
      ['an app of another kind online counts', { Apps: [app('backup', '7.9.4.83', false), app('ra', '3.4.1.90', false), app('other', '1', true)] }, { online: true }],
      ['LastActivity missing', { LastActivity: null }, { lastActivity: undefined }],
      ['LastActivity with Z', { LastActivity: '2025-06-02T08:55:12Z' }, { lastActivity: '2025-06-02T08:55:12.000Z' }],
      ['OS linux', { OSTypeString: 'Linux' }, { os: 'linux' }],
      ['OS macOS spelled otherwise', { OSTypeString: 'Mac OS X' }, { os: 'macos' }],
      ['OS unknown kept', { OSTypeString: 'FreeBSD' }, { os: 'freebsd' }],
      ['OS missing', { OSTypeString: undefined }, { os: '' }],
      ['display name missing: the host name', { ComputerDisplayName: '  ' }, { displayName: 'ACME-WS-014' }],
      ['HID with braces and upper case', { ComputerHID: `{${HID.toUpperCase()}}` }, { hid: HID }],
      ['host name trimmed', { ComputerName: ' ACME-WS-014 ' }, { hostName: 'ACME-WS-014', licenseType: 'Desktop' }],
    ])('%s', (_name, fields, expected) => {
      const result = one(fields, [license()]);
      for (const [key, value] of Object.entries(expected)) expect(result[key as keyof typeof result]).toEqual(value);
      // Optional fields are absent, not present as undefined (stable JSON, toEqual-safe).
      for (const value of Object.values(result)) expect(value).not.toBeUndefined();
    });
  });

  describe('companies', () => {
    it('a computer takes its company’s spelling when the names match after normalising', () => {
      expect(one({ CompanyName: '  ACME   dental ' }).companyName).toBe('Acme Dental');
      expect(one({ CompanyName: '  ACME   dental ' }).companyId).toBe('co-acme');
    });

    it('a computer whose company does not exist keeps its CompanyName (reported, never guessed)', () => {
      expect(one({ CompanyName: 'Acme Dental Group' }).companyName).toBe('Acme Dental Group');
      expect(one({ CompanyName: 'Acme Dental Group' })).not.toHaveProperty('companyId');
      expect(one({ CompanyName: '' }).companyName).toBe('');
    });

    it('a name two companies share is not resolved either', () => {
      const twin: ConsoleCompany = { Id: 'co-twin', Name: 'ACME DENTAL' };
      const computer = one({ CompanyName: 'acme dental' }, [], [], [acme, twin]);
      expect(computer.companyName).toBe('acme dental');
      expect(computer).not.toHaveProperty('companyId');
    });

    it('lists companies by name, then id, once per id', () => {
      const result = buildInventory({
        companies: [{ Id: 'z', Name: 'zeta' }, { Id: 'b', Name: 'Alpha' }, { Id: 'a', Name: 'alpha' }, { Id: 'z', Name: 'Zeta' }, { Id: ' ', Name: 'no id' }],
        computers: [],
        licenses: [],
        monitoring: [],
      });
      expect(result.companies).toEqual([
        { id: 'b', name: 'Alpha' },
        { id: 'a', name: 'alpha' },
        { id: 'z', name: 'Zeta' },
      ]);
    });
  });

  it('leaves out a computer without an id, and keeps one entry per HID', () => {
    const result = buildInventory({
      companies: [acme],
      computers: [computer({ ComputerHID: '' }), computer({ ComputerName: 'OLD' }), computer({ ComputerHID: `{${HID}}`, ComputerName: 'NEW' })],
      licenses: [],
      monitoring: [],
    });
    expect(result.computers.map((c) => c.hostName)).toEqual(['NEW']);
  });

  it('is empty for empty lists', () => {
    expect(buildInventory({ companies: [], computers: [], licenses: [], monitoring: [] })).toEqual({ companies: [], computers: [] });
  });

  describe('against generated demo data', () => {
    const data = generateDemoData({ companies: 12, computers: 300, seed: 11 }).console;
    const inventory = buildInventory(data);

    it('has every company and computer once, sorted by HID', () => {
      expect(inventory.companies).toHaveLength(data.companies.length);
      expect(inventory.computers.map((c) => c.hid)).toEqual(data.computers.map((c) => c.ComputerHID).sort());
    });

    it('finds every computer’s company, license and latest run as the generator made them', () => {
      const byHid = new Map(inventory.computers.map((c) => [c.hid, c]));
      for (const raw of data.computers) {
        const c = byHid.get(raw.ComputerHID)!;
        expect(c.companyName).toBe(raw.CompanyName);
        const lic = data.licenses.find((l) => l.IsTaken && l.UserID === raw.UserID && l.ComputerName === raw.ComputerName);
        expect(c.licenseType).toBe(lic?.LicenseType);
        expect(c.licenseId).toBe(lic?.ID);
        const runs = data.monitoring.filter((r) => r.UserID === raw.UserID && r.ComputerName === raw.ComputerName && r.LastStart !== null);
        const latest = Math.max(...runs.map((r) => Date.parse(`${r.LastStart}Z`)));
        expect(c.lastBackup?.at).toBe(runs.length === 0 ? undefined : new Date(latest).toISOString());
        expect(c.hasBackupAgent).toBe(raw.HasBackupApp);
        expect(c.hasRmmAgent).toBe(raw.Apps.some((a) => a.ApplicationId === 'ra'));
        expect(c.online).toBe(raw.Apps.some((a) => a.Online));
        expect(c.lastActivity).toBe(`${raw.LastActivity}Z`);
      }
    });

    it('does not depend on the order of the lists', () => {
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const shuffle = <T>(items: readonly T[]): T[] => {
            const out = [...items];
            let s = seed >>> 0;
            for (let i = out.length - 1; i > 0; i--) {
              s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
              const j = s % (i + 1);
              [out[i], out[j]] = [out[j], out[i]];
            }
            return out;
          };
          const shuffled = buildInventory({
            companies: shuffle(data.companies),
            computers: shuffle(data.computers),
            licenses: shuffle(data.licenses),
            monitoring: shuffle(data.monitoring),
          });
          expect(shuffled).toEqual(inventory);
        }),
        { numRuns: 20 },
      );
    });
  });
});

describe('backupStatusName', () => {
  it.each<[unknown, string]>([
    [0, 'Success'],
    [1, 'Overdue'],
    [2, 'Error'],
    [3, 'Running'],
    [4, 'Unknown'],
    [5, 'Interrupted'],
    [6, 'UnexpectedlyClosed'],
    [7, 'Warning'],
    ['7', 'Warning'],
    ['Success', 'Success'],
    ['unexpectedly closed', 'UnexpectedlyClosed'],
    ['Unexpectedly_Closed', 'UnexpectedlyClosed'],
    [8, 'Unknown'],
    [-1, 'Unknown'],
    [1.5, 'Unknown'],
    ['Failed', 'Unknown'],
    [null, 'Unknown'],
    [undefined, 'Unknown'],
  ])('%j → %s', (status, expected) => {
    expect(backupStatusName(status)).toBe(expected);
  });
});
