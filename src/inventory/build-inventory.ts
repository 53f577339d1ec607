import { ConsoleApp, ConsoleBuildVersion, ConsoleCompany, ConsoleComputer, ConsoleLicense, ConsoleMonitoringRow, parseConsoleDate } from '../console/console-types';
import { normaliseComputerId } from '../console/computer-id';
import { normaliseName } from '../matching/normalise-name';
import { companyOf, indexCompaniesByName } from './eligibility';
import { InventoryJoins, joinKey, stringOf } from './inventory-joins';
import type { Inventory, InventoryCompany, InventoryComputer, InventoryOs } from './inventory-types';

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
  const companies = inventoryCompanies(input.companies);
  const joins = new InventoryJoins();
  joins.addLicenses(input.licenses);
  joins.addMonitoring(input.monitoring);
  const computersByHid = new Map<string, InventoryComputer>();
  for (const computer of inventoryComputers(input.computers, indexCompaniesByName(companies), joins)) computersByHid.set(computer.hid, computer);
  const computers = [...computersByHid.values()].sort((a, b) => compare(a.hid, b.hid));
  return { companies, computers };
}

/** The companies, one per `Id` (the last listed wins), by normalised name then id. */
export function inventoryCompanies(raw: readonly ConsoleCompany[]): InventoryCompany[] {
  const companiesById = new Map<string, InventoryCompany>();
  for (const company of raw) {
    const id = stringOf(company.Id).trim();
    if (id !== '') companiesById.set(id, { id, name: stringOf(company.Name) });
  }
  return [...companiesById.values()].sort((a, b) => compare(normaliseName(a.name), normaliseName(b.name)) || compare(a.name, b.name) || compare(a.id, b.id));
}

/**
 * Some of the Console's computers (a page of them, or those an event named) joined as
 * `buildInventory` joins them, in the order given, without those that have no `ComputerHID`.
 */
export function inventoryComputers(
  raw: readonly ConsoleComputer[],
  companiesByName: ReadonlyMap<string, InventoryCompany>,
  joins: InventoryJoins,
): InventoryComputer[] {
  const computers: InventoryComputer[] = [];
  for (const computer of raw) {
    const joined = inventoryComputer(computer, companiesByName, joins);
    if (joined) computers.push(joined);
  }
  return computers;
}

function inventoryComputer(raw: ConsoleComputer, companiesByName: ReadonlyMap<string, InventoryCompany>, joins: InventoryJoins): InventoryComputer | undefined {
  const hid = normaliseComputerId(stringOf(raw.ComputerHID));
  if (hid === '') return undefined;
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
  return key === undefined ? computer : Object.assign(computer, joins.joinedOf(key));
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


/** Code-unit order: the same everywhere (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
