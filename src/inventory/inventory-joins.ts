import { CONSOLE_BACKUP_STATUS, ConsoleBackupStatusName, ConsoleLicense, ConsoleMonitoringRow, parseConsoleDate } from '../console/console-types';
import { normaliseComputerId } from '../console/computer-id';
import { normaliseName } from '../matching/normalise-name';
import type { InventoryLastBackup } from './inventory-types';

/**
 * The license type and the last backup of each (UserID, ComputerName), fed the Console's lists a
 * batch at a time and holding only what the join needs per key (never the rows), so a list of
 * 100,000 licenses is read without holding it. `buildInventory` says how the join decides.
 *
 * `wanted`: the only join keys to keep (an event run's few computers); rows of other users are
 * passed over before their names are normalised.
 */
export class InventoryJoins {
  /** One entry per join key for both lists: the key and the entry held once, not once a list. */
  readonly #entries = new Map<string, JoinEntry>();
  readonly #wantedKeys?: ReadonlySet<string>;
  readonly #wantedUsers?: ReadonlySet<string>;
  /** One string per license type, however many rows repeat it. */
  readonly #typeNames = new Map<string, string>();

  constructor(wanted?: Iterable<string>) {
    if (wanted === undefined) return;
    this.#wantedKeys = new Set(wanted);
    this.#wantedUsers = new Set([...this.#wantedKeys].map(userOfKey));
  }

  addLicenses(licenses: readonly ConsoleLicense[]): void {
    for (const license of licenses) {
      if (license?.IsTaken !== true) continue;
      const key = this.keyOf(license.UserID, license.ComputerName);
      if (key === undefined) continue;
      const entry = this.entryOf(key);
      const candidate = { trial: license.IsTrial === true, id: stringOf(license.ID) };
      if (entry.licenseId !== undefined && !preferLicense(candidate, { trial: entry.licenseTrial, id: entry.licenseId })) continue;
      entry.licenseTrial = candidate.trial;
      entry.licenseId = candidate.id;
      entry.licenseType = this.typeName(stringOf(license.LicenseType).trim());
    }
  }

  addMonitoring(rows: readonly ConsoleMonitoringRow[]): void {
    for (const row of rows) {
      if (row === null || typeof row !== 'object') continue;
      const started = parseConsoleDate(row.LastStart);
      if (started === undefined) continue;
      const key = this.keyOf(row.UserID, row.ComputerName);
      if (key === undefined) continue;
      const time = started.getTime();
      const status = backupStatusName(row.Status);
      const entry = this.entryOf(key);
      if (entry.backupStatus === undefined || time > entry.backupTime || (time === entry.backupTime && STATUS_SEVERITY[status] > STATUS_SEVERITY[entry.backupStatus])) {
        entry.backupTime = time;
        entry.backupStatus = status;
      }
    }
  }

  /** The chosen taken license's type; undefined when none, or when it has no type. */
  licenseTypeOf(key: string): string | undefined {
    return this.#entries.get(key)?.licenseType || undefined;
  }

  /** The chosen taken license's `ID`; undefined when none. */
  licenseIdOf(key: string): string | undefined {
    return this.#entries.get(key)?.licenseId;
  }

  lastBackupOf(key: string): InventoryLastBackup | undefined {
    const entry = this.#entries.get(key);
    return entry?.backupStatus === undefined ? undefined : { status: entry.backupStatus, at: new Date(entry.backupTime).toISOString() };
  }

  private entryOf(key: string): JoinEntry {
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      // Every field set at once: one object shape for all entries.
      entry = { licenseTrial: false, licenseId: undefined, licenseType: undefined, backupTime: 0, backupStatus: undefined };
      this.#entries.set(key, entry);
    }
    return entry;
  }

  private keyOf(userId: unknown, computerName: unknown): string | undefined {
    if (this.#wantedUsers && !this.#wantedUsers.has(normaliseComputerId(stringOf(userId)))) return undefined;
    const key = joinKey(userId, computerName);
    return key !== undefined && (!this.#wantedKeys || this.#wantedKeys.has(key)) ? key : undefined;
  }

  private typeName(type: string): string {
    const known = this.#typeNames.get(type);
    if (known !== undefined) return known;
    this.#typeNames.set(type, type);
    return type;
  }
}

/** What the join decided for one key: its license (none while `licenseId` is undefined) and last backup (none while `backupStatus` is). */
interface JoinEntry {
  licenseTrial: boolean;
  licenseId: string | undefined;
  licenseType: string | undefined;
  backupTime: number;
  backupStatus: ConsoleBackupStatusName | undefined;
}

const KEY_SEPARATOR = '\u0000';

/** (UserID, ComputerName) as a map key; undefined when the name is empty (nothing to join on). */
export function joinKey(userId: unknown, computerName: unknown): string | undefined {
  const name = normaliseName(stringOf(computerName));
  if (name === '') return undefined;
  return `${normaliseComputerId(stringOf(userId))}${KEY_SEPARATOR}${name}`;
}

/** The (normalised) UserID part of a join key. */
export function userOfKey(key: string): string {
  return key.slice(0, key.indexOf(KEY_SEPARATOR));
}

/** A paid license over a trial, then the lowest ID. */
function preferLicense(candidate: { trial: boolean; id: string }, current: { trial: boolean; id: string }): boolean {
  if (candidate.trial !== current.trial) return !candidate.trial;
  return candidate.id < current.id;
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

export function stringOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
