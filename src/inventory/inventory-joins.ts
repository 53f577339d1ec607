import { CONSOLE_BACKUP_STATUS, ConsoleBackupStatusName, ConsoleLicense, ConsoleMonitoringRow, parseConsoleDate } from '../console/console-types';
import { normaliseComputerId } from '../console/computer-id';
import { normaliseName } from '../matching/normalise-name';
import type { InventoryComputer } from './inventory-types';
import { JoinColumns } from './join-columns';

/**
 * The license type and the last backup of each (UserID, ComputerName), fed the Console's lists a
 * batch at a time and holding only what the join needs per key (never the rows), so a list of
 * 100,000 licenses is read without holding it. `buildInventory` says how the join decides.
 *
 * Each user id is held once, with a slot per computer name; what the join decided for a slot sits
 * in `JoinColumns`, not in an object per key.
 *
 * `wanted`: the only join keys to keep (an event run's few computers); rows of other users are
 * passed over before their names are normalised.
 */
export class InventoryJoins {
  /** Normalised UserID → normalised computer name → slot in `#columns`. */
  readonly #slots = new Map<string, Map<string, number>>();
  readonly #columns = new JoinColumns();
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
    const columns = this.#columns;
    for (const license of licenses) {
      if (license?.IsTaken !== true) continue;
      const slot = this.slotFor(license.UserID, license.ComputerName);
      if (slot === undefined) continue;
      const candidate = { trial: license.IsTrial === true, id: stringOf(license.ID) };
      const currentId = columns.licenseIdOf(slot);
      if (currentId !== undefined && !preferLicense(candidate, { trial: columns.licenseTrial[slot] === 1, id: currentId })) continue;
      columns.licenseTrial[slot] = candidate.trial ? 1 : 0;
      columns.setLicenseId(slot, candidate.id);
      columns.licenseTypes[slot] = this.typeName(stringOf(license.LicenseType).trim());
    }
  }

  addMonitoring(rows: readonly ConsoleMonitoringRow[]): void {
    const columns = this.#columns;
    for (const row of rows) {
      if (row === null || typeof row !== 'object') continue;
      const started = parseConsoleDate(row.LastStart);
      if (started === undefined) continue;
      const slot = this.slotFor(row.UserID, row.ComputerName);
      if (slot === undefined) continue;
      const time = started.getTime();
      const status = backupStatusName(row.Status);
      const current = STATUS_NAMES[columns.backupStatus[slot] - 1];
      if (current === undefined || time > columns.backupTime[slot] || (time === columns.backupTime[slot] && STATUS_SEVERITY[status] > STATUS_SEVERITY[current])) {
        columns.backupTime[slot] = time;
        columns.backupStatus[slot] = STATUS_NAMES.indexOf(status) + 1;
      }
    }
  }

  /**
   * What the join decided for a key, with only what it found: the chosen taken license's type (none
   * when it has no type) and `ID`, and the last backup.
   */
  joinedOf(key: string): Pick<InventoryComputer, 'licenseType' | 'licenseId' | 'lastBackup'> {
    const slot = this.slotOf(key);
    if (slot === undefined) return {};
    const columns = this.#columns;
    const licenseType = columns.licenseTypes[slot];
    const licenseId = columns.licenseIdOf(slot);
    const status = STATUS_NAMES[columns.backupStatus[slot] - 1];
    return {
      ...(licenseType ? { licenseType } : {}),
      ...(licenseId !== undefined ? { licenseId } : {}),
      ...(status !== undefined ? { lastBackup: { status, at: new Date(columns.backupTime[slot]).toISOString() } } : {}),
    };
  }

  private slotOf(key: string): number | undefined {
    const cut = key.indexOf(KEY_SEPARATOR);
    return this.#slots.get(key.slice(0, cut))?.get(key.slice(cut + 1));
  }

  /** The slot of a row's key, made when new; undefined when the row has no key or one not wanted. */
  private slotFor(userId: unknown, computerName: unknown): number | undefined {
    const user = normaliseComputerId(stringOf(userId));
    if (this.#wantedUsers && !this.#wantedUsers.has(user)) return undefined;
    const name = normaliseName(stringOf(computerName));
    if (name === '' || (this.#wantedKeys && !this.#wantedKeys.has(`${user}${KEY_SEPARATOR}${name}`))) return undefined;
    let names = this.#slots.get(user);
    if (names === undefined) {
      names = new Map();
      this.#slots.set(user, names);
    }
    let slot = names.get(name);
    if (slot === undefined) {
      slot = this.#columns.add();
      names.set(name, slot);
    }
    return slot;
  }

  private typeName(type: string): string {
    const known = this.#typeNames.get(type);
    if (known !== undefined) return known;
    this.#typeNames.set(type, type);
    return type;
  }
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
