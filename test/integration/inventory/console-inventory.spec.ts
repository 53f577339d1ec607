import { ConsoleClient } from '../../../src/console/console-client';
import { isEligible } from '../../../src/inventory/eligibility';
import { readConsoleInventory } from '../../../src/inventory/console-inventory-reader';
import { inventoryFieldValues } from '../../../src/inventory/inventory-field-values';
import type { Inventory, InventoryComputer } from '../../../src/inventory/inventory-types';
import { UrlPolicy } from '../../../src/security/url-policy';
import { inventoryPages, readComputersNamed } from '../../../src/sync/console-observation';
import { ConsoleSimulator, startConsoleSimulator } from '../../../simulators/console/console-simulator';
import { backupStatusName, generateDemoData } from '../../../simulators/demo-data';
import type { ConsoleData } from '../../../simulators/demo-data';

/** The inventory read over HTTP from the Console simulator with the real client, checked against the generated data. */

const dataset = generateDemoData({ companies: 8, computers: 120, seed: 3 }).console;

type Mix = 'both' | 'backup' | 'ra' | 'neither';

function mixOf(c: { hasBackupAgent: boolean; hasRmmAgent: boolean }): Mix {
  return c.hasBackupAgent ? (c.hasRmmAgent ? 'both' : 'backup') : c.hasRmmAgent ? 'ra' : 'neither';
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** What the inventory must say about each computer, derived from the raw data without the code under test. */
function expectedFor(data: ConsoleData, hid: string) {
  const raw = data.computers.find((c) => c.ComputerHID === hid)!;
  const license = data.licenses.find((l) => l.IsTaken && l.UserID === raw.UserID && l.ComputerName?.toLowerCase() === raw.ComputerName.toLowerCase());
  const runs = data.monitoring
    .filter((r) => r.UserID === raw.UserID && r.ComputerName.toLowerCase() === raw.ComputerName.toLowerCase() && r.LastStart !== null)
    .sort((a, b) => (b.LastStart as string).localeCompare(a.LastStart as string));
  const backupApp = raw.Apps.find((a) => a.ApplicationId === 'backup');
  const rmmApp = raw.Apps.find((a) => a.ApplicationId === 'ra');
  return {
    hostName: raw.ComputerName,
    companyName: raw.CompanyName,
    os: raw.OSTypeString,
    hasBackupAgent: raw.HasBackupApp,
    hasRmmAgent: rmmApp !== undefined,
    backupAgentVersion: backupApp?.Version,
    rmmAgentVersion: rmmApp?.Version,
    online: raw.Apps.some((a) => a.Online),
    lastActivity: new Date(`${raw.LastActivity}Z`).toISOString(),
    licenseType: license?.LicenseType,
    lastBackupAt: runs[0] ? new Date(`${runs[0].LastStart}Z`).toISOString() : undefined,
    lastBackupStatuses: runs.filter((r) => r.LastStart === runs[0].LastStart).map((r) => backupStatusName(r.Status)),
  };
}

describe('readConsoleInventory against the Console simulator', () => {
  let sim: ConsoleSimulator;
  let client: ConsoleClient;
  let inventory: Inventory;

  beforeAll(async () => {
    sim = await startConsoleSimulator({ data: dataset, settings: { requireJsonAccept: true } });
    const policy = new UrlPolicy({ allowedInsecureHosts: ['127.0.0.1'] });
    client = new ConsoleClient(
      { baseUrl: sim.url, login: sim.credentials.login, password: sim.credentials.password },
      { beforeRequest: (url) => policy.check(url), timeoutMs: 10_000 },
    );
    inventory = await readConsoleInventory(client);
  });
  afterAll(() => sim.close());

  it('has every company and every computer once', () => {
    expect(inventory.companies).toHaveLength(8);
    expect(inventory.computers).toHaveLength(120);
    expect(inventory.companies.map((c) => c.id).sort()).toEqual(dataset.companies.map((c) => c.Id).sort());
    expect(new Set(inventory.computers.map((c) => c.hid)).size).toBe(120);
    expect(inventory.computers.map((c) => c.hid).sort()).toEqual(dataset.computers.map((c) => c.ComputerHID.toLowerCase()).sort());
    for (const c of inventory.computers) expect(c.hid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('puts every computer in an existing company', () => {
    const names = new Set(inventory.companies.map((c) => c.name));
    for (const c of inventory.computers) expect(names.has(c.companyName)).toBe(true);
  });

  it('joins licenses: every taken license is on its computer, with its type', () => {
    const licensed = inventory.computers.filter((c) => c.licenseType !== undefined);
    const taken = dataset.licenses.filter((l) => l.IsTaken);
    expect(taken.length).toBeGreaterThan(0);
    expect(licensed).toHaveLength(taken.length);
    expect(countBy(licensed, (c) => c.licenseType!)).toEqual(countBy(taken, (l) => l.LicenseType));
    // RMM-only computers are never licensed; some Backup computers are unlicensed.
    expect(licensed.every((c) => c.hasBackupAgent)).toBe(true);
    expect(inventory.computers.some((c) => c.hasBackupAgent && c.licenseType === undefined)).toBe(true);
  });

  it('joins the latest backup run of each computer', () => {
    const withRuns = inventory.computers.filter((c) => c.lastBackup !== undefined);
    expect(withRuns.length).toBeGreaterThan(0);
    expect(withRuns.every((c) => c.hasBackupAgent)).toBe(true);
    expect(new Set(withRuns.map((c) => c.lastBackup!.status)).size).toBeGreaterThan(2);
    for (const c of inventory.computers) {
      const expected = expectedFor(dataset, c.hid);
      expect(c.lastBackup?.at).toBe(expected.lastBackupAt);
      if (c.lastBackup) expect(expected.lastBackupStatuses).toContain(c.lastBackup.status);
    }
  });

  it('reads agents, versions, OS, online state and last activity as the data says', () => {
    for (const c of inventory.computers) {
      const e = expectedFor(dataset, c.hid);
      expect({
        hostName: c.hostName,
        companyName: c.companyName,
        os: c.os,
        hasBackupAgent: c.hasBackupAgent,
        hasRmmAgent: c.hasRmmAgent,
        backupAgentVersion: c.backupAgentVersion,
        rmmAgentVersion: c.rmmAgentVersion,
        online: c.online,
        lastActivity: c.lastActivity,
        licenseType: c.licenseType,
      }).toEqual({
        hostName: e.hostName,
        companyName: e.companyName,
        os: e.os,
        hasBackupAgent: e.hasBackupAgent,
        hasRmmAgent: e.hasRmmAgent,
        backupAgentVersion: e.backupAgentVersion,
        rmmAgentVersion: e.rmmAgentVersion,
        online: e.online,
        lastActivity: e.lastActivity,
        licenseType: e.licenseType,
      });
    }
  });

  it('has the whole agent mix, and only computers with an agent are eligible', () => {
    const mixes = countBy(inventory.computers, mixOf);
    const expected = countBy(
      dataset.computers.map((c) => ({ hasBackupAgent: c.HasBackupApp, hasRmmAgent: c.Apps.some((a) => a.ApplicationId === 'ra') })),
      mixOf,
    );
    expect(mixes).toEqual(expected);
    for (const mix of ['both', 'backup', 'ra', 'neither']) expect(mixes[mix]).toBeGreaterThan(0);
    expect(inventory.computers.filter(isEligible)).toHaveLength(120 - mixes.neither);
    expect(new Set(inventory.computers.map((c) => c.os))).toEqual(new Set(dataset.computers.map((c) => c.OSTypeString)));
  });

  it('gives the same inventory whatever the Console’s formats and paging (names as status, braced HIDs, capped pages, Count per page)', async () => {
    sim.updateSettings({ monitoringStatusFormat: 'string', hidFormat: 'braces', maxPageSize: 17, countMode: 'page' });
    try {
      expect(await readConsoleInventory(client)).toEqual(inventory);
    } finally {
      sim.updateSettings({ monitoringStatusFormat: 'number', hidFormat: 'plain', maxPageSize: 0, countMode: 'total' });
    }
  });

  it('reads the same computers a page at a time, the license and monitoring lists streamed, whatever the formats and paging', async () => {
    const pagewise = async () => {
      const pages: InventoryComputer[][] = [];
      for await (const page of inventoryPages(client)) pages.push(page);
      return pages;
    };
    const pages = await pagewise();
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flat().sort((a, b) => a.hid.localeCompare(b.hid))).toEqual(inventory.computers);
    sim.updateSettings({ monitoringStatusFormat: 'string', hidFormat: 'braces', maxPageSize: 17, countMode: 'page' });
    try {
      const capped = await pagewise();
      expect(capped.length).toBeGreaterThanOrEqual(Math.ceil(120 / 17));
      expect(capped.flat().sort((a, b) => a.hid.localeCompare(b.hid))).toEqual(inventory.computers);
    } finally {
      sim.updateSettings({ monitoringStatusFormat: 'number', hidFormat: 'plain', maxPageSize: 0, countMode: 'total' });
    }
  });

  describe("an event's named computers, joined as the whole read joins them", () => {
    const readCounted = async (hids: readonly string[], known?: ReadonlyMap<string, string | null>) => {
      sim.counters.reset();
      const computers = await readComputersNamed(client, hids, known);
      return { computers, requests: sim.counters.snapshot().byPathAndVerb };
    };
    const count = (requests: Record<string, number>, prefix: string) => Object.entries(requests).filter(([key]) => key.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0);
    let named: InventoryComputer[];
    let hids: string[];
    let knownLicenses: Map<string, string | null>;

    beforeAll(() => {
      const licensed = inventory.computers.filter((c) => c.licenseType !== undefined && c.lastBackup !== undefined).slice(0, 3);
      const unlicensed = inventory.computers.find((c) => c.licenseId === undefined && c.hasBackupAgent)!;
      named = [...licensed, unlicensed].sort((a, b) => a.hid.localeCompare(b.hid));
      expect(licensed).toHaveLength(3);
      hids = [...named.map((c) => c.hid), '00000000-0000-0000-0000-000000000000'];
      knownLicenses = new Map(named.map((c) => [c.hid, c.licenseId ?? null]));
    });
    const sorted = (computers: InventoryComputer[]) => [...computers].sort((a, b) => a.hid.localeCompare(b.hid));

    it('with no license known: the whole license list, and each user\'s backup results, never the whole monitoring list', async () => {
      const { computers, requests } = await readCounted(hids);
      expect(sorted(computers)).toEqual(named);
      expect(requests['GET /api/licenses']).toBe(1);
      expect(requests['GET /api/monitoring']).toBeUndefined();
      expect(count(requests, 'GET /api/monitoring/')).toBeGreaterThan(0);
    });

    it('with each license known from the last run: those licenses by id, no whole list', async () => {
      const { computers, requests } = await readCounted(hids, knownLicenses);
      expect(sorted(computers)).toEqual(named);
      expect(requests['GET /api/licenses']).toBeUndefined();
      expect(count(requests, 'GET /api/licenses/')).toBe(3);
      expect(requests['GET /api/monitoring']).toBeUndefined();
    });

    it('reads the whole license list when a known license no longer names its computer, or a computer without one was granted one', async () => {
      const [first, second] = named.filter((c) => c.licenseId !== undefined);
      const swapped = new Map(knownLicenses).set(first.hid, second.licenseId as string);
      const stale = await readCounted(hids, swapped);
      expect(sorted(stale.computers)).toEqual(named);
      expect(stale.requests['GET /api/licenses']).toBe(1);
      const unlicensed = named.find((c) => c.licenseId === undefined)!;
      const snapshot = sim.state.snapshot();
      try {
        sim.state.changeLicense(unlicensed.hid, 'Desktop');
        const granted = await readCounted(hids, knownLicenses);
        expect(granted.requests['GET /api/licenses']).toBe(1);
        expect(granted.computers.find((c) => c.hid === unlicensed.hid)).toMatchObject({ licenseType: 'Desktop' });
      } finally {
        sim.state.replace(snapshot);
      }
    });

    it('reads the whole monitoring list where the Console has no per-user form, whatever the formats', async () => {
      sim.updateSettings({ monitoringByUser: false, hidFormat: 'braces', monitoringStatusFormat: 'string' });
      try {
        const { computers, requests } = await readCounted(hids, knownLicenses);
        expect(sorted(computers)).toEqual(named);
        expect(requests['GET /api/monitoring']).toBe(1);
      } finally {
        sim.updateSettings({ monitoringByUser: true, hidFormat: 'plain', monitoringStatusFormat: 'number' });
      }
    });
  });

  it('follows Console changes: a rename keeps license and last backup, a new backup result shows, a move changes the company', async () => {
    const target = inventory.computers.find((c) => c.licenseType !== undefined && c.lastBackup !== undefined && c.hasBackupAgent)!;
    const otherCompany = inventory.companies.find((c) => c.name !== target.companyName)!;
    const snapshot = sim.state.snapshot();
    try {
      sim.state.renameComputer(target.hid, `${target.hostName}-RENAMED`);
      sim.state.recordBackup(target.hid, { status: 'Error', startedAt: '2025-06-03T10:00:00Z' });
      sim.state.moveComputer(target.hid, otherCompany.name);
      const after = await readConsoleInventory(client);
      const moved = after.computers.find((c) => c.hid === target.hid) as InventoryComputer;
      expect(moved).toMatchObject({
        hostName: `${target.hostName}-RENAMED`,
        companyName: otherCompany.name,
        licenseType: target.licenseType,
        lastBackup: { status: 'Error', at: '2025-06-03T10:00:00.000Z' },
      });
      expect(inventoryFieldValues(moved)).toMatchObject({ lastBackupResult: 'Error', lastBackupAt: '2025-06-03T10:00:00.000Z', licenseType: target.licenseType });
      // Nothing else changed.
      const others = (inv: Inventory) => inv.computers.filter((c) => c.hid !== target.hid);
      expect(others(after)).toEqual(others(inventory));
    } finally {
      sim.state.replace(snapshot);
    }
  });
});
