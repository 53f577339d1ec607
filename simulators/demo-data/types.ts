/**
 * Shapes of the Management Console API resources, field for field as the integration reads them
 * (see `../shared/reference/console-api.md`, section 2). PascalCase, inconsistent id casing
 * (`Id`, `ID`, `AdminID`, `ComputerHID`) and offset-less ISO dates are the vendor's, kept on purpose.
 */

/** `OSTypeString` values the Console sends. */
export type ConsoleOsType = 'windows' | 'linux' | 'macos';

/** License display names (`LicenseType`) the Console uses. */
export const LICENSE_TYPES = [
  'Server',
  'Ultimate',
  'File Backup',
  'Desktop',
  'MS SQL Server',
  'MS Exchange',
  'MS SQL Server + MS Exchange',
  'VM Server',
  'VM Server Socket',
] as const;
export type ConsoleLicenseType = (typeof LICENSE_TYPES)[number];

/** Monitoring `Status` codes. */
export const BACKUP_STATUS = {
  Success: 0,
  Overdue: 1,
  Error: 2,
  Running: 3,
  Unknown: 4,
  Interrupted: 5,
  UnexpectedlyClosed: 6,
  Warning: 7,
} as const;
export type BackupStatusName = keyof typeof BACKUP_STATUS;
export type BackupStatusCode = (typeof BACKUP_STATUS)[BackupStatusName];
export const BACKUP_STATUS_NAMES = Object.keys(BACKUP_STATUS) as BackupStatusName[];

export function backupStatusName(code: number): BackupStatusName | undefined {
  return BACKUP_STATUS_NAMES.find((name) => BACKUP_STATUS[name] === code);
}

export interface ConsoleDestination {
  AccountID: string;
  Destination: string;
  PackageID: number;
}

export interface ConsoleCompany {
  /** GUID. */
  Id: string;
  Name: string;
  /** Bytes; negative means unlimited. */
  StorageLimit: number;
  /** 0 custom, 1 global pool, 2 company pool. */
  LicenseSettings: 0 | 1 | 2;
  Destinations: ConsoleDestination[];
  /** A license display name, or null; the vendor sends `MBSLicenseType` numbers (`enumFormat: "number"`). */
  DefaultLicense: ConsoleLicenseType | null;
  /** License display names allowed when `LicenseSettings` is 0; numbers as `DefaultLicense`. */
  AllowedLicenses: ConsoleLicenseType[];
}

export interface ConsoleBuildVersion {
  _Major: number;
  _Minor: number;
  _Build: number;
  _Revision: number;
}

export interface ConsoleComputerLicense {
  Granted: boolean;
  IsTrial: boolean;
  /** ISO date without offset, or null when no license is granted (UNSURE: display format). */
  DisplayExpiresDate: string | null;
}

export interface ConsoleBackupStats {
  PlansCount: number;
  TotalOverdueCount: number;
  TotalFailedCount: number;
  TotalSuccessCount: number;
  TotalWarningCount: number;
  TotalNotRunCount: number;
  TotalRunningCount: number;
  TotalInterruptedCount: number;
}

/** `ApplicationId` "backup" is the Backup agent, "ra" the Connect/RMM agent. */
export type ConsoleApplicationId = 'backup' | 'ra';

/** The build type the vendor's samples show, as `BuildTypeString` (number form) and apps' `BuildTypeLong`. */
export const STANDARD_BUILD_TYPE_CODE = 536_870_940;

export interface ConsoleApp {
  ApplicationId: ConsoleApplicationId | string;
  /** "7.9.4.83". */
  Version: string;
  VersionStatus: 'Latest' | 'Outdated';
  ApplicationState: 'Enabled' | 'Disabled';
  BuildTypeLong: number;
  /** 0 when the app reports no error. */
  ErrorCode: number;
  ErrorMessage: string | null;
  Online: boolean;
}

export function consoleApp(id: ConsoleApplicationId, version: string, latest: boolean, online: boolean): ConsoleApp {
  return {
    ApplicationId: id,
    Version: version,
    VersionStatus: latest ? 'Latest' : 'Outdated',
    ApplicationState: 'Enabled',
    BuildTypeLong: STANDARD_BUILD_TYPE_CODE,
    ErrorCode: 0,
    ErrorMessage: null,
    Online: online,
  };
}

