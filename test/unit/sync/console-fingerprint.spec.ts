import type { InventoryComputer } from '../../../src/inventory/inventory-types';
import { compareFingerprints, fingerprintComputer, StoredFingerprints } from '../../../src/sync/console-fingerprint';

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

  describe('compared a page at a time with the stored ones', () => {
    /** Stored fingerprints in memory, with every read recorded. */
    const storedAs = (fingerprints: Record<string, string>) => {
      const reads: string[][] = [];
      const stored: StoredFingerprints = {
        of: async (hids) => {
          reads.push([...hids]);
          return new Map(hids.filter((hid) => hid in fingerprints).map((hid) => [hid, fingerprints[hid]]));
        },
        hidPages: async function* () {
          const hids = Object.keys(fingerprints).sort();
          for (let i = 0; i < hids.length; i += 2) yield hids.slice(i, i + 2);
        },
      };
      return { stored, reads };
    };
    const compare = (stored: StoredFingerprints, ...pages: InventoryComputer[][]) => compareFingerprints(pagesOf(...pages), stored, new Set(pages.flat().map((c) => c.hid)));

    it('names new, changed and vanished computers, and nothing else, reading the stored ones of each page only', async () => {
      const { stored, reads } = storedAs({ a: fingerprintComputer(computer('a')), b: fingerprintComputer(computer('b')), c: fingerprintComputer(computer('c')) });
      const { changes, listed } = await compare(stored, [computer('a'), computer('b', { hostName: 'x' })], [computer('d')]);
      expect(Object.fromEntries(changes)).toEqual({ b: fingerprintComputer(computer('b', { hostName: 'x' })), c: null, d: fingerprintComputer(computer('d')) });
      expect(listed).toBe(3);
      expect(reads).toEqual([['a', 'b'], ['d']]);
    });

    it('finds nothing when nothing changed, and everything new against an empty store', async () => {
      const { stored } = storedAs({ a: fingerprintComputer(computer('a')) });
      expect((await compare(stored, [computer('a')])).changes.size).toBe(0);
      const empty = await compare(storedAs({}).stored, [computer('a'), computer('b')]);
      expect([...empty.changes.keys()]).toEqual(['a', 'b']);
    });

    it('keeps the later entry of a computer listed on two pages', async () => {
      const { stored } = storedAs({ a: fingerprintComputer(computer('a')) });
      expect((await compare(stored, [computer('a', { hostName: 'shifted' })], [computer('a')])).changes.size).toBe(0);
      expect(Object.fromEntries((await compare(stored, [computer('a')], [computer('a', { online: false })])).changes)).toEqual({ a: fingerprintComputer(computer('a', { online: false })) });
    });
  });
});

async function* pagesOf(...pages: InventoryComputer[][]): AsyncGenerator<InventoryComputer[]> {
  yield* pages;
}
