/**
 * Management Console resources as this service reads them (console-api.md, section 2), with the
 * vendor's PascalCase names. Only the fields the integration uses are typed; the client keeps any
 * other field the Console sends (objects pass through), normalised as follows:
 *
 * - ids are strings (a deployment sending numbers gets them stringified);
 * - `ComputerHID` is a lower-case GUID without braces (the Console may send `{...}`; events and
 *   lookups use the plain form);
 * - dates are the Console's strings, untouched (ISO without an offset means UTC: parse them with
 *   `parseConsoleDate`);
 * - arrays that may be missing (`Apps`, `Companies`) are always arrays.
 */

export interface ConsoleLoginResponse {
  access_token: string;
  token_type: string;
  /** Seconds. */
  expires_in: number;
}

export interface ConsoleCompany {
  /** GUID. */
  Id: string;
  Name: string;
  /** Bytes; negative means unlimited. */
  StorageLimit?: number;
  /** 0 custom, 1 global pool, 2 company pool. */
  LicenseSettings?: number;
  /**
   * `MBSLicenseType` numbers as the vendor documents them (`0` = Desktop), names on some deployments.
   * Passed through undecoded: the integration keys license types by `ConsoleLicense.LicenseType`.
   */
  DefaultLicense?: unknown;
  AllowedLicenses?: unknown;
}

export interface ConsoleApp {
  /** "backup" (Backup agent), "ra" (Connect/RMM agent), ... */
  ApplicationId: string;
  Version?: string;
  Online: boolean;
}

export interface ConsoleComputerLicense {
  Granted: boolean;
  IsTrial?: boolean;
  DisplayExpiresDate?: string | null;
}

export interface ConsoleBuildVersion {
  _Major: number;
  _Minor: number;
  _Build: number;
  _Revision: number;
}

export interface ConsoleBackupStats {
  PlansCount?: number;
  TotalOverdueCount?: number;
  TotalFailedCount?: number;
  TotalSuccessCount?: number;
  TotalWarningCount?: number;
  TotalNotRunCount?: number;
  TotalRunningCount?: number;
  TotalInterruptedCount?: number;
}

export interface ConsoleComputer {
  /** Lower-case GUID, braces stripped. */
  ComputerHID: string;
  ComputerName: string;
  ComputerDisplayName?: string;
  /** "windows", "linux", "macos". */
  OSTypeString?: string;
  /** A number in the vendor's samples (536870940), a name on some deployments; not read by the integration. */
  BuildTypeString?: string | number;
  /** The company's `Name`: the only link from a computer to its company. */
  CompanyName: string;
  UserEmail?: string;
  UserID: string;
  ProfileName?: string;
  RemoteManagementAvailable?: boolean;
  BackupBuildVersion?: ConsoleBuildVersion | null;
  License?: ConsoleComputerLicense | null;
  BackupStats?: ConsoleBackupStats | null;
  /** ISO without offset (UTC): the nearest thing to "last seen". */
  LastActivity?: string | null;
  HasBackupApp: boolean;
  LostAuth?: boolean;
  Apps: ConsoleApp[];
}

export interface ConsoleLicense {
  ID: string;
  Number?: number;
  /** Null when the license is free. */
  ComputerName: string | null;
  OperatingSystem?: string | null;
  IsTrial: boolean;
  IsTaken: boolean;
  /** Display name ("Server", "Ultimate", ...): the key of the default asset type mapping. */
  LicenseType: string;
  DateExpired?: string | null;
  User?: string | null;
  UserID: string | null;
}

/** Monitoring `Status` codes; some deployments send the names instead, which the client maps to these. */
export const CONSOLE_BACKUP_STATUS = {
  Success: 0,
  Overdue: 1,
  Error: 2,
  Running: 3,
  Unknown: 4,
  Interrupted: 5,
  UnexpectedlyClosed: 6,
  Warning: 7,
} as const;
export type ConsoleBackupStatusName = keyof typeof CONSOLE_BACKUP_STATUS;
export type ConsoleBackupStatus = (typeof CONSOLE_BACKUP_STATUS)[ConsoleBackupStatusName];

export interface ConsoleMonitoringRow {
  PlanName: string;
  PlanId: string;
  PlanType?: string | number;
  CompanyName: string;
  UserID: string;
  ComputerName: string;
  /** ISO without offset (UTC); null when the plan never ran. */
  LastStart: string | null;
  NextStart?: string | null;
  /** Always the numeric code; a name or value the client does not know becomes 4 (Unknown). */
  Status: ConsoleBackupStatus;
  ErrorMessage?: string | null;
  DataCopied?: number;
  DetailedReportLink?: string | null;
}

export interface ConsoleAdministrator {
  AdminID: string;
  Email: string;
  FirstName?: string;
  LastName?: string;
  /** Usually a boolean; read it with `requiredConsolePermissions(admin).enabled`. */
  Enabled: unknown;
  /**
   * Permission areas; in the wild an object of 0/1 flags (`{"Users":1,"PSA":0,...}`), but read it
   * with `requiredConsolePermissions`, which also accepts booleans, strings and nested shapes.
   */
  PermissionsModels: unknown;
  /** Company names; empty when access is to all companies. */
  Companies: string[];
  /** 0 (SpecifiedCompanies) / 1 (AllCompanies), or the names: read it with `visibleCompanyNames`. */
  AccessToCompaniesMode: unknown;
}

/** Reads a Console date (ISO 8601, usually without an offset, meaning UTC); undefined when unparseable. */
export function parseConsoleDate(value: string | null | undefined): Date | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const isoLike = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?/.test(text);
  const date = new Date(isoLike && !hasZone ? `${text.replace(' ', 'T')}${text.length <= 10 ? 'T00:00:00' : ''}Z` : text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
