import { generateDemoData, normalizeName } from '../../../simulators/demo-data/generate-demo-data';
import { ADMIN_PERMISSION_AREAS, BACKUP_STATUS, LICENSE_TYPES } from '../../../simulators/demo-data/types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CONSOLE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

describe('generateDemoData', () => {
  const sut = generateDemoData({ companies: 40, computers: 600, seed: 42 });

  it('gives the same data for the same seed', () => {
    expect(generateDemoData({ companies: 40, computers: 600, seed: 42 })).toEqual(sut);
  });

  it('gives different data for a different seed', () => {
    const other = generateDemoData({ companies: 40, computers: 600, seed: 43 });
    expect(other.console.companies.map((c) => c.Name)).not.toEqual(sut.console.companies.map((c) => c.Name));
    expect(other.console.computers.map((c) => c.ComputerHID)).not.toEqual(sut.console.computers.map((c) => c.ComputerHID));
  });

  it('does not read the clock: dates follow referenceTime only', () => {
    const at = new Date('2030-01-01T00:00:00Z');
    const a = generateDemoData({ companies: 3, computers: 10, seed: 1, referenceTime: at });
    const b = generateDemoData({ companies: 3, computers: 10, seed: 1, referenceTime: at });
    expect(a).toEqual(b);
    for (const c of a.console.computers) expect(Date.parse(`${c.LastActivity}Z`)).toBeLessThanOrEqual(at.getTime());
  });

  it('makes the requested numbers of companies and computers', () => {
    expect(sut.console.companies).toHaveLength(40);
    expect(sut.console.computers).toHaveLength(600);
    expect(generateDemoData({ companies: 1, computers: 0, seed: 1 }).console.computers).toEqual([]);
    expect(generateDemoData({ companies: 0, computers: 0, seed: 1 }).console.companies).toEqual([]);
  });

  it('rejects impossible requests', () => {
    expect(() => generateDemoData({ companies: 0, computers: 5, seed: 1 })).toThrow(RangeError);
    expect(() => generateDemoData({ companies: -1, computers: 0, seed: 1 })).toThrow(RangeError);
    expect(() => generateDemoData({ companies: 2, computers: 1.5, seed: 1 })).toThrow(RangeError);
  });

  it('scales to 500 companies and 10,000 computers with unique names and ids', () => {
    const big = generateDemoData({ companies: 500, computers: 10_000, seed: 7 });
    expect(big.console.computers).toHaveLength(10_000);
    expect(new Set(big.console.computers.map((c) => c.ComputerHID)).size).toBe(10_000);
    expect(new Set(big.console.computers.map((c) => c.ComputerName)).size).toBe(10_000);
    expect(new Set(big.console.companies.map((c) => normalizeName(c.Name))).size).toBe(500);
    // Every company holds at least one computer when there are enough.
    expect(new Set(big.console.computers.map((c) => c.CompanyName)).size).toBe(500);
  });

  it('fills companies with the documented fields', () => {
    for (const company of sut.console.companies) {
      expect(company.Id).toMatch(GUID);
      expect(company.Name.trim()).toBe(company.Name);
      expect([0, 1, 2]).toContain(company.LicenseSettings);
      expect(typeof company.StorageLimit).toBe('number');
      expect(Array.isArray(company.Destinations)).toBe(true);
      expect(Array.isArray(company.AllowedLicenses)).toBe(true);
    }
  });

  it('fills computers with realistic, consistent values', () => {
    const companyNames = new Set(sut.console.companies.map((c) => c.Name));
    for (const c of sut.console.computers) {
      expect(c.ComputerHID).toMatch(GUID);
      expect(c.ComputerName).toMatch(/^[A-Z0-9]{2,5}-[A-Z]{2,3}-\d{3,4}$/);
      expect(c.ComputerName.length).toBeLessThanOrEqual(15);
      expect(companyNames.has(c.CompanyName)).toBe(true);
      expect(['windows', 'linux', 'macos']).toContain(c.OSTypeString);
      expect(c.LastActivity).toMatch(CONSOLE_DATE);
      expect(c.UserID).toMatch(GUID);
      const ids = c.Apps.map((a) => a.ApplicationId);
      expect(c.HasBackupApp).toBe(ids.includes('backup'));
      if (c.HasBackupApp) expect(c.BackupBuildVersion).toEqual(expect.objectContaining({ _Major: expect.any(Number), _Revision: expect.any(Number) }));
      else expect(c.BackupBuildVersion).toBeNull();
      expect(Object.keys(c.BackupStats).sort()).toEqual(
        ['PlansCount', 'TotalFailedCount', 'TotalInterruptedCount', 'TotalNotRunCount', 'TotalOverdueCount', 'TotalRunningCount', 'TotalSuccessCount', 'TotalWarningCount'].sort(),
      );
    }
    const os = count(sut.console.computers.map((c) => c.OSTypeString));
    expect(os.windows).toBeGreaterThan(sut.console.computers.length / 2);
    expect(os.linux).toBeGreaterThan(0);
    expect(os.macos).toBeGreaterThan(0);
  });

  it('has every agent combination (backup only, RMM only, both, neither ~5%)', () => {
    const mixes = count(sut.console.computers.map((c) => c.Apps.map((a) => a.ApplicationId).sort().join('+') || 'neither'));
    expect(Object.keys(mixes).sort()).toEqual(['backup', 'backup+ra', 'neither', 'ra']);
    expect(mixes.neither / 600).toBeGreaterThan(0.01);
    expect(mixes.neither / 600).toBeLessThan(0.12);
    // Even a tiny estate has all four.
    const tiny = generateDemoData({ companies: 1, computers: 4, seed: 9 });
    expect(new Set(tiny.console.computers.map((c) => c.Apps.map((a) => a.ApplicationId).join('+'))).size).toBe(4);
  });

  it('joins licenses to computers by (UserID, ComputerName), weighted types, some unlicensed', () => {
    const taken = sut.console.licenses.filter((l) => l.IsTaken);
    const byKey = new Map(taken.map((l) => [`${l.UserID}|${l.ComputerName}`, l]));
    expect(byKey.size).toBe(taken.length);
    for (const c of sut.console.computers) {
      const license = byKey.get(`${c.UserID}|${c.ComputerName}`);
      expect(c.License.Granted).toBe(license !== undefined);
      if (license) {
        expect(c.HasBackupApp).toBe(true);
        expect(c.License.IsTrial).toBe(license.IsTrial);
        expect(LICENSE_TYPES).toContain(license.LicenseType);
      }
    }
    const unlicensedBackup = sut.console.computers.filter((c) => c.HasBackupApp && !c.License.Granted);
    expect(unlicensedBackup.length).toBeGreaterThan(0);
    const types = count(taken.map((l) => l.LicenseType));
    expect(Object.keys(types).length).toBeGreaterThanOrEqual(4);
    expect(types.Desktop).toBeGreaterThan(types['VM Server Socket'] ?? 0);
    expect(sut.console.licenses.some((l) => !l.IsTaken && l.ComputerName === null)).toBe(true);
  });

  it('has monitoring rows per plan whose outcomes are mostly successes, and stats that agree', () => {
    const rows = sut.console.monitoring;
    const statuses = count(rows.map((r) => r.Status));
    expect(statuses[BACKUP_STATUS.Success] / rows.length).toBeGreaterThan(0.5);
    for (const status of [BACKUP_STATUS.Warning, BACKUP_STATUS.Error, BACKUP_STATUS.Overdue]) expect(statuses[status]).toBeGreaterThan(0);
    for (const c of sut.console.computers) {
      const plans = rows.filter((r) => r.UserID === c.UserID && r.ComputerName === c.ComputerName);
      expect(c.BackupStats.PlansCount).toBe(plans.length);
      expect(plans.every((p) => p.CompanyName === c.CompanyName)).toBe(true);
      if (!c.HasBackupApp) expect(plans).toHaveLength(0);
    }
  });

  it('has a main administrator, one without PSA, one limited to specified companies', () => {
    const admins = sut.console.administrators;
    const all = (p: Record<string, number>) => ADMIN_PERMISSION_AREAS.every((a) => p[a] === 1);
    expect(admins.some((a) => all(a.PermissionsModels) && a.AccessToCompaniesMode === 'AllCompanies')).toBe(true);
    expect(admins.some((a) => a.PermissionsModels.PSA === 0 && a.PermissionsModels.Users === 1)).toBe(true);
    const limited = admins.find((a) => a.AccessToCompaniesMode === 'SpecifiedCompanies');
    expect(limited?.Companies.length).toBeGreaterThan(0);
    const names = new Set(sut.console.companies.map((c) => c.Name));
    expect(limited?.Companies.every((n) => names.has(n))).toBe(true);
  });

  it('seeds Halo customers: matches, case/space variants, ambiguous, unmatched, and strangers', () => {
    const clients = sut.halo.clients;
    const byNormal = new Map<string, string[]>();
    for (const client of clients) byNormal.set(normalizeName(client.name), [...(byNormal.get(normalizeName(client.name)) ?? []), client.name]);
    const kinds = sut.console.companies.map((company) => {
      const matches = byNormal.get(normalizeName(company.Name)) ?? [];
      if (matches.length > 1) return 'ambiguous';
      if (matches.length === 0) return 'unmatched';
      return matches[0] === company.Name ? 'exact' : 'variant';
    });
    const tally = count(kinds);
    expect(tally.exact).toBeGreaterThan(40 / 2);
    expect(tally.variant).toBeGreaterThanOrEqual(1);
    expect(tally.ambiguous).toBeGreaterThanOrEqual(2);
    expect(tally.unmatched).toBeGreaterThanOrEqual(1);
    const companyNames = new Set(sut.console.companies.map((c) => normalizeName(c.Name)));
    expect(clients.filter((c) => !companyNames.has(normalizeName(c.name))).length).toBeGreaterThanOrEqual(2);
    for (const client of clients) {
      expect(client.sites.length).toBeGreaterThanOrEqual(1);
      expect(client.sites.length).toBeLessThanOrEqual(3);
      expect(client.sites[0]).toBe('Main');
      expect(new Set(client.sites).size).toBe(client.sites.length);
    }
    // Small estates (5 companies) still have every kind.
    const small = generateDemoData({ companies: 5, computers: 10, seed: 3 });
    const smallNormal = count(small.halo.clients.map((c) => normalizeName(c.name)));
    expect(small.console.companies.filter((c) => (smallNormal[normalizeName(c.Name)] ?? 0) > 1).length).toBeGreaterThanOrEqual(2);
    expect(small.console.companies.filter((c) => !smallNormal[normalizeName(c.Name)]).length).toBeGreaterThanOrEqual(1);
  });
});

function count<T extends string | number>(items: T[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[String(item)] = (out[String(item)] ?? 0) + 1;
  return out;
}