export interface ConsoleComputer {
  /** GUID, without braces (the simulator can add them, see the `hidFormat` setting). */
  ComputerHID: string;
  ComputerName: string;
  ComputerDisplayName: string;
  OSTypeString: ConsoleOsType;
  /** A name here; the simulator sends the vendor's number with `enumFormat: "number"`. */
  BuildTypeString: 'Standard';
  /** The company's `Name`: the only link from a computer to its company. */
  CompanyName: string;
  UserEmail: string;
  /** GUID of the backup user account the computer belongs to. */
  UserID: string;
  ProfileName: string;
  RemoteManagementAvailable: boolean;
  /** Null when the Backup agent is not installed. */
  BackupBuildVersion: ConsoleBuildVersion | null;
  /** No license type here: see `/api/Licenses`. */
  License: ConsoleComputerLicense;
  BackupStats: ConsoleBackupStats;
  /** ISO date without offset, read as UTC: the nearest thing to "last seen". */
  LastActivity: string;
  HasBackupApp: boolean;
  LostAuth: boolean;
  /** ISO date without offset of the last `LostAuth` change; null when it never changed. */
  LostAuthChangeDate: string | null;
  /** UNSURE: an undocumented enum; the vendor's samples show 0. */
  InstanceType: number;
  Apps: ConsoleApp[];
}

export interface ConsoleLicense {
  ID: string;
  Number: number;
  /** Null when the license is not taken. */
  ComputerName: string | null;
  OperatingSystem: string | null;
  IsTrial: boolean;
  IsTaken: boolean;
  LicenseType: ConsoleLicenseType;
  /** ISO date without offset. */
  DateExpired: string;
  /** The backup user's login (email), null when not taken. */
  User: string | null;
  UserID: string | null;
}

export interface ConsoleMonitoringRow {
  PlanName: string;
  PlanId: string;
  PlanType: string;
  CompanyName: string;
  UserID: string;
  ComputerName: string;
  /** ISO without offset; null when the plan never ran. */
  LastStart: string | null;
  NextStart: string | null;
  /** Numeric code in the data; the simulator can send names instead (`monitoringStatusFormat`). */
  Status: BackupStatusCode;
  ErrorMessage: string | null;
  /** Bytes copied by the last run. */
  DataCopied: number;
  DetailedReportLink: string | null;
}

/** Permission areas of an administrator; 1 granted, 0 not (spellings are the vendor's). */
export const ADMIN_PERMISSION_AREAS = [
  'Users',
  'StorageLimit',
  'Notification',
  'OnlineAccess',
  'Licenses',
  'Billing',
  'Monitiring',
  'RemoteDeploy',
  'RemoteManagment',
  'HelpMarketing',
  'AuditLog',
  'PSA',
  'Administrators',
  'Rebranding',
  'Storage',
  'ADS',
  'LicenseBuy',
  'LicenseActivate',
  'StorageUsage',
  'CapacityReport',
  'GoogleApps',
  'Dashboard',
] as const;
export type AdminPermissionArea = (typeof ADMIN_PERMISSION_AREAS)[number];

/** Names here; the vendor sends SpecifiedCompanies = 0, AllCompanies = 1 (`enumFormat: "number"`). */
export type AccessToCompaniesMode = 'AllCompanies' | 'SpecifiedCompanies';

export interface ConsoleAdministrator {
  AdminID: string;
  Email: string;
  FirstName: string;
  LastName: string;
  Enabled: boolean;
  PermissionsModels: Record<AdminPermissionArea, 0 | 1>;
  /** Company names; empty when `AccessToCompaniesMode` is "AllCompanies". */
  Companies: string[];
  AccessToCompaniesMode: AccessToCompaniesMode;
}

export interface ConsoleData {
  companies: ConsoleCompany[];
  computers: ConsoleComputer[];
  licenses: ConsoleLicense[];
  monitoring: ConsoleMonitoringRow[];
  administrators: ConsoleAdministrator[];
}

export interface HaloClientSeed {
  name: string;
  sites: string[];
}

export interface DemoDataset {
  console: ConsoleData;
  /** Customers to seed into the HaloPSA simulator. */
  halo: { clients: HaloClientSeed[] };
}

export interface DemoDataOptions {
  companies: number;
  computers: number;
  seed: number;
  /**
   * The "now" that dates are generated around (last backups, last activity, license expiry).
   * Defaults to a fixed instant so that the same seed gives byte-identical data.
   */
  referenceTime?: Date;
}

/** Dates as the Console writes them: ISO 8601 without an offset, meaning UTC. */
export function consoleDate(date: Date): string {
  return date.toISOString().slice(0, -1);
}
