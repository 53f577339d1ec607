/**
 * The sync planner's vocabulary (journey step 6): what the Console says each computer's asset
 * should be, what the service last wrote to HaloPSA, and the plan that reconciles the two.
 * Types only; `planSync` and `applyPlan` are the functions that use them.
 */

/** What the Console says one computer's asset should be, when it takes part (agent + mapped company). */
export interface DesiredAsset {
  /** Lower-case Console computer id. */
  hid: string;
  companyId: string;
  /** Halo customer (client) of the company's mapping. */
  customerId: number;
  /** The mapping's default site. */
  siteId: number;
  /** Default asset type for its license type; null = none mapped (cannot be created). */
  assetTypeId: number | null;
  /** The asset type's key field (holds the host name) when known. */
  keyFieldId: number | null;
  hostName: string;
  /** Managed custom field id → value (the computer id field and the Console-data fields). */
  customFields: Record<number, string>;
  /** The company's own auto-export choice, when it has one: it overrides the integration's. */
  autoExport?: boolean;
}

/** What the service last wrote to Halo for a computer, as kept in PostgreSQL. */
export interface WrittenAsset {
  customerId: number;
  siteId: number;
  hostName: string;
  customFields: Record<number, string>;
  inactive: boolean;
}

export type LinkState = 'claimed' | 'linked' | 'excluded' | 'retired';

export interface ComputerLinkState {
  hid: string;
  state: LinkState;
  /** Set for linked and retired. */
  haloAssetId: number | null;
  /** null: linked by a person or exported before this was kept → write everything once. */
  lastWritten: WrittenAsset | null;
}

/** One Console computer as the run saw it. */
export interface ObservedComputer {
  hid: string;
  /** null: it no longer takes part (no Backup/RMM agent, or its company is not mapped / not visible). */
  desired: DesiredAsset | null;
  /** Why desired is null, for the run's per-computer record. */
  notTakingPart?: 'no-agent' | 'company-unmapped';
}

export interface PlanInput {
  /** Computers the Console listed (in scope). */
  observed: ObservedComputer[];
  /** Every link row of the integration. */
  links: ComputerLinkState[];
  autoExport: boolean;
  /** Partial (event) sync: only these hids are planned; a scoped hid missing from `observed` is gone from the Console. Absent = full run. */
  scope?: ReadonlySet<string>;
}

export type PlanAction = 'create' | 'update' | 'move' | 'retire' | 'reactivate' | 'unlink';

/**
 * One element of the Halo `POST /Asset` a plan item makes: without `id` (and with `assettype_id`)
 * for a create, with `id` for everything else. `fields` and `customfields`, when sent, replace the
 * asset's whole list in Halo; what is not sent, Halo keeps.
 *
 * `client_id`, `site_id` and `customfields` are always sent, except by the one write that cannot
 * know them: retiring an asset whose last write is unknown sends `{ id, inactive: true }` only.
 */
export interface PlannedAssetWrite {
  id?: number;
  client_id?: number;
  site_id?: number;
  assettype_id?: number;
  inactive: boolean;
  /** Asset-type fields: only the key field, holding the host name (on create, and when the name changed). */
  fields?: { id: number; value: string }[];
  /** Every managed custom field, ascending by id. */
  customfields?: { id: number; value: string }[];
}

export interface PlanItem {
  hid: string;
  action: PlanAction;
  /** null only for create. */
  haloAssetId: number | null;
  /** The complete record to POST (Halo replaces custom fields as a set: send them all). Absent for unlink. */
  write?: PlannedAssetWrite;
  /** What changed, by name: 'customer', 'site', 'hostName', 'inactive', 'customField:<id>'. */
  changes: string[];
  /** What the service will have written once this item is applied (null for unlink, and for a retirement whose last write was unknown). */
  nextWritten: WrittenAsset | null;
}

export type LeftAloneReason = 'unchanged' | 'excluded' | 'auto-export-off' | 'no-asset-type' | 'not-taking-part';

export interface LeftAlone {
  hid: string;
  reason: LeftAloneReason;
}

export interface SyncPlan {
  items: PlanItem[];
  leftAlone: LeftAlone[];
}
