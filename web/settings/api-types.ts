/** The shapes of the API's answers this page reads (see the API reference at /docs). */

export interface IntegrationStatus {
  state: string;
  operational: boolean;
  steps: { step: string; mandatory: boolean; done: boolean }[];
  lastError: string | null;
  halo?: { url: string; authorisationUrl: string; tenant: string | null; clientId: string };
}

export interface SetupStarted {
  integrationId: string;
  workflowId: string;
  mappingsKept: boolean;
}

export interface RequirementCheck {
  layer: 'application' | 'agent' | 'console';
  requirement: string;
  holds: boolean | null;
  fix?: string;
}

export interface PermissionReport {
  checkedAt: string;
  authenticationError?: string;
  haloAgent?: string;
  actions: Record<'create' | 'manage' | 'delete', { allowed: boolean; requirements: RequirementCheck[] }>;
}

export interface CompanyMapping {
  customerId: number;
  customerName: string;
  siteId: number;
  siteName: string;
}

export interface Company {
  companyId: string;
  companyName: string;
  mapping: CompanyMapping | null;
  suggestion: { kind: 'exact' | 'ambiguous' | 'none'; customers: { id: number; name: string }[] } | null;
}

export interface AutoMapResult {
  dryRun: boolean;
  applied: { companyId: string; companyName: string; mapping: CompanyMapping }[];
  skipped: { companyId: string; companyName: string; reason: 'already-mapped' | 'ambiguous' | 'no-match' }[];
}

export interface UnmapResult {
  dryRun: boolean;
  companyId: string;
  removedMapping: CompanyMapping;
  unlinkedComputers: number;
}

export interface LicenceTypeMapping {
  licenseType: string;
  activatedLicenses: number;
  mapping: { assetTypeId: number; assetTypeName: string } | null;
}

export interface Computer {
  hid: string;
  hostName: string;
  companyId: string;
  companyName: string;
  licenseType: string | null;
  state: 'linked' | 'unlinked' | 'excluded';
  haloAssetId: number | null;
  suggestions?: { assetId: number; reason: string; customerMismatch?: true }[];
}

export interface ComputerPage {
  total: number;
  page: number;
  pageSize: number;
  items: Computer[];
}

export interface ExportPreview {
  dryRun: true;
  plan: {
    create: { hid: string; asset: { customerId: number; siteId: number; assetTypeId: number; hostName: string } }[];
    skipped: { hid: string; reason: string }[];
    missingAssetType: { hid: string; hostName: string; licenseType: string | null }[];
  };
}

export interface ExportDone {
  dryRun: false;
  finished: boolean;
  run: { exportRunId: string; state: string; counts: Record<string, number> };
}

export interface SyncSettings {
  intervalMinutes: number;
  watchIntervalSeconds: number;
  paused: boolean;
  schedule: 'present' | 'absent';
}

export interface SyncRun {
  runId: string;
  trigger: string;
  state: string;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number> | null;
  error: string | null;
}

export interface RemovalPreview {
  dryRun: true;
  willRemove: string[];
  willStay: string[];
}

export interface ManualAction {
  id: string;
  step: string;
  what: string;
  where: string;
  why: string;
  state: 'open' | 'retrying' | 'done-by-retry' | 'resolved-by-hand';
  attempts?: number;
  lastTriedAt?: string;
}

export interface Removal {
  removalId: string;
  state: 'removing' | 'removed';
  steps: { step: string; outcome: string; detail: string | null }[];
  manualActions: ManualAction[];
  waitingUntil: string | null;
  assetsRemaining: number | null;
}

export interface SyncRunItem {
  hid: string;
  hostName: string | null;
  companyName: string | null;
  action: string;
  outcome: string;
  changedFields?: string[];
  reason: string | null;
}

export interface SyncRunDetail extends SyncRun {
  items: { total: number; items: SyncRunItem[] };
  /** The sync workflow's progress while the run is queued or running. */
  progress: { running: { runId: string; planned: number; processed: number } | null } | null;
}

export interface SyncNowAnswer {
  workflowId: string;
  /** Null when no worker answered in time: the run is queued all the same. */
  runId: string | null;
  follow: string;
}

/** A page of a HaloPSA look-up (`/api/v1/halopsa/lookups/…`). */
export interface LookupPage<T> {
  total: number;
  items: T[];
}

export interface CustomerLookup {
  id: number;
  name: string;
  /** Where this customer's sites are listed. */
  sites: string;
}

export interface SiteLookup {
  id: number;
  name: string;
  main: boolean;
}

export interface AssetTypeLookup {
  id: number;
  name: string;
  assetGroup: { id: number; name: string | null } | null;
}
