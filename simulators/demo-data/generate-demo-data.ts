import { SeededRandom } from '../shared/seeded-random';
import {
  ADMIN_PERMISSION_AREAS,
  AdminPermissionArea,
  BACKUP_STATUS,
  BackupStatusCode,
  ConsoleAdministrator,
  consoleApp,
  ConsoleApp,
  ConsoleBackupStats,
  ConsoleCompany,
  ConsoleComputer,
  ConsoleLicense,
  ConsoleLicenseType,
  ConsoleMonitoringRow,
  ConsoleOsType,
  consoleDate,
  DemoDataOptions,
  DemoDataset,
  HaloClientSeed,
  LICENSE_TYPES,
} from './types';
import {
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  COMPANY_TRADES,
  ERROR_MESSAGES,
  FIRST_NAMES,
  LAST_NAMES,
  NEAR_MISS_FORMS,
  PLAN_NAMES,
  SITE_NAMES,
  WARNING_MESSAGES,
} from './vocabulary';

/**
 * Seeded demo data for both simulators.
 *
 * `generateDemoData({ companies, computers, seed })` is pure: the same options give deep-equal data,
 * and it does not read the clock (dates are laid out around `referenceTime`, a fixed instant by
 * default). It runs in linear time (10,000 computers in a few tens of milliseconds).
 *
 * What it builds, and the mix it guarantees:
 * - Companies with unique business-like names (unique even trimmed and case-insensitively, as the
 *   integration matches them that way), each with a host-name prefix ("ACME") and 1..20 backup users.
 * - Computers spread unevenly across companies (a few large, many small; every company gets one when
 *   there are at least as many computers as companies), host names like `ACME-WS-014`, ~75% Windows
 *   (a fifth of them servers), ~15% Linux, ~10% macOS. Agents: ~55% Backup + RMM, ~25% Backup only,
 *   ~15% RMM only, ~5% neither; with 4+ computers every combination is present.
 * - A license for most Backup computers (type weighted by the machine's role: Desktop for
 *   workstations, Server / MS SQL Server / VM Server ... for servers; ~10% trials), ~8% of Backup
 *   computers unlicensed, RMM-only computers never licensed, plus a small pool of free licenses.
 * - 1..3 backup plans per Backup computer in Monitoring: mostly Success, some Warning / Error /
 *   Overdue, a few Running / Interrupted / never run; `BackupStats` and `LastActivity` agree with them.
 * - Administrators: a main one (all permissions, all companies), one without PSA, one limited to
 *   specified companies, one without the Users permission.
 * - HaloPSA customers with 1..3 sites: most companies have one with the same name, some differ only
 *   by case or surrounding spaces, some are ambiguous (two customers match), some have none (or only
 *   a near miss such as "The Acme Dental"), and a few customers match no company. With 5+ companies
 *   there are at least two ambiguous, one variant and one unmatched company.
 */
export function generateDemoData(options: DemoDataOptions): DemoDataset {
  const { companies: companyCount, computers: computerCount, seed } = options;
  if (!Number.isInteger(companyCount) || companyCount < 0) throw new RangeError('companies must be an integer >= 0');
  if (!Number.isInteger(computerCount) || computerCount < 0) throw new RangeError('computers must be an integer >= 0');
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (computerCount > 0 && companyCount === 0) throw new RangeError('computers need at least one company');
  const now = (options.referenceTime ?? DEFAULT_REFERENCE_TIME).getTime();

  const companies = makeCompanies(streamFor(seed, 'companies'), companyCount);
  const { computers, licenses, monitoring } = makeComputers(streamFor(seed, 'computers'), companies, computerCount, now);
  const administrators = makeAdministrators(streamFor(seed, 'administrators'), companies);
  const clients = makeHaloClients(streamFor(seed, 'halo'), companies);

  return {
    console: { companies: companies.map((c) => c.company), computers, licenses, monitoring, administrators },
    halo: { clients },
  };
}

