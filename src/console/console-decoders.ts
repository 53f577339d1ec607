import { normaliseComputerId } from './computer-id';
import { ConsoleError } from './console-errors';
import {
  CONSOLE_BACKUP_STATUS,
  ConsoleAdministrator,
  ConsoleApp,
  ConsoleBackupStatus,
  ConsoleCompany,
  ConsoleComputer,
  ConsoleLicense,
  ConsoleMonitoringRow,
} from './console-types';

/** The Console's JSON answers read into the product's types: tolerant of casing and of numbers sent as strings, strict about what the sync needs. */

export function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function shapeError(operation: string, what: string): ConsoleError {
  return new ConsoleError('unexpected', `The Console's answer to ${operation} is not what its API documents: ${what}`, { operation });
}

export function asArray(value: unknown, operation: string): unknown[] {
  if (!Array.isArray(value)) throw shapeError(operation, 'expected a JSON array');
  return value;
}

export function asObject(value: unknown, operation: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw shapeError(operation, 'expected a JSON object');
  return value as Record<string, unknown>;
}

/** A property by name, case-insensitively (the API's casing of ids and fields varies). */
export function field(object: Record<string, unknown>, name: string): unknown {
  if (name in object) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

function idString(object: Record<string, unknown>, name: string, operation: string, required = true): string {
  const value = field(object, name);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (!required && (value === null || value === undefined)) return '';
  throw shapeError(operation, `an item has no ${name}`);
}

function optionalString(object: Record<string, unknown>, name: string): string | null {
  const value = field(object, name);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function bool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return /^(true|1|yes)$/i.test(value.trim());
  return false;
}

export function toCompany(item: unknown, operation: string): ConsoleCompany {
  const raw = asObject(item, operation);
  return { ...raw, Id: idString(raw, 'Id', operation), Name: idString(raw, 'Name', operation) } as ConsoleCompany;
}

export function toComputer(item: unknown, operation: string): ConsoleComputer {
  const raw = asObject(item, operation);
  const apps = field(raw, 'Apps');
  return {
    ...raw,
    ComputerHID: normaliseComputerId(idString(raw, 'ComputerHID', operation)),
    ComputerName: optionalString(raw, 'ComputerName') ?? '',
    CompanyName: optionalString(raw, 'CompanyName') ?? '',
    UserID: optionalString(raw, 'UserID') ?? '',
    HasBackupApp: bool(field(raw, 'HasBackupApp')),
    Apps: Array.isArray(apps) ? apps.filter((a): a is Record<string, unknown> => a !== null && typeof a === 'object').map(toApp) : [],
  } as ConsoleComputer;
}

function toApp(raw: Record<string, unknown>): ConsoleApp {
  return { ...raw, ApplicationId: String(field(raw, 'ApplicationId') ?? '').toLowerCase(), Online: bool(field(raw, 'Online')) } as ConsoleApp;
}

export function toLicense(item: unknown, operation: string): ConsoleLicense {
  const raw = asObject(item, operation);
  return {
    ...raw,
    ID: idString(raw, 'ID', operation),
    ComputerName: optionalString(raw, 'ComputerName'),
    IsTrial: bool(field(raw, 'IsTrial')),
    IsTaken: bool(field(raw, 'IsTaken')),
    LicenseType: optionalString(raw, 'LicenseType') ?? '',
    UserID: optionalString(raw, 'UserID'),
  } as ConsoleLicense;
}

const STATUS_BY_NAME = new Map(Object.entries(CONSOLE_BACKUP_STATUS).map(([name, code]) => [name.toLowerCase(), code]));

function toBackupStatus(value: unknown): ConsoleBackupStatus {
  const numeric = toFiniteNumber(value);
  if (numeric !== undefined) return (Number.isInteger(numeric) && numeric >= 0 && numeric <= 7 ? numeric : CONSOLE_BACKUP_STATUS.Unknown) as ConsoleBackupStatus;
  if (typeof value === 'string') return STATUS_BY_NAME.get(value.trim().toLowerCase().replace(/[\s_-]/g, '')) ?? CONSOLE_BACKUP_STATUS.Unknown;
  return CONSOLE_BACKUP_STATUS.Unknown;
}

export function toMonitoringRow(item: unknown, operation: string): ConsoleMonitoringRow {
  const raw = asObject(item, operation);
  return {
    ...raw,
    PlanName: optionalString(raw, 'PlanName') ?? '',
    PlanId: idString(raw, 'PlanId', operation, false),
    CompanyName: optionalString(raw, 'CompanyName') ?? '',
    UserID: optionalString(raw, 'UserID') ?? '',
    ComputerName: optionalString(raw, 'ComputerName') ?? '',
    LastStart: optionalString(raw, 'LastStart'),
    Status: toBackupStatus(field(raw, 'Status')),
  } as ConsoleMonitoringRow;
}

export function toAdministrator(item: unknown, operation: string): ConsoleAdministrator {
  const raw = asObject(item, operation);
  const companies = field(raw, 'Companies');
  return {
    ...raw,
    AdminID: idString(raw, 'AdminID', operation),
    Email: optionalString(raw, 'Email') ?? '',
    Enabled: field(raw, 'Enabled'),
    PermissionsModels: field(raw, 'PermissionsModels'),
    Companies: Array.isArray(companies) ? companies.filter((c): c is string => typeof c === 'string') : [],
    AccessToCompaniesMode: field(raw, 'AccessToCompaniesMode'),
  } as ConsoleAdministrator;
}
