import type { InventoryComputer } from '../../../src/inventory/inventory-types';
import { changedComputers, fingerprintComputer, fingerprintPages } from '../../../src/sync/console-fingerprint';

const computer = (hid: string, extra: Partial<InventoryComputer> = {}): InventoryComputer => ({
  hid,
  hostName: `host-${hid}`,
  displayName: `host-${hid}`,
  companyName: 'Acme',
  os: 'windows',
  hasBackupAgent: true,
  hasRmmAgent: false,
  online: true,
  licenseType: 'Pro',
  lastBackup: { status: 'Success', at: '2026-12-01T10:00:00.000Z' },
  ...extra,
});

describe('console fingerprints', () => {
  it('are 16 hex digits, the same for the same record whatever its key order', () => {
    const record = computer('a');
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as unknown as InventoryComputer;
    expect(fingerprintComputer(record)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintComputer(reordered)).toBe(fingerprintComputer(record));
  });

  it.each<[string, Partial<InventoryComputer>]>([
    ['host name', { hostName: 'renamed' }],
    ['company', { companyName: 'Globex' }],
    ['license', { licenseType: 'Ultimate' }],
    ['license removed', { licenseType: undefined }],
    ['backup result', { lastBackup: { status: 'Error', at: '2026-12-01T11:00:00.000Z' } }],
    ['agent', { hasRmmAgent: true, rmmAgentVersion: '2.1' }],
    ['online', { online: false }],
    ['last activity', { lastActivity: '2026-12-02T00:00:00.000Z' }],
  ])('changes with the %s', (_, change) => {
    expect(fingerprintComputer(computer('a', change))).not.toBe(fingerprintComputer(computer('a')));
  });

  it('name new, changed and vanished computers, and nothing else, from pages', async () => {
    const before = await fingerprintPages(pagesOf([computer('a'), computer('b')], [computer('c')]));
    const after = await fingerprintPages(pagesOf([computer('a'), computer('b', { hostName: 'x' }), computer('d')]));
    expect(changedComputers(before, after)).toEqual(['b', 'c', 'd']);
    expect(changedComputers(after, after)).toEqual([]);
  });
});

async function* pagesOf(...pages: InventoryComputer[][]): AsyncGenerator<InventoryComputer[]> {
  yield* pages;
}