/** 2025-06-02T09:00:00Z: the default "now" of generated data. */
export const DEFAULT_REFERENCE_TIME = new Date(Date.UTC(2025, 5, 2, 9, 0, 0));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GB = 1024 ** 3;

/** One independent stream per concern, so that adding a field to one part does not reshuffle the others. */
function streamFor(seed: number, label: string): SeededRandom {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ Math.floor(seed / 0x100000000), 0x01000193);
  return new SeededRandom(hash >>> 0);
}

/** Trimmed, lower-cased: how the integration compares names. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase();
}

interface BackupUser {
  id: string;
  email: string;
}

interface CompanyDraft {
  company: ConsoleCompany;
  prefix: string;
  domain: string;
  users: BackupUser[];
}

// ---------------------------------------------------------------------------------------- companies

function makeCompanies(random: SeededRandom, count: number): CompanyDraft[] {
  const names = uniqueCompanyNames(random, count, new Set());
  const prefixes = new Set<string>();
  return names.map((name) => {
    const prefix = uniquePrefix(name, prefixes);
    const licenseSettings = random.weighted<0 | 1 | 2>([
      [1, 7],
      [2, 2],
      [0, 1],
    ]);
    const allowed: ConsoleLicenseType[] =
      licenseSettings === 0 ? LICENSE_TYPES.filter(() => random.chance(0.5)) : [];
    if (licenseSettings === 0 && allowed.length === 0) allowed.push('Desktop');
    const destinations = Array.from({ length: random.int(1, 2) }, (_, i) => ({
      AccountID: random.uuid(),
      Destination: `${slug(name)}-backup${i === 0 ? '' : `-${i + 1}`}`,
      PackageID: random.int(1, 40),
    }));
    return {
      company: {
        Id: random.uuid(),
        Name: name,
        StorageLimit: random.chance(0.6) ? -1 : random.pick([250, 500, 1024, 2048, 5120]) * GB,
        LicenseSettings: licenseSettings,
        Destinations: destinations,
        DefaultLicense: random.chance(0.3) ? random.pick(['Desktop', 'Server', 'Ultimate'] as const) : null,
        AllowedLicenses: allowed,
      },
      prefix,
      domain: `${slug(name)}.example`,
      users: [],
    };
  });
}

function uniqueCompanyNames(random: SeededRandom, count: number, taken: Set<string>): string[] {
  const names: string[] = [];
  while (names.length < count) {
    let name = '';
    for (let attempt = 0; attempt < 40; attempt++) {
      name = `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_TRADES)}${random.weighted(COMPANY_SUFFIXES)}`;
      if (!taken.has(normalizeName(name))) break;
    }
    // The pool has >10,000 combinations; a numbered name only appears for very large requests.
    for (let n = 2; taken.has(normalizeName(name)); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
    taken.add(normalizeName(name));
    names.push(name);
  }
  return names;
}

function uniquePrefix(name: string, taken: Set<string>): string {
  const base = (name.split(' ')[0].toUpperCase().replace(/[^A-Z]/g, '') || 'CO').slice(0, 5);
  let prefix = base;
  for (let n = 2; taken.has(prefix); n++) prefix = `${base.slice(0, 4)}${n}`;
  taken.add(prefix);
  return prefix;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------- computers

type Role = 'WS' | 'LT' | 'SRV' | 'FS' | 'DC' | 'SQL' | 'EX' | 'HV' | 'LNX' | 'WEB' | 'DB' | 'MAC';
type AgentMix = 'both' | 'backup' | 'ra' | 'neither';
const AGENT_MIXES: readonly AgentMix[] = ['both', 'backup', 'ra', 'neither'];

interface Machine {
  os: ConsoleOsType;
  role: Role;
  operatingSystem: string;
  server: boolean;
}

function pickMachine(random: SeededRandom): Machine {
  const os = random.weighted<ConsoleOsType>([
    ['windows', 75],
    ['linux', 15],
    ['macos', 10],
  ]);
  if (os === 'macos') {
    return { os, role: 'MAC', server: false, operatingSystem: random.pick(['macOS 14 Sonoma', 'macOS 13 Ventura', 'macOS 15 Sequoia']) };
  }
  if (os === 'linux') {
    const role = random.weighted<Role>([
      ['LNX', 4],
      ['WEB', 3],
      ['DB', 2],
    ]);
    return {
      os,
      role,
      server: true,
      operatingSystem: random.pick(['Ubuntu 22.04 LTS', 'Ubuntu 24.04 LTS', 'Debian 12', 'Red Hat Enterprise Linux 9']),
    };
  }
  if (random.chance(0.2)) {
    const role = random.weighted<Role>([
      ['SRV', 4],
      ['FS', 2],
      ['DC', 2],
      ['SQL', 2],
      ['EX', 1],
      ['HV', 1],
    ]);
    return {
      os,
      role,
      server: true,
      operatingSystem: random.pick(['Windows Server 2016 Standard', 'Windows Server 2019 Standard', 'Windows Server 2022 Standard']),
    };
  }
  const role = random.weighted<Role>([
    ['WS', 3],
    ['LT', 2],
  ]);
  return { os, role, server: false, operatingSystem: random.pick(['Windows 10 Pro', 'Windows 11 Pro', 'Windows 11 Enterprise']) };
}

const LICENSE_BY_ROLE: Record<Role, readonly (readonly [ConsoleLicenseType, number])[]> = {
  WS: [['Desktop', 55], ['File Backup', 30], ['Ultimate', 15]],
  LT: [['Desktop', 55], ['File Backup', 30], ['Ultimate', 15]],
  MAC: [['Desktop', 50], ['File Backup', 40], ['Ultimate', 10]],
  SRV: [['Server', 60], ['Ultimate', 20], ['File Backup', 10], ['VM Server', 10]],
  FS: [['Server', 50], ['File Backup', 40], ['Ultimate', 10]],
  DC: [['Server', 70], ['Ultimate', 30]],
  SQL: [['MS SQL Server', 60], ['Server', 15], ['MS SQL Server + MS Exchange', 10], ['Ultimate', 15]],
  EX: [['MS Exchange', 70], ['MS SQL Server + MS Exchange', 20], ['Ultimate', 10]],
  HV: [['VM Server', 55], ['VM Server Socket', 35], ['Ultimate', 10]],
  LNX: [['Server', 60], ['File Backup', 25], ['Ultimate', 15]],
  WEB: [['Server', 60], ['File Backup', 25], ['Ultimate', 15]],
  DB: [['Server', 70], ['Ultimate', 30]],
};

const PLAN_TYPES_BY_ROLE: Partial<Record<Role, string>> = { SQL: 'MSSQL', EX: 'MSExchange', HV: 'HyperV' };

const BACKUP_VERSIONS: Record<ConsoleOsType, readonly [string, string, string]> = {
  windows: ['7.9.4.83', '7.8.3.12', '7.5.1.40'],
  linux: ['4.3.1.33', '4.2.0.71', '4.0.2.15'],
  macos: ['4.3.2.10', '4.2.1.5', '4.0.0.90'],
};
const RMM_VERSIONS = ['3.4.1.90', '3.3.0.12', '3.1.2.7'] as const;

function makeComputers(
  random: SeededRandom,
  companies: CompanyDraft[],
  count: number,
  now: number,
): { computers: ConsoleComputer[]; licenses: ConsoleLicense[]; monitoring: ConsoleMonitoringRow[] } {
  const perCompany = allocate(random, companies.length, count);
  const computers: ConsoleComputer[] = [];
  const licenses: ConsoleLicense[] = [];
  const monitoring: ConsoleMonitoringRow[] = [];
  // With 4+ computers, every agent combination appears at least once (spread positions).
  const forcedMix = new Map<number, AgentMix>();
  if (count >= AGENT_MIXES.length) AGENT_MIXES.forEach((mix, k) => forcedMix.set(Math.floor((k * count) / AGENT_MIXES.length), mix));
  let licenseNumber = 100_001;

  companies.forEach((draft, companyIndex) => {
    const size = perCompany[companyIndex];
    const userCount = Math.min(20, Math.max(1, Math.ceil(size / 8)));
    for (let u = 0; u < userCount; u++) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      draft.users.push({ id: random.uuid(), email: `${asciiLocalPart(first)}.${asciiLocalPart(last)}${u === 0 ? '' : u + 1}@${draft.domain}` });
    }
    const roleCounters = new Map<Role, number>();

    for (let j = 0; j < size; j++) {
      const index = computers.length;
      const machine = pickMachine(random);
      const sequence = (roleCounters.get(machine.role) ?? 0) + 1;
      roleCounters.set(machine.role, sequence);
      const hostName = `${draft.prefix}-${machine.role}-${String(sequence).padStart(3, '0')}`;
      const mix =
        forcedMix.get(index) ??
        random.weighted<AgentMix>([
          ['both', 55],
          ['backup', 25],
          ['ra', 15],
          ['neither', 5],
        ]);
      const hasBackup = mix === 'both' || mix === 'backup';
      const hasRmm = mix === 'both' || mix === 'ra';
      const user = random.pick(draft.users);
      const online = mix !== 'neither' && random.chance(machine.server ? 0.9 : 0.65);

      // Monitoring rows first: BackupStats and LastActivity are derived from them.
      const rows: ConsoleMonitoringRow[] = [];
      if (hasBackup) {
        const planCount = machine.server ? random.int(1, 3) : random.weighted([[1, 6], [2, 3], [3, 1]] as const);
        const typed = PLAN_TYPES_BY_ROLE[machine.role];
        const planTypes = [typed ?? 'Files', 'ImageBased', 'Files'].slice(0, planCount);
        const usedNames = new Set<string>();
        for (const planType of planTypes) {
          let planName = random.pick(PLAN_NAMES[planType]);
          if (usedNames.has(planName)) planName = `${planName} ${usedNames.size + 1}`;
          usedNames.add(planName);
          rows.push(makePlanRow(random, { planName, planType, companyName: draft.company.Name, userId: user.id, hostName, online, now }));
        }
      }
      const lastStart = rows.reduce((max, row) => Math.max(max, row.LastStart ? Date.parse(`${row.LastStart}Z`) : 0), 0);
      const activity = online
        ? now - random.int(0, 10 * 60_000)
        : mix === 'neither'
          ? now - random.int(30, 200) * DAY
          : now - random.int(1 * HOUR, 30 * DAY);

      let license: ConsoleLicense | undefined;
      if (hasBackup && !random.chance(0.08)) {
        const trial = random.chance(0.1);
        license = {
          ID: random.uuid(),
          Number: licenseNumber++,
          ComputerName: hostName,
          OperatingSystem: machine.operatingSystem,
          IsTrial: trial,
          IsTaken: true,
          LicenseType: random.weighted(LICENSE_BY_ROLE[machine.role]),
          DateExpired: consoleDate(new Date(now + (trial ? random.int(1, 15) : random.int(30, 365)) * DAY)),
          User: user.email,
          UserID: user.id,
        };
        licenses.push(license);
      }

      const versions = BACKUP_VERSIONS[machine.os];
      const backupVersion = random.weighted([[versions[0], 6], [versions[1], 3], [versions[2], 1]] as const);
      const rmmVersion = random.weighted([[RMM_VERSIONS[0], 6], [RMM_VERSIONS[1], 3], [RMM_VERSIONS[2], 1]] as const);
      const apps: ConsoleApp[] = [];
      if (hasBackup) apps.push(consoleApp('backup', backupVersion, backupVersion === versions[0], online));
      if (hasRmm) apps.push(consoleApp('ra', rmmVersion, rmmVersion === RMM_VERSIONS[0], online));

      const parts = backupVersion.split('.').map(Number);
      const computer: ConsoleComputer = {
        ComputerHID: random.uuid(),
        ComputerName: hostName,
        ComputerDisplayName: random.chance(0.15) ? `${hostName} (${random.pick(DISPLAY_LABELS)})` : hostName,
        OSTypeString: machine.os,
        BuildTypeString: 'Standard',
        CompanyName: draft.company.Name,
        UserEmail: user.email,
        UserID: user.id,
        ProfileName: hasBackup ? user.email : '',
        RemoteManagementAvailable: hasRmm || (hasBackup && random.chance(0.85)),
        BackupBuildVersion: hasBackup ? { _Major: parts[0], _Minor: parts[1], _Build: parts[2], _Revision: parts[3] } : null,
        License: license
          ? { Granted: true, IsTrial: license.IsTrial, DisplayExpiresDate: license.DateExpired }
          : { Granted: false, IsTrial: false, DisplayExpiresDate: null },
        BackupStats: backupStatsOf(rows),
        LastActivity: consoleDate(new Date(Math.max(activity, lastStart))),
        HasBackupApp: hasBackup,
        LostAuth: hasBackup && random.chance(0.01),
        LostAuthChangeDate: null,
        InstanceType: 0,
        Apps: apps,
      };
      if (computer.LostAuth) computer.LostAuthChangeDate = computer.LastActivity;
      computers.push(computer);
      monitoring.push(...rows);
    }
  });

  // A few free licenses in the pool (not taken: no computer, no user).
  const free = count === 0 ? 0 : Math.max(1, Math.round(count * 0.04));
  for (let i = 0; i < free; i++) {
    const trial = random.chance(0.3);
    licenses.push({
      ID: random.uuid(),
      Number: licenseNumber++,
      ComputerName: null,
      OperatingSystem: null,
      IsTrial: trial,
      IsTaken: false,
      LicenseType: random.weighted([['Desktop', 4], ['Server', 3], ['Ultimate', 2], ['VM Server', 1]] as const),
      DateExpired: consoleDate(new Date(now + random.int(15, 365) * DAY)),
      User: null,
      UserID: null,
    });
  }
  return { computers, licenses, monitoring };
}

const DISPLAY_LABELS = ['Reception', 'CEO laptop', 'Accounts', 'Front desk', 'Lab', 'Spare'] as const;

function asciiLocalPart(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '');
}

/** Computers per company: one each when there are enough, the rest skewed (a few large companies). */
function allocate(random: SeededRandom, companies: number, computers: number): number[] {
  const counts = new Array<number>(companies).fill(0);
  if (companies === 0) return counts;
  let remaining = computers;
  if (computers >= companies) {
    counts.fill(1);
    remaining -= companies;
  }
  const weights = counts.map(() => 0.1 + random.next() ** 4 * 12);
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (remaining * w) / total);
  let given = 0;
  exact.forEach((x, i) => {
    counts[i] += Math.floor(x);
    given += Math.floor(x);
  });
  const byFraction = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < remaining - given; k++) counts[byFraction[k % companies][1]] += 1;
  return counts;
}

