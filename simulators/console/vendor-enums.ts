import { AccessToCompaniesMode, ConsoleLicenseType, STANDARD_BUILD_TYPE_CODE } from '../demo-data/types';

/**
 * The vendor's numeric enums, sent with the setting `enumFormat: "number"`.
 *
 * `MBSLicenseType`: only Desktop = 0 is documented (the API help pairs the JSON sample's 0 with the
 * XML sample's `Desktop`); the other numbers are this simulator's assumption, in the order of
 * `LICENSE_TYPES`. `AccessToCompaniesEnum`: SpecifiedCompanies = 0 (the documented default),
 * AllCompanies = 1. `BuildTypeString`: the vendor's sample number for the standard build.
 */
export const MBS_LICENSE_TYPE_CODES: Record<ConsoleLicenseType, number> = {
  Desktop: 0,
  Server: 1,
  Ultimate: 2,
  'File Backup': 3,
  'MS SQL Server': 4,
  'MS Exchange': 5,
  'MS SQL Server + MS Exchange': 6,
  'VM Server': 7,
  'VM Server Socket': 8,
};

export const ACCESS_TO_COMPANIES_CODES: Record<AccessToCompaniesMode, number> = { SpecifiedCompanies: 0, AllCompanies: 1 };

export const BUILD_TYPE_CODES: Record<'Standard', number> = { Standard: STANDARD_BUILD_TYPE_CODE };
