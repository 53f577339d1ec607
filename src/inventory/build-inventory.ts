import {
  CONSOLE_BACKUP_STATUS,
  ConsoleApp,
  ConsoleBackupStatusName,
  ConsoleBuildVersion,
  ConsoleCompany,
  ConsoleComputer,
  ConsoleLicense,
  ConsoleMonitoringRow,
  parseConsoleDate,
} from '../console/console-types';
import { normaliseComputerId } from '../console/computer-id';
import { normaliseName } from '../matching/normalise-name';
import { companyOf, indexCompaniesByName } from './eligibility';
import type { Inventory, InventoryCompany, InventoryComputer, InventoryLastBackup, InventoryOs } from './inventory-types';

/**
 * The Console's raw lists, joined into what the integration works with. Pure: no I/O, no clock;
 * the same lists (in any order) give the same inventory.
 *
 * - Licenses join computers by (`UserID`, `ComputerName`): ids compared case-insensitively and
 *   without braces, names with `normaliseName` (case-insensitive). Licenses not taken
 *   (`IsTaken` false) are ignored. When several taken licenses share a key, a paid one wins over a
 *   trial, then the lowest `ID`: a deterministic choice, not a guess about which is right.
 * - The last backup is the Monitoring row with the latest `LastStart` for the same key; rows
 *   whose plan never ran (no `LastStart`) are not a result. Two rows that started at the same
 *   instant: the worse status wins (Error, UnexpectedlyClosed, Interrupted, Warning, Overdue,
 *   Running, Unknown, Success). `Status` may be the code (0..7) or the name; anything else is
 *   Unknown.
 * - Dates without an offset are UTC (`parseConsoleDate`) and come out as `toISOString()`.
 * - Agents: backup = `HasBackupApp` or an app `backup`; RMM = an app `ra` (or `rmm`). Online = any
 *   app online.
 * - A computer whose `CompanyName` names a company (compared with `normaliseName`) takes that
 *   company's spelling; one that names none keeps its own `CompanyName`: it is reported, never
 *   assigned to a company by a guess.
 * - Two computers that share a (`UserID`, `ComputerName`) both get that key's license and backup:
 *   the Console's data cannot tell them apart.
 * - A computer without a `ComputerHID` is left out (nothing could identify it later); a HID (or a
 *   company `Id`) listed twice keeps its last entry.
 * - Output order: companies by normalised name then id, computers by HID.
 */
export function buildInventory(input: {
  companies: readonly ConsoleCompany[];
  computers: readonly ConsoleComputer[];
  licenses: readonly ConsoleLicense[];
  monitoring: readonly ConsoleMonitoringRow[];
}): Inventory {
  const companiesById = new Map<string, InventoryCompany>();
  for (const company of input.companies) {
    const id = stringOf(company.Id).trim();
    if (id !== '') companiesById.set(id, { id, name: stringOf(company.Name) });
  }
  const companies = [...companiesById.values()].sort(
    (a, b) => compare(normaliseName(a.name), normaliseName(b.name)) || compare(a.name, b.name) || compare(a.id, b.id),
  );
  const companiesByName = indexCompaniesByName(companies);
  const licenses = licensesByKey(input.licenses);
  const backups = lastBackupsByKey(input.monitoring);

  const computersByHid = new Map<string, InventoryComputer>();
  for (const raw of input.computers) {
    const hid = normaliseComputerId(stringOf(raw.ComputerHID));
    if (hid === '') continue;
    const hostName = stringOf(raw.ComputerName).trim();
    const key = joinKey(raw.UserID, raw.ComputerName);
    const apps = Array.isArray(raw.Apps) ? raw.Apps.filter((app): app is ConsoleApp => app !== null && typeof app === 'object') : [];
    const backupApps = apps.filter((app) => appId(app) === 'backup');
    const rmmApps = apps.filter((app) => RMM_APP_IDS.has(appId(app)));
    const ownCompanyName = stringOf(raw.CompanyName);
    const company = companyOf({ companyName: ownCompanyName }, companiesByName);
    const computer: InventoryComputer = {
      hid,
      hostName,
      displayName: stringOf(raw.ComputerDisplayName).trim() || hostName,
      companyName: company?.name ?? ownCompanyName,
      ...(company ? { companyId: company.id } : {}),
      os: osOf(raw.OSTypeString),
      hasBackupAgent: raw.HasBackupApp === true || backupApps.length > 0,
      hasRmmAgent: rmmApps.length > 0,
      online: apps.some((app) => app.Online === true),
    };
    const backupVersion = buildVersionOf(raw.BackupBuildVersion) ?? appVersionOf(backupApps);
    if (backupVersion !== undefined) computer.backupAgentVersion = backupVersion;
    const rmmVersion = appVersionOf(rmmApps);
    if (rmmVersion !== undefined) computer.rmmAgentVersion = rmmVersion;
    const lastActivity = parseConsoleDate(raw.LastActivity)?.toISOString();
    if (lastActivity !== undefined) computer.lastActivity = lastActivity;
    const licenseType = key === undefined ? undefined : licenses.get(key);
    if (licenseType !== undefined) computer.licenseType = licenseType;
    const lastBackup = key === undefined ? undefined : backups.get(key);
    if (lastBackup !== undefined) computer.lastBackup = { status: lastBackup.status, at: lastBackup.at };
    computersByHid.set(hid, computer);
  }
  const computers = [...computersByHid.values()].sort((a, b) => compare(a.hid, b.hid));
  return { companies, computers };
}