function makePlanRow(
  random: SeededRandom,
  p: { planName: string; planType: string; companyName: string; userId: string; hostName: string; online: boolean; now: number },
): ConsoleMonitoringRow {
  const status: BackupStatusCode = p.online
    ? random.weighted<BackupStatusCode>([
        [BACKUP_STATUS.Success, 74],
        [BACKUP_STATUS.Warning, 10],
        [BACKUP_STATUS.Error, 7],
        [BACKUP_STATUS.Overdue, 3],
        [BACKUP_STATUS.Running, 2],
        [BACKUP_STATUS.Unknown, 2],
        [BACKUP_STATUS.Interrupted, 1],
        [BACKUP_STATUS.UnexpectedlyClosed, 1],
      ])
    : random.weighted<BackupStatusCode>([
        [BACKUP_STATUS.Success, 45],
        [BACKUP_STATUS.Overdue, 30],
        [BACKUP_STATUS.Error, 12],
        [BACKUP_STATUS.Warning, 8],
        [BACKUP_STATUS.Interrupted, 5],
      ]);
  const neverRan = status === BACKUP_STATUS.Unknown && random.chance(0.5);
  const started =
    status === BACKUP_STATUS.Overdue
      ? p.now - random.int(3 * DAY, 20 * DAY)
      : status === BACKUP_STATUS.Running
        ? p.now - random.int(5 * 60_000, 2 * HOUR)
        : p.now - random.int(1 * HOUR, 26 * HOUR);
  const planId = random.uuid();
  const message =
    status === BACKUP_STATUS.Error || status === BACKUP_STATUS.UnexpectedlyClosed
      ? random.pick(ERROR_MESSAGES)
      : status === BACKUP_STATUS.Warning
        ? random.pick(WARNING_MESSAGES)
        : status === BACKUP_STATUS.Interrupted
          ? 'The backup was interrupted by the user'
          : null;
  return {
    PlanName: p.planName,
    PlanId: planId,
    PlanType: p.planType,
    CompanyName: p.companyName,
    UserID: p.userId,
    ComputerName: p.hostName,
    LastStart: neverRan ? null : consoleDate(new Date(started)),
    NextStart: consoleDate(new Date(neverRan ? p.now + random.int(1, 20) * HOUR : started + DAY)),
    Status: status,
    ErrorMessage: message,
    DataCopied: neverRan || status === BACKUP_STATUS.Error ? 0 : random.int(1, 50_000) * 1024 * 1024,
    DetailedReportLink: neverRan ? null : `https://console.example/Monitoring/PlanReport?planId=${planId}`,
  };
}

