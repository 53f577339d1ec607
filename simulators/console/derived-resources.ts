import { ConsoleCompany, ConsoleComputer, ConsoleDestination } from '../demo-data/types';

/**
 * `GET /api/Users` and `GET /api/Packages`, derived from the stored data: a backup user is the
 * (`UserID`, `UserEmail`) pair its computers carry, in their company, with that company's
 * destinations; a package is a `PackageID` some destination uses.
 */

export interface ConsoleUser {
  ID: string;
  Email: string;
  FirstName: string;
  LastName: string;
  NotificationEmails: string[];
  Company: string;
  Enabled: boolean;
  DestinationList: ConsoleDestination[];
}

export interface ConsolePackage {
  ID: number;
  Name: string;
  Description: string;
  Cost: number;
  Enabled: boolean;
  /** GB; 0 = no limit. */
  StorageLimit: number;
  isGlacierRestoreLimit: boolean;
  RestoreLimit: number;
  GlacierRestoreType: number;
  UseRestoreLimit: boolean;
}

export function consoleUsers(companies: readonly ConsoleCompany[], computers: readonly ConsoleComputer[]): ConsoleUser[] {
  const destinations = new Map(companies.map((c) => [c.Name, c.Destinations]));
  const users = new Map<string, ConsoleUser>();
  for (const computer of computers) {
    if (users.has(computer.UserID)) continue;
    users.set(computer.UserID, {
      ID: computer.UserID,
      Email: computer.UserEmail,
      FirstName: '',
      LastName: '',
      NotificationEmails: [computer.UserEmail],
      Company: computer.CompanyName,
      Enabled: true,
      DestinationList: structuredClone(destinations.get(computer.CompanyName) ?? []),
    });
  }
  return [...users.values()];
}

export function consolePackages(companies: readonly ConsoleCompany[]): ConsolePackage[] {
  const ids = [...new Set(companies.flatMap((c) => c.Destinations.map((d) => d.PackageID)))].sort((a, b) => a - b);
  return ids.map((id) => ({
    ID: id,
    Name: `Package ${id}`,
    Description: '',
    Cost: 0,
    Enabled: true,
    StorageLimit: 0,
    isGlacierRestoreLimit: false,
    RestoreLimit: 0,
    GlacierRestoreType: 0,
    UseRestoreLimit: false,
  }));
}
