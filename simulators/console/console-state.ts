import { randomUUID } from 'node:crypto';
import { backupStatsOf } from '../demo-data/generate-demo-data';
import {
  BACKUP_STATUS,
  BACKUP_STATUS_NAMES,
  backupStatusName,
  BackupStatusCode,
  ConsoleAdministrator,
  consoleApp,
  ConsoleApp,
  ConsoleCompany,
  ConsoleComputer,
  ConsoleData,
  ConsoleLicense,
  ConsoleLicenseType,
  ConsoleMonitoringRow,
  ConsoleOsType,
  consoleDate,
  LICENSE_TYPES,
} from '../demo-data/types';
import { ConsoleEventType } from './events';

/** A mutation that cannot apply; `status` is what the control API answers. */
export class SimulatorError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface AgentsInput {
  /** Backup agent ("backup" app). */
  backup?: boolean;
  /** Connect/RMM agent ("ra" app). */
  ra?: boolean;
}

export interface AddComputerInput {
  companyName: string;
  computerName: string;
  /** GUID, braces allowed; generated when absent. */
  hid?: string;
  displayName?: string;
  os?: ConsoleOsType;
  /** Default: both agents. */
  agents?: AgentsInput;
  /** Default true. */
  online?: boolean;
  /** Takes (or creates) a license of this type; default: unlicensed. Needs the Backup agent. */
  licenseType?: ConsoleLicenseType | null;
  /** Backup user; default: the company's first user (or a new one). */
  userEmail?: string;
}

export interface UpdateComputerInput {
  /** Rename (licenses and monitoring rows follow: they join on the name). */
  computerName?: string;
  /** Move to another (existing) company. */
  companyName?: string;
  /** Change the license type; null releases the license. */
  licenseType?: ConsoleLicenseType | null;
  agents?: AgentsInput;
  online?: boolean;
}

export interface RecordBackupInput {
  /** Code (0..7) or name ("Success", "Error", ... case-insensitive). */
  status: number | string;
  /** Plan to update (created when unknown); default: the computer's latest plan, or a new "Daily Files Backup". */
  planName?: string;
  errorMessage?: string | null;
  dataCopied?: number;
  /** ISO; default: now. */
  startedAt?: string;
}

export type Change = { from: unknown; to: unknown };