/** BackupStats as the Console aggregates them: last status of each plan, counted. */
export function backupStatsOf(rows: readonly Pick<ConsoleMonitoringRow, 'Status' | 'LastStart'>[]): ConsoleBackupStats {
  const stats: ConsoleBackupStats = {
    PlansCount: rows.length,
    TotalOverdueCount: 0,
    TotalFailedCount: 0,
    TotalSuccessCount: 0,
    TotalWarningCount: 0,
    TotalNotRunCount: 0,
    TotalRunningCount: 0,
    TotalInterruptedCount: 0,
  };
  for (const row of rows) {
    if (row.LastStart === null) stats.TotalNotRunCount++;
    else if (row.Status === BACKUP_STATUS.Success) stats.TotalSuccessCount++;
    else if (row.Status === BACKUP_STATUS.Overdue) stats.TotalOverdueCount++;
    else if (row.Status === BACKUP_STATUS.Error || row.Status === BACKUP_STATUS.UnexpectedlyClosed) stats.TotalFailedCount++;
    else if (row.Status === BACKUP_STATUS.Running) stats.TotalRunningCount++;
    else if (row.Status === BACKUP_STATUS.Interrupted) stats.TotalInterruptedCount++;
    else if (row.Status === BACKUP_STATUS.Warning) stats.TotalWarningCount++;
    else stats.TotalNotRunCount++;
  }
  return stats;
}

