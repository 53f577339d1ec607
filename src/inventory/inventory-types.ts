import type { ConsoleBackupStatusName } from '../console/console-types';

/**
 * The Console's computers and companies as the integration sees them: joined (computers ×
 * licenses × monitoring), normalised, and free of the vendor's shapes. Built by `buildInventory`.
 */

/** `OSTypeString`, lower case; the three the Console documents, or whatever else it sends ('' when missing). */
export type InventoryOs = 'windows' | 'linux' | 'macos' | (string & {});

/** The status name of a Monitoring row (`CONSOLE_BACKUP_STATUS` keys). */
export type InventoryBackupStatus = ConsoleBackupStatusName;

export interface InventoryLastBackup {
  /** Success, Overdue, Error, Running, Unknown, Interrupted, UnexpectedlyClosed or Warning. */
  status: InventoryBackupStatus;
  /** When that run started: ISO 8601, UTC (`toISOString`). */
  at: string;
}

export interface InventoryComputer {
  /** `ComputerHID`: lower case, no braces. */
  hid: string;
  /** `ComputerName` (trimmed). */
  hostName: string;
  /** `ComputerDisplayName` (trimmed), or the host name when the Console sends none. */
  displayName: string;
  /** The company's `Name` when one matches (spelled as the company is); otherwise the computer's own `CompanyName`. */
  companyName: string;
  /**
   * The Console company's `Id`, decided here once (`companyOf`): absent when no company, or more
   * than one, has the computer's company name; such a computer is reported, never guessed.
   */
  companyId?: string;
  os: InventoryOs;
  /** "a.b.c.d": `BackupBuildVersion`, else the backup app's `Version`. */
  backupAgentVersion?: string;
  /** The RMM app's (`ra`, or `rmm`) `Version`. */
  rmmAgentVersion?: string;
  /** `HasBackupApp`, or an app with id `backup`. */
  hasBackupAgent: boolean;
  /** An app with id `ra` (or `rmm`). */
  hasRmmAgent: boolean;
  /** Any application online. */
  online: boolean;
  /** `LastActivity` as ISO 8601, UTC. */
  lastActivity?: string;
  /** `LicenseType` of the taken license joined by (UserID, ComputerName). */
  licenseType?: string;
  /** `ID` of that license: what an event run reads it by (`GET /api/Licenses/{id}`). */
  licenseId?: string;
  /** The Monitoring row with the latest `LastStart` for (UserID, ComputerName). */
  lastBackup?: InventoryLastBackup;
}

export interface InventoryCompany {
  /** The Console company `Id` (GUID). */
  id: string;
  name: string;
}

export interface Inventory {
  companies: InventoryCompany[];
  computers: InventoryComputer[];
}