// ---------------------------------------------------------------------------------------- joins

/** (UserID, ComputerName) as a map key; undefined when the name is empty (nothing to join on). */
function joinKey(userId: unknown, computerName: unknown): string | undefined {
  const name = normaliseName(stringOf(computerName));
  if (name === '') return undefined;
  return `${normaliseComputerId(stringOf(userId))}\u0000${name}`;
}

/** License type per join key, taken licenses only. */
function licensesByKey(licenses: readonly ConsoleLicense[]): Map<string, string> {
  const chosen = new Map<string, ConsoleLicense>();
  for (const license of licenses) {
    if (license?.IsTaken !== true) continue;
    const key = joinKey(license.UserID, license.ComputerName);
    if (key === undefined) continue;
    const current = chosen.get(key);
    if (current === undefined || preferLicense(license, current)) chosen.set(key, license);
  }
  const types = new Map<string, string>();
  for (const [key, license] of chosen) {
    const type = stringOf(license.LicenseType).trim();
    if (type !== '') types.set(key, type);
  }
  return types;
}

/** A paid license over a trial, then the lowest ID. */
function preferLicense(candidate: ConsoleLicense, current: ConsoleLicense): boolean {
  const trial = Number(candidate.IsTrial === true) - Number(current.IsTrial === true);
  if (trial !== 0) return trial < 0;
  return compare(stringOf(candidate.ID), stringOf(current.ID)) < 0;
}

/** Worst first: which of two runs that started at the same instant is reported. */
const STATUS_SEVERITY: Record<ConsoleBackupStatusName, number> = {
  Error: 7,
  UnexpectedlyClosed: 6,
  Interrupted: 5,
  Warning: 4,
  Overdue: 3,
  Running: 2,
  Unknown: 1,
  Success: 0,
};

function lastBackupsByKey(rows: readonly ConsoleMonitoringRow[]): Map<string, InventoryLastBackup> {
  const latest = new Map<string, { time: number; backup: InventoryLastBackup }>();
  for (const row of rows) {
    if (row === null || typeof row !== 'object') continue;
    const started = parseConsoleDate(row.LastStart);
    if (started === undefined) continue;
    const key = joinKey(row.UserID, row.ComputerName);
    if (key === undefined) continue;
    const time = started.getTime();
    const status = backupStatusName(row.Status);
    const current = latest.get(key);
    if (current === undefined || time > current.time || (time === current.time && STATUS_SEVERITY[status] > STATUS_SEVERITY[current.backup.status])) {
      latest.set(key, { time, backup: { status, at: started.toISOString() } });
    }
  }
  return new Map([...latest].map(([key, { backup }]) => [key, backup]));
}

const STATUS_NAMES = Object.keys(CONSOLE_BACKUP_STATUS) as ConsoleBackupStatusName[];
const STATUS_BY_CODE = new Map<number, ConsoleBackupStatusName>(STATUS_NAMES.map((name) => [CONSOLE_BACKUP_STATUS[name], name]));
const STATUS_BY_KEY = new Map<string, ConsoleBackupStatusName>(STATUS_NAMES.map((name) => [name.toLowerCase(), name]));

/** A Monitoring `Status` (code, numeric string or name, any case or separators) as its name; otherwise Unknown. */
export function backupStatusName(status: unknown): ConsoleBackupStatusName {
  if (typeof status === 'number') return STATUS_BY_CODE.get(status) ?? 'Unknown';
  if (typeof status === 'string') {
    const text = status.trim();
    if (/^\d+$/.test(text)) return STATUS_BY_CODE.get(Number(text)) ?? 'Unknown';
    return STATUS_BY_KEY.get(text.toLowerCase().replace(/[\s_-]/g, '')) ?? 'Unknown';
  }
  return 'Unknown';
}

// ---------------------------------------------------------------------------------------- fields

const RMM_APP_IDS = new Set(['ra', 'rmm']);

function appId(app: ConsoleApp): string {
  return stringOf(app.ApplicationId).trim().toLowerCase();
}

const OS_ALIASES: Record<string, InventoryOs> = {
  windows: 'windows',
  win: 'windows',
  linux: 'linux',
  macos: 'macos',
  mac: 'macos',
  osx: 'macos',
  macosx: 'macos',
  darwin: 'macos',
};

/** `OSTypeString` lower-cased; the documented three also from common spellings ("macOS", "Mac OS X"). */
function osOf(value: unknown): InventoryOs {
  const text = stringOf(value).trim().toLowerCase();
  return OS_ALIASES[text.replace(/[\s_-]/g, '')] ?? text;
}

/** "a.b.c.d" from `{_Major,_Minor,_Build,_Revision}`; undefined when missing, malformed or all zero. */
function buildVersionOf(version: ConsoleBuildVersion | null | undefined): string | undefined {
  if (version === null || typeof version !== 'object') return undefined;
  const parts = [version._Major, version._Minor, version._Build, version._Revision].map(versionPart);
  if (parts.some((part) => part === undefined) || parts.every((part) => part === 0)) return undefined;
  return parts.join('.');
}

function versionPart(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** The first non-empty `Version` among the apps. */
function appVersionOf(apps: readonly ConsoleApp[]): string | undefined {
  for (const app of apps) {
    const version = stringOf(app.Version).trim();
    if (version !== '') return version;
  }
  return undefined;
}

function stringOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Code-unit order: the same everywhere (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