// ----------------------------------------------------------------------------------- administrators

function permissions(grant: (area: AdminPermissionArea) => boolean): Record<AdminPermissionArea, 0 | 1> {
  return Object.fromEntries(ADMIN_PERMISSION_AREAS.map((area) => [area, grant(area) ? 1 : 0])) as Record<AdminPermissionArea, 0 | 1>;
}

function makeAdministrators(random: SeededRandom, companies: CompanyDraft[]): ConsoleAdministrator[] {
  const limitedTo = companies
    .map((c) => c.company.Name)
    .filter((_, i) => i % 3 === 0)
    .slice(0, Math.max(1, Math.min(5, Math.ceil(companies.length / 4))));
  return [
    {
      AdminID: random.uuid(),
      Email: 'owner@msp.example',
      FirstName: 'Alex',
      LastName: 'Morgan',
      Enabled: true,
      PermissionsModels: permissions(() => true),
      Companies: [],
      AccessToCompaniesMode: 'AllCompanies',
    },
    {
      AdminID: random.uuid(),
      Email: 'helpdesk@msp.example',
      FirstName: 'Jordan',
      LastName: 'Lee',
      Enabled: true,
      PermissionsModels: permissions((area) => area !== 'PSA'),
      Companies: [],
      AccessToCompaniesMode: 'AllCompanies',
    },
    {
      AdminID: random.uuid(),
      Email: 'regional@msp.example',
      FirstName: 'Sam',
      LastName: 'Patel',
      Enabled: true,
      PermissionsModels: permissions((area) => area !== 'Administrators' && area !== 'Billing'),
      Companies: limitedTo,
      AccessToCompaniesMode: 'SpecifiedCompanies',
    },
    {
      AdminID: random.uuid(),
      Email: 'technician@msp.example',
      FirstName: 'Casey',
      LastName: 'Brooks',
      Enabled: true,
      PermissionsModels: permissions((area) => area !== 'Users' && area !== 'Administrators'),
      Companies: [],
      AccessToCompaniesMode: 'AllCompanies',
    },
  ];
}