type Emit = (type: ConsoleEventType, data: Record<string, unknown>) => void;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Strips `{}` and lower-cases: the key computers are found by. */
export function normalizeHid(hid: string): string {
  return hid.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The Console's data and every mutation a test or the demo drives. Reads hand out the live objects
 * (the HTTP layer serializes them at once); in-process callers get copies from `snapshot()` and from
 * the mutation results. Each mutation that changes something emits one event through `emit`.
 */
export class ConsoleState {
  private data: ConsoleData = emptyData();
  private byHid = new Map<string, ConsoleComputer>();

  constructor(
    initial: ConsoleData | undefined,
    private readonly now: () => Date,
    private readonly emit: Emit,
  ) {
    this.replace(initial ?? emptyData());
  }

  // ------------------------------------------------------------------------------------------ reads

  get companies(): readonly ConsoleCompany[] {
    return this.data.companies;
  }

  get computers(): readonly ConsoleComputer[] {
    return this.data.computers;
  }

  get licenses(): readonly ConsoleLicense[] {
    return this.data.licenses;
  }

  get monitoring(): readonly ConsoleMonitoringRow[] {
    return this.data.monitoring;
  }

  get administrators(): readonly ConsoleAdministrator[] {
    return this.data.administrators;
  }

  /** A deep copy of everything. */
  snapshot(): ConsoleData {
    return structuredClone(this.data);
  }

  findComputer(hid: string): ConsoleComputer | undefined {
    return this.byHid.get(normalizeHid(hid));
  }

  /** By `Id` (braces and case ignored), else by exact name, else by trimmed case-insensitive name. */
  findCompany(idOrName: string): ConsoleCompany | undefined {
    const id = normalizeHid(idOrName);
    return (
      this.data.companies.find((c) => c.Id.toLowerCase() === id) ??
      this.data.companies.find((c) => c.Name === idOrName) ??
      this.data.companies.find((c) => sameName(c.Name, idOrName))
    );
  }

  /** The license a computer holds: joined by (UserID, ComputerName). */
  licenseOf(computer: Pick<ConsoleComputer, 'UserID' | 'ComputerName'>): ConsoleLicense | undefined {
    return this.data.licenses.find((l) => l.IsTaken && l.UserID === computer.UserID && l.ComputerName === computer.ComputerName);
  }

  plansOf(computer: Pick<ConsoleComputer, 'UserID' | 'ComputerName'>): ConsoleMonitoringRow[] {
    return this.data.monitoring.filter((r) => r.UserID === computer.UserID && r.ComputerName === computer.ComputerName);
  }

  // ----------------------------------------------------------------------------------------- writes

  /** Replaces all data (a deep copy is kept). No events. */
  replace(data: ConsoleData): void {
    const copy = structuredClone(data);
    const byHid = new Map<string, ConsoleComputer>();
    for (const computer of copy.computers) {
      const key = normalizeHid(computer.ComputerHID);
      if (byHid.has(key)) throw new SimulatorError(400, `Duplicate ComputerHID ${computer.ComputerHID}`);
      byHid.set(key, computer);
    }
    this.data = copy;
    this.byHid = byHid;
  }

  /** Companies have no event of their own in the contract: creating one emits nothing. */
  addCompany(input: { name: string; id?: string }): ConsoleCompany {
    const name = requireName(input.name, 'name');
    this.assertCompanyNameFree(name);
    const id = input.id ? normalizeHid(input.id) : randomUUID();
    if (!GUID.test(id)) throw new SimulatorError(400, `id must be a GUID, got "${input.id}"`);
    if (this.data.companies.some((c) => c.Id.toLowerCase() === id)) throw new SimulatorError(409, `A company with Id ${id} exists`);
    const company: ConsoleCompany = {
      Id: id,
      Name: name,
      StorageLimit: -1,
      LicenseSettings: 1,
      Destinations: [],
      DefaultLicense: null,
      AllowedLicenses: [],
    };
    this.data.companies.push(company);
    return structuredClone(company);
  }

  renameCompany(idOrName: string, newName: string): ConsoleCompany {
    const company = this.requireCompany(idOrName);
    const name = requireName(newName, 'name');
    const previous = company.Name;
    if (previous === name) return structuredClone(company);
    this.assertCompanyNameFree(name, company);
    company.Name = name;
    for (const computer of this.data.computers) if (computer.CompanyName === previous) computer.CompanyName = name;
    for (const row of this.data.monitoring) if (row.CompanyName === previous) row.CompanyName = name;
    for (const admin of this.data.administrators) admin.Companies = admin.Companies.map((c) => (c === previous ? name : c));
    this.emit('company.renamed', { CompanyId: company.Id, CompanyName: name, changes: { Name: { from: previous, to: name } } });
    return structuredClone(company);
  }

  addComputer(input: AddComputerInput): ConsoleComputer {
    const company = this.requireCompany(input.companyName);
    const computerName = requireName(input.computerName, 'computerName');
    const hid = input.hid ? normalizeHid(input.hid) : randomUUID();
    if (!GUID.test(hid)) throw new SimulatorError(400, `hid must be a GUID, got "${input.hid}"`);
    if (this.byHid.has(hid)) throw new SimulatorError(409, `A computer with ComputerHID ${hid} exists`);
    const os = input.os ?? 'windows';
    const agents = { backup: input.agents?.backup ?? true, ra: input.agents?.ra ?? true };
    const online = input.online ?? true;
    const user = this.userFor(company.Name, input.userEmail);
    const computer: ConsoleComputer = {
      ComputerHID: hid,
      ComputerName: computerName,
      ComputerDisplayName: input.displayName ?? computerName,
      OSTypeString: os,
      BuildTypeString: 'Standard',
      CompanyName: company.Name,
      UserEmail: user.email,
      UserID: user.id,
      ProfileName: agents.backup ? user.email : '',
      RemoteManagementAvailable: agents.backup || agents.ra,
      BackupBuildVersion: null,
      License: { Granted: false, IsTrial: false, DisplayExpiresDate: null },
      BackupStats: backupStatsOf([]),
      LastActivity: consoleDate(this.now()),
      HasBackupApp: false,
      LostAuth: false,
      LostAuthChangeDate: null,
      InstanceType: 0,
      Apps: [],
    };
    applyAgents(computer, agents, online);
    if (input.licenseType) {
      if (!agents.backup) throw new SimulatorError(409, 'A license needs the Backup agent');
      this.assignLicense(computer, requireLicenseType(input.licenseType));
    }
    this.data.computers.push(computer);
    this.byHid.set(hid, computer);
    this.emit('computer.created', this.computerEventData(computer));
    return structuredClone(computer);
  }

  renameComputer(hid: string, computerName: string): ConsoleComputer {
    return this.updateComputer(hid, { computerName });
  }

  moveComputer(hid: string, companyName: string): ConsoleComputer {
    return this.updateComputer(hid, { companyName });
  }

  changeLicense(hid: string, licenseType: ConsoleLicenseType | null): ConsoleComputer {
    return this.updateComputer(hid, { licenseType });
  }

  setAgents(hid: string, agents: AgentsInput, online?: boolean): ConsoleComputer {
    return this.updateComputer(hid, { agents, online });
  }

  /** Applies every given change and emits one `computer.updated` listing them (nothing when nothing changed). */
  updateComputer(hid: string, input: UpdateComputerInput): ConsoleComputer {
    const computer = this.requireComputer(hid);
    // Validate everything before changing anything.
    const newName = input.computerName === undefined ? undefined : requireName(input.computerName, 'computerName');
    const company = input.companyName === undefined ? undefined : this.requireCompany(input.companyName);
    const licenseType = input.licenseType === undefined || input.licenseType === null ? input.licenseType : requireLicenseType(input.licenseType);
    const willHaveBackup = input.agents?.backup ?? computer.HasBackupApp;
    if (licenseType && !willHaveBackup) throw new SimulatorError(409, `${computer.ComputerName} has no Backup agent: it cannot hold a license`);

    const changes: Record<string, Change> = {};
    if (newName !== undefined && newName !== computer.ComputerName) {
      const previous = computer.ComputerName;
      const license = this.licenseOf(computer);
      const plans = this.plansOf(computer);
      computer.ComputerName = newName;
      if (computer.ComputerDisplayName === previous) computer.ComputerDisplayName = newName;
      else if (computer.ComputerDisplayName.startsWith(`${previous} (`)) computer.ComputerDisplayName = newName + computer.ComputerDisplayName.slice(previous.length);
      if (license) license.ComputerName = newName;
      for (const row of plans) row.ComputerName = newName;
      changes.ComputerName = { from: previous, to: newName };
    }
    if (company && company.Name !== computer.CompanyName) {
      const previous = computer.CompanyName;
      for (const row of this.plansOf(computer)) row.CompanyName = company.Name;
      computer.CompanyName = company.Name;
      changes.CompanyName = { from: previous, to: company.Name };
    }
    if (input.agents !== undefined || input.online !== undefined) {
      const beforeApps = appIds(computer);
      const beforeOnline = isOnline(computer);
      applyAgents(
        computer,
        { backup: input.agents?.backup ?? computer.HasBackupApp, ra: input.agents?.ra ?? appIds(computer).includes('ra') },
        input.online ?? beforeOnline,
      );
      const afterApps = appIds(computer);
      if (beforeApps.join() !== afterApps.join()) changes.Apps = { from: beforeApps, to: afterApps };
      if (beforeOnline !== isOnline(computer)) {
        changes.Online = { from: beforeOnline, to: isOnline(computer) };
        if (isOnline(computer)) computer.LastActivity = consoleDate(this.now());
      }
    }
    if (licenseType !== undefined) {
      const previous = this.licenseOf(computer)?.LicenseType ?? null;
      if (previous !== licenseType) {
        if (licenseType === null) this.releaseLicense(computer);
        else this.assignLicense(computer, licenseType);
        changes.LicenseType = { from: previous, to: licenseType };
      }
    }
    if (Object.keys(changes).length > 0) this.emit('computer.updated', { ...this.computerEventData(computer), changes });
    return structuredClone(computer);
  }

  /** Removes the computer, releases its license and drops its monitoring rows. */
  deleteComputer(hid: string): ConsoleComputer {
    const computer = this.requireComputer(hid);
    const data = this.computerEventData(computer);
    this.releaseLicense(computer);
    this.data.monitoring = this.data.monitoring.filter((r) => !(r.UserID === computer.UserID && r.ComputerName === computer.ComputerName));
    this.data.computers.splice(this.data.computers.indexOf(computer), 1);
    this.byHid.delete(normalizeHid(computer.ComputerHID));
    this.emit('computer.deleted', data);
    return structuredClone(computer);
  }

  /** Updates (or creates) a plan's monitoring row, the computer's BackupStats and LastActivity. */
  recordBackup(hid: string, input: RecordBackupInput): ConsoleMonitoringRow {
    const computer = this.requireComputer(hid);
    if (!computer.HasBackupApp) throw new SimulatorError(409, `${computer.ComputerName} has no Backup agent`);
    const status = parseStatus(input.status);
    const started = input.startedAt === undefined ? this.now() : new Date(input.startedAt);
    if (Number.isNaN(started.getTime())) throw new SimulatorError(400, `startedAt is not a date: "${input.startedAt}"`);
    if (input.dataCopied !== undefined && !(Number.isInteger(input.dataCopied) && input.dataCopied >= 0)) {
      throw new SimulatorError(400, 'dataCopied must be an integer >= 0');
    }
    const plans = this.plansOf(computer);
    let row =
      input.planName !== undefined
        ? plans.find((r) => sameName(r.PlanName, input.planName as string))
        : [...plans].sort((a, b) => (b.LastStart ?? '').localeCompare(a.LastStart ?? ''))[0];
    if (!row) {
      const planId = randomUUID();
      row = {
        PlanName: input.planName?.trim() || 'Daily Files Backup',
        PlanId: planId,
        PlanType: 'Files',
        CompanyName: computer.CompanyName,
        UserID: computer.UserID,
        ComputerName: computer.ComputerName,
        LastStart: null,
        NextStart: null,
        Status: BACKUP_STATUS.Unknown,
        ErrorMessage: null,
        DataCopied: 0,
        DetailedReportLink: null,
      };
      this.data.monitoring.push(row);
    }
    row.LastStart = consoleDate(started);
    row.NextStart = consoleDate(new Date(started.getTime() + 86_400_000));
    row.Status = status;
    row.ErrorMessage = input.errorMessage ?? defaultMessage(status);
    row.DataCopied = input.dataCopied ?? (status === BACKUP_STATUS.Error ? 0 : 1_073_741_824);
    row.DetailedReportLink = `https://console.example/Monitoring/PlanReport?planId=${row.PlanId}`;
    computer.BackupStats = backupStatsOf(this.plansOf(computer));
    if (row.LastStart > computer.LastActivity) computer.LastActivity = row.LastStart;
    this.emit('backup.completed', {
      ComputerHID: computer.ComputerHID,
      ComputerName: computer.ComputerName,
      CompanyName: computer.CompanyName,
      UserID: computer.UserID,
      PlanId: row.PlanId,
      PlanName: row.PlanName,
      PlanType: row.PlanType,
      Status: row.Status,
      StatusName: backupStatusName(row.Status),
      LastStart: row.LastStart,
      ErrorMessage: row.ErrorMessage,
      DataCopied: row.DataCopied,
    });
    return structuredClone(row);
  }

  // ---------------------------------------------------------------------------------------- helpers

  private requireComputer(hid: string): ConsoleComputer {
    const computer = this.findComputer(hid);
    if (!computer) throw new SimulatorError(404, `No computer with ComputerHID ${hid}`);
    return computer;
  }

  private requireCompany(idOrName: string): ConsoleCompany {
    if (typeof idOrName !== 'string' || idOrName.trim() === '') throw new SimulatorError(400, 'A company id or name is required');
    const company = this.findCompany(idOrName);
    if (!company) throw new SimulatorError(404, `No company with Id or Name "${idOrName}"`);
    return company;
  }

  private assertCompanyNameFree(name: string, except?: ConsoleCompany): void {
    const clash = this.data.companies.find((c) => c !== except && sameName(c.Name, name));
    if (clash) throw new SimulatorError(409, `A company named "${clash.Name}" exists`);
  }

  private userFor(companyName: string, email: string | undefined): { id: string; email: string } {
    const sameCompany = this.data.computers.filter((c) => c.CompanyName === companyName);
    if (email !== undefined) {
      const known = this.data.computers.find((c) => c.UserEmail.toLowerCase() === email.toLowerCase());
      return known ? { id: known.UserID, email: known.UserEmail } : { id: randomUUID(), email };
    }
    if (sameCompany.length > 0) return { id: sameCompany[0].UserID, email: sameCompany[0].UserEmail };
    const domain = companyName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'company';
    return { id: randomUUID(), email: `backup@${domain}.example` };
  }

  private releaseLicense(computer: ConsoleComputer): void {
    const license = this.licenseOf(computer);
    if (license) {
      license.IsTaken = false;
      license.ComputerName = null;
      license.OperatingSystem = null;
      license.User = null;
      license.UserID = null;
    }
    computer.License = { Granted: false, IsTrial: false, DisplayExpiresDate: null };
  }

  /** Releases the current license, then takes a free one of the type (non-trial first) or adds one. */
  private assignLicense(computer: ConsoleComputer, type: ConsoleLicenseType): void {
    const operatingSystem = this.licenseOf(computer)?.OperatingSystem ?? OS_NAMES[computer.OSTypeString];
    this.releaseLicense(computer);
    const free = this.data.licenses.filter((l) => !l.IsTaken && l.LicenseType === type).sort((a, b) => Number(a.IsTrial) - Number(b.IsTrial));
    let license = free[0];
    if (!license) {
      license = {
        ID: randomUUID(),
        Number: this.data.licenses.reduce((max, l) => Math.max(max, l.Number), 100_000) + 1,
        ComputerName: null,
        OperatingSystem: null,
        IsTrial: false,
        IsTaken: false,
        LicenseType: type,
        DateExpired: consoleDate(new Date(this.now().getTime() + 365 * 86_400_000)),
        User: null,
        UserID: null,
      };
      this.data.licenses.push(license);
    }
    license.IsTaken = true;
    license.ComputerName = computer.ComputerName;
    license.OperatingSystem = operatingSystem;
    license.User = computer.UserEmail;
    license.UserID = computer.UserID;
    computer.License = { Granted: true, IsTrial: license.IsTrial, DisplayExpiresDate: license.DateExpired };
  }

  private computerEventData(computer: ConsoleComputer): Record<string, unknown> {
    return {
      ComputerHID: computer.ComputerHID,
      ComputerName: computer.ComputerName,
      CompanyName: computer.CompanyName,
      UserID: computer.UserID,
      HasBackupApp: computer.HasBackupApp,
      AppIds: appIds(computer),
      LicenseType: this.licenseOf(computer)?.LicenseType ?? null,
    };
  }
}

const OS_NAMES: Record<ConsoleOsType, string> = { windows: 'Windows', linux: 'Linux', macos: 'macOS' };

const DEFAULT_VERSIONS: Record<ConsoleOsType, string> = { windows: '7.9.4.83', linux: '4.3.1.33', macos: '4.3.2.10' };

function appIds(computer: ConsoleComputer): string[] {
  return computer.Apps.map((a) => a.ApplicationId).sort();
}

function isOnline(computer: ConsoleComputer): boolean {
  return computer.Apps.some((a) => a.Online);
}

/** Installs / removes the two agents, keeping existing app entries (and their versions). */
function applyAgents(computer: ConsoleComputer, agents: { backup: boolean; ra: boolean }, online: boolean): void {
  const existing = new Map(computer.Apps.map((a) => [a.ApplicationId, a]));
  const apps: ConsoleApp[] = [];
  const backupVersion = DEFAULT_VERSIONS[computer.OSTypeString];
  if (agents.backup) apps.push(existing.get('backup') ?? consoleApp('backup', backupVersion, true, online));
  if (agents.ra) apps.push(existing.get('ra') ?? consoleApp('ra', '3.4.1.90', true, online));
  for (const app of computer.Apps) if (app.ApplicationId !== 'backup' && app.ApplicationId !== 'ra') apps.push(app);
  for (const app of apps) app.Online = online;
  computer.Apps = apps;
  const hadBackup = computer.HasBackupApp;
  computer.HasBackupApp = agents.backup;
  if (agents.backup && !hadBackup) {
    const version = computer.Apps.find((a) => a.ApplicationId === 'backup')?.Version ?? backupVersion;
    const [major, minor, build, revision] = version.split('.').map(Number);
    computer.BackupBuildVersion = { _Major: major, _Minor: minor, _Build: build, _Revision: revision };
    computer.ProfileName = computer.UserEmail;
  }
  if (!agents.backup) computer.BackupBuildVersion = null;
  computer.RemoteManagementAvailable = agents.backup || agents.ra;
}

function requireName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SimulatorError(400, `${field} must be a non-empty string`);
  if (value.length > 100) throw new SimulatorError(400, `${field} must be at most 100 characters`);
  return value;
}

