import { CreateTenantsAndIntegrations1764220000000 } from './1764220000000-create-tenants-and-integrations';
import { CreateMappings1764230000000 } from './1764230000000-create-mappings';
import { CreateSync1764240000000 } from './1764240000000-create-sync';
import { CreateRemovals1764250000000 } from './1764250000000-create-removals';
import { CreateConsoleFingerprints1764260000000 } from './1764260000000-create-console-fingerprints';
import { TenantConsoleWebUrl1764270000000 } from './1764270000000-tenant-console-web-url';
import { CreateSettingsSignInLinks1764285150000 } from './1764285150000-create-settings-sign-in-links';
import { HaloRequestBudget1764350000000 } from './1764350000000-halo-request-budget';
import { CompanyAutoExport1764370000000 } from './1764370000000-company-auto-export';
import { SyncRunItemNames1764360000000 } from './1764360000000-sync-run-item-names';
import { ComputerLicenseIds1764380000000 } from './1764380000000-computer-license-ids';
import { ComputerFingerprints1764390000000 } from './1764390000000-computer-fingerprints';
import { HaloBudgetReservations1764400000000 } from './1764400000000-halo-budget-reservations';

/** Every migration, in order; append, never edit one that has shipped. */
export const MIGRATIONS = [
  CreateTenantsAndIntegrations1764220000000,
  CreateMappings1764230000000,
  CreateSync1764240000000,
  CreateRemovals1764250000000,
  CreateConsoleFingerprints1764260000000,
  TenantConsoleWebUrl1764270000000,
  CreateSettingsSignInLinks1764285150000,
  HaloRequestBudget1764350000000,
  SyncRunItemNames1764360000000,
  CompanyAutoExport1764370000000,
  ComputerLicenseIds1764380000000,
  ComputerFingerprints1764390000000,
  HaloBudgetReservations1764400000000,
];
