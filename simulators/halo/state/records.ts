/**
 * Stored shapes of the Halo records the simulator keeps. Field names follow Halo's OpenAPI
 * document (`Area` = client, `Site`, `Device` = asset, `Xtype` = asset type, `Generic` = asset
 * group, `FieldInfo`, `CustomButton`, `Faults` = ticket). Names derived from other records
 * (`client_name`, `site_name`, ...) are computed when a record is presented, never stored.
 */

/** Halo table ids, used as `usage` / `typeid`. */
export const USAGE = { ticket: 1, client: 2, site: 3, user: 4, asset: 5, contract: 6 } as const;

export type Scalar = string | number | boolean;

/** A value of a custom field (`FieldInfo`) on a record. */
export interface CustomFieldValue {
  id: number;
  value: Scalar;
}

/** A value of an asset-type field (Halo's `Field` entity) on an asset. */
export interface AssetFieldValue {
  id: number;
  value: Scalar;
}

export interface ClientRecord {
  id: number;
  name: string;
  inactive: boolean;
  toplevel_id: number;
  main_site_id: number;
  customfields: CustomFieldValue[];
}

export interface SiteRecord {
  id: number;
  name: string;
  client_id: number;
  inactive: boolean;
}

export interface AssetRecord {
  id: number;
  inventory_number: string;
  key_field: string;
  key_field2: string;
  key_field3: string;
  site_id: number;
  assettype_id: number;
  status_id: number;
  inactive: boolean;
  notes: string;
  contract_id: number;
  fields: AssetFieldValue[];
  customfields: CustomFieldValue[];
  last_modified: string;
}

export interface AssetGroupRecord {
  id: number;
  name: string;
}

export interface AssetTypeRecord {
  id: number;
  name: string;
  assetgroup_id: number;
  keyfield_id: number;
  inactive: boolean;
  item_code: string;
  monthlycost: number;
  linkedcontracttype: number;
}

/** An asset-type field definition (the "Field list" of an asset type); not exposed as a route. */
export interface AssetFieldDefinition {
  id: number;
  name: string;
}

export interface FieldInfoRecord {
  id: number;
  /** Stored with Halo's `CF` prefix. */
  name: string;
  label: string;
  type: number;
  usage: number;
  searchable: boolean;
}

export interface CustomButtonRecord {
  id: number;
  usage: number;
  name: string;
  label: string;
  seq: number;
  icon: string;
  url: string;
  newtab: boolean;
  msid: number;
}

export interface TicketRecord {
  id: number;
  summary: string;
  details: string;
  client_id: number;
  site_id: number;
  tickettype_id: number;
  asset_ids: number[];
  dateoccurred: string;
}