function requireLicenseType(value: unknown): ConsoleLicenseType {
  const type = LICENSE_TYPES.find((t) => typeof value === 'string' && t.toLowerCase() === value.trim().toLowerCase());
  if (!type) throw new SimulatorError(400, `licenseType must be one of ${LICENSE_TYPES.map((t) => `"${t}"`).join(', ')} (or null); got ${JSON.stringify(value)}`);
  return type;
}

function parseStatus(value: number | string): BackupStatusCode {
  if (typeof value === 'number' && backupStatusName(value) !== undefined) return value as BackupStatusCode;
  if (typeof value === 'string') {
    const name = BACKUP_STATUS_NAMES.find((n) => n.toLowerCase() === value.trim().toLowerCase());
    if (name) return BACKUP_STATUS[name];
  }
  throw new SimulatorError(400, `status must be 0..7 or one of ${BACKUP_STATUS_NAMES.join(', ')}; got ${JSON.stringify(value)}`);
}

function defaultMessage(status: BackupStatusCode): string | null {
  switch (status) {
    case BACKUP_STATUS.Error:
    case BACKUP_STATUS.UnexpectedlyClosed:
      return 'Destination storage is unreachable';
    case BACKUP_STATUS.Warning:
      return 'Some files were skipped because they are in use';
    case BACKUP_STATUS.Interrupted:
      return 'The backup was interrupted by the user';
    default:
      return null;
  }
}

function emptyData(): ConsoleData {
  return { companies: [], computers: [], licenses: [], monitoring: [], administrators: [] };
}
