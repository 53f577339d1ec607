import fc from 'fast-check';
import { INVENTORY_FIELDS, inventoryFieldValues } from '../../../src/inventory/inventory-field-values';
import type { InventoryComputer } from '../../../src/inventory/inventory-types';

const base: InventoryComputer = {
  hid: '7f1c2a9e-0b3d-4c55-8e21-9a6b4f0d1e22',
  hostName: 'ACME-WS-014',
  displayName: 'ACME-WS-014',
  companyName: 'Acme Dental',
  os: 'windows',
  backupAgentVersion: '7.9.4.83',
  rmmAgentVersion: '2.1.0.5',
  hasBackupAgent: true,
  hasRmmAgent: true,
  online: true,
  lastActivity: '2025-06-02T08:55:12.000Z',
  licenseType: 'Desktop',
  lastBackup: { status: 'Success', at: '2025-06-02T01:30:00.000Z' },
};

describe('INVENTORY_FIELDS', () => {
  it('names the asset custom fields exactly', () => {
    expect(INVENTORY_FIELDS).toEqual([
      { key: 'os', name: 'ConsoleOperatingSystem', label: 'Operating system (Console)' },
      { key: 'agents', name: 'ConsoleAgentVersions', label: 'Agent versions (Console)' },
      { key: 'online', name: 'ConsoleOnline', label: 'Online (Console)' },
      { key: 'lastActivity', name: 'ConsoleLastActivity', label: 'Last activity (Console)' },
      { key: 'lastBackupResult', name: 'ConsoleLastBackupResult', label: 'Last backup result (Console)' },
      { key: 'lastBackupAt', name: 'ConsoleLastBackupDate', label: 'Last backup date (Console)' },
      { key: 'licenseType', name: 'ConsoleLicenseType', label: 'License type (Console)' },
    ]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(INVENTORY_FIELDS)).toBe(true);
    expect(INVENTORY_FIELDS.every((f) => Object.isFrozen(f))).toBe(true);
  });

  it('covers exactly the keys inventoryFieldValues gives', () => {
    expect(Object.keys(inventoryFieldValues(base)).sort()).toEqual(INVENTORY_FIELDS.map((f) => f.key).sort());
  });
});

describe('inventoryFieldValues', () => {
  it('gives plain text for a fully known computer', () => {
    expect(inventoryFieldValues(base)).toEqual({
      os: 'Windows',
      agents: 'Backup 7.9.4.83; RMM 2.1.0.5',
      online: 'Yes',
      lastActivity: '2025-06-02T08:55:12.000Z',
      lastBackupResult: 'Success',
      lastBackupAt: '2025-06-02T01:30:00.000Z',
      licenseType: 'Desktop',
    });
  });

  it('gives empty strings for what the Console does not say', () => {
    const { backupAgentVersion: _b, rmmAgentVersion: _r, lastActivity: _l, licenseType: _t, lastBackup: _lb, ...bare } = base;
    expect(inventoryFieldValues({ ...bare, os: '', hasBackupAgent: false, hasRmmAgent: false, online: false })).toEqual({
      os: '',
      agents: '',
      online: 'No',
      lastActivity: '',
      lastBackupResult: '',
      lastBackupAt: '',
      licenseType: '',
    });
  });

  it.each<[Partial<InventoryComputer>, string]>([
    [{ hasRmmAgent: false }, 'Backup 7.9.4.83'],
    [{ hasBackupAgent: false }, 'RMM 2.1.0.5'],
    [{ backupAgentVersion: undefined }, 'Backup; RMM 2.1.0.5'],
    [{ rmmAgentVersion: '  ' }, 'Backup 7.9.4.83; RMM'],
    [{ hasBackupAgent: false, hasRmmAgent: false }, ''],
  ])('agents for %j: %j', (fields, expected) => {
    expect(inventoryFieldValues({ ...base, ...fields }).agents).toBe(expected);
  });

  it.each<[string, string]>([
    ['windows', 'Windows'],
    ['linux', 'Linux'],
    ['macos', 'macOS'],
    ['freebsd', 'freebsd'],
    ['', ''],
  ])('os %j → %j', (os, expected) => {
    expect(inventoryFieldValues({ ...base, os }).os).toBe(expected);
  });

  it('is deterministic and depends only on the computer’s data', () => {
    const computer = fc.record(
      {
        hid: fc.uuid(),
        hostName: fc.string(),
        displayName: fc.string(),
        companyName: fc.string(),
        os: fc.constantFrom('windows', 'linux', 'macos', 'other', ''),
        backupAgentVersion: fc.stringMatching(/^\d\.\d\.\d\.\d{1,3}$/),
        rmmAgentVersion: fc.stringMatching(/^\d\.\d\.\d\.\d{1,3}$/),
        hasBackupAgent: fc.boolean(),
        hasRmmAgent: fc.boolean(),
        online: fc.boolean(),
        lastActivity: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        licenseType: fc.constantFrom('Server', 'Desktop', 'Ultimate'),
        lastBackup: fc.record({
          status: fc.constantFrom('Success', 'Error', 'Warning', 'Overdue', 'Running', 'Unknown', 'Interrupted', 'UnexpectedlyClosed') as fc.Arbitrary<
            NonNullable<InventoryComputer['lastBackup']>['status']
          >,
          at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        }),
      },
      { requiredKeys: ['hid', 'hostName', 'displayName', 'companyName', 'os', 'hasBackupAgent', 'hasRmmAgent', 'online'] },
    );
    fc.assert(
      fc.property(computer, (c) => {
        const values = inventoryFieldValues(c);
        expect(inventoryFieldValues(structuredClone(c))).toEqual(values);
        // The fields that do not reach Halo through these values change nothing.
        expect(inventoryFieldValues({ ...c, hid: 'x', hostName: 'y', displayName: 'z', companyName: 'w' })).toEqual(values);
        for (const value of Object.values(values)) expect(typeof value).toBe('string');
      }),
    );
  });
});