// ------------------------------------------------------------------------------------- halo clients

type MatchKind = 'exact' | 'variant' | 'ambiguous' | 'unmatched';

function makeHaloClients(random: SeededRandom, companies: CompanyDraft[]): HaloClientSeed[] {
  const companyNames = companies.map((c) => c.company.Name);
  const taken = new Set(companyNames.map(normalizeName));
  const kinds = new Map<number, MatchKind>();
  if (companies.length >= 5) {
    const order = shuffle(random, companies.map((_, i) => i));
    (['ambiguous', 'ambiguous', 'variant', 'unmatched'] as const).forEach((kind, k) => kinds.set(order[k], kind));
  }
  const clients: HaloClientSeed[] = [];
  const sites = () => siteList(random);
  companyNames.forEach((name, i) => {
    const kind =
      kinds.get(i) ??
      random.weighted<MatchKind>([
        ['exact', 68],
        ['variant', 14],
        ['ambiguous', 6],
        ['unmatched', 12],
      ]);
    if (kind === 'exact') clients.push({ name, sites: sites() });
    else if (kind === 'variant') clients.push({ name: variantOf(random, name), sites: sites() });
    else if (kind === 'ambiguous') {
      clients.push({ name, sites: sites() });
      clients.push({ name: random.chance(0.5) ? name : variantOf(random, name), sites: sites() });
    } else if (random.chance(0.4)) {
      const nearMiss = random.pick(NEAR_MISS_FORMS)(name);
      if (!taken.has(normalizeName(nearMiss))) {
        taken.add(normalizeName(nearMiss));
        clients.push({ name: nearMiss, sites: sites() });
      }
    }
  });
  // Customers that match no company at all, including the MSP's own.
  const extraCount = companies.length === 0 ? 1 : Math.max(2, Math.round(companies.length * 0.06));
  clients.push({ name: 'Our MSP (Internal)', sites: ['Main'] });
  for (const name of uniqueCompanyNames(random, extraCount - 1, taken)) clients.push({ name, sites: sites() });
  return shuffle(random, clients);
}

function variantOf(random: SeededRandom, name: string): string {
  const forms = [name.toUpperCase(), name.toLowerCase(), `  ${name}`, `${name}  `, ` ${name.toLowerCase()} `].filter((v) => v !== name);
  return random.pick(forms);
}

function siteList(random: SeededRandom): string[] {
  const count = random.weighted([[1, 50], [2, 35], [3, 15]] as const);
  const extra = shuffle(random, [...SITE_NAMES]).slice(0, count - 1);
  return ['Main', ...extra];
}

function shuffle<T>(random: SeededRandom, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
