import { backupStatusName, ConsoleAdministrator, ConsoleCompany, ConsoleComputer, ConsoleMonitoringRow } from '../demo-data/types';
import { ConsoleSettings } from './settings';
import { ACCESS_TO_COMPANIES_CODES, BUILD_TYPE_CODES, MBS_LICENSE_TYPE_CODES } from './vendor-enums';

/** How the vendor API writes the stored data, per the format settings (`hidFormat`, `enumFormat`, ...). */

type FormatSettings = Pick<ConsoleSettings, 'enumFormat' | 'hidFormat' | 'monitoringStatusFormat'>;

export function formatCompany(settings: FormatSettings, company: ConsoleCompany): unknown {
  if (settings.enumFormat === 'string') return company;
  return {
    ...company,
    DefaultLicense: company.DefaultLicense === null ? null : MBS_LICENSE_TYPE_CODES[company.DefaultLicense],
    AllowedLicenses: company.AllowedLicenses.map((type) => MBS_LICENSE_TYPE_CODES[type]),
  };
}

export function formatComputer(settings: FormatSettings, computer: ConsoleComputer): unknown {
  return {
    ...computer,
    ComputerHID: settings.hidFormat === 'braces' ? `{${computer.ComputerHID}}` : computer.ComputerHID,
    BuildTypeString: settings.enumFormat === 'number' ? BUILD_TYPE_CODES[computer.BuildTypeString] : computer.BuildTypeString,
  };
}

export function formatAdministrator(settings: FormatSettings, admin: ConsoleAdministrator): unknown {
  return settings.enumFormat === 'number' ? { ...admin, AccessToCompaniesMode: ACCESS_TO_COMPANIES_CODES[admin.AccessToCompaniesMode] } : admin;
}

export function formatMonitoring(settings: FormatSettings, row: ConsoleMonitoringRow): unknown {
  return settings.monitoringStatusFormat === 'string' ? { ...row, Status: backupStatusName(row.Status) ?? String(row.Status) } : row;
}
