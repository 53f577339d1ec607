/**
 * The Halo records the integration reads, from Halo's OpenAPI schemas (`Uname`, `FieldInfo`,
 * `CustomButton`, `Area`, `Site`, `Xtype`, `Generic`, `Device`), limited to the fields it uses.
 * Halo marks all but `id` nullable.
 */

/** Halo's table id for assets: `usage` of asset custom fields and buttons, `typeid` of their lists. */
export const HALO_ASSET_ENTITY = 5;

/** `GET /Agent/me`: the agent the token acts as. */
export interface HaloAgent {
  id: number;
  name?: string | null;
  is_admin?: boolean | null;
}

/** A custom field definition; Halo stores `name` with a `CF` prefix. */
export interface HaloFieldInfo {
  id: number;
  /** Always set: Halo refuses a field without one. */
  name: string;
  label?: string | null;
  /** Numeric type codes are undocumented (text is probably 0). */
  type?: number | null;
  usage?: number | null;
  /** Halo's `search=` looks into the field's values only when this is on. */
  searchable?: boolean | null;
}

export interface HaloCustomButton {
  id: number;
  usage?: number | null;
  /** Always set: Halo refuses a button without one. */
  name: string;
  label?: string | null;
  /** May carry `{$ID}`, the record's id. */
  url?: string | null;
  newtab?: boolean | null;
  msid?: number | null;
}

export interface NewHaloCustomField {
  name: string;
  label: string;
  type: number;
  searchable?: boolean;
}

export interface NewHaloCustomButton {
  name: string;
  label: string;
  url: string;
  newtab: boolean;
}

/** `/Client` (Halo's `Area`): a customer. */
export interface HaloCustomer {
  id: number;
  name: string;
  inactive?: boolean | null;
  main_site_id?: number | null;
  main_site_name?: string | null;
}

/** `/Site`: every customer has at least one, its main site. */
export interface HaloSite {
  id: number;
  name: string;
  client_id: number;
  client_name?: string | null;
  inactive?: boolean | null;
}

/** `/AssetType` (Halo's `Xtype`); every type belongs to an asset group. */
export interface HaloAssetType {
  id: number;
  name: string;
  assetgroup_id?: number | null;
  assetgroup_name?: string | null;
  /** The asset-type field (`/Field`) shown as the asset's `key_field`. */
  keyfield_id?: number | null;
  inactive?: boolean | null;
}

/** `/AssetGroup` (Halo's `Generic`). */
export interface HaloAssetGroup {
  id: number;
  name: string;
}

/**
 * A value on an asset: in `fields`, `id` is an asset-type field (`/Field`); in `customfields`, a
 * custom field (`/FieldInfo`). Halo does not type `value` (text, number, lookup): read it with
 * `customFieldValue`.
 */
export interface HaloFieldValue {
  id: number;
  name?: string | null;
  value?: unknown;
}

/**
 * `/Asset` (Halo's `Device`). List items carry `fields` only when asked for (`includeassetfields`)
 * and `customfields` only on some instances; `GET /Asset/{id}` carries both.
 */
export interface HaloAsset {
  id: number;
  /** The asset tag. */
  inventory_number?: string | null;
  /** Display value of the type's key field. */
  key_field?: string | null;
  client_id: number;
  client_name?: string | null;
  site_id: number;
  site_name?: string | null;
  assettype_id: number;
  assettype_name?: string | null;
  inactive?: boolean | null;
  fields?: HaloFieldValue[] | null;
  customfields?: HaloFieldValue[] | null;
}

/** Whether a listed asset came with its custom-field values (some HaloPSA instances list assets without them). */
export function carriesCustomFields(asset: Pick<HaloAsset, 'customfields'>): boolean {
  return Array.isArray(asset.customfields);
}

/**
 * The value of custom field `fieldId` (a `/FieldInfo` id) on an asset, as text: undefined when the
 * asset does not carry it (or the list did not include it), or when it is empty or not a scalar.
 */
export function customFieldValue(asset: Pick<HaloAsset, 'customfields'>, fieldId: number): string | undefined {
  const value = asset.customfields?.find((field) => Number(field.id) === fieldId)?.value;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A value written to an asset; an empty one clears the field. */
export interface HaloFieldValueWrite {
  id: number;
  value: string | number;
}

/**
 * One element of `POST /Asset`: created without `id`, updated with one. `client_id` may be left
 * out (Halo derives it from the site; one sent must agree). `fields` and `customfields`, when sent,
 * replace the asset's whole list: always send every field the integration manages.
 */
/** A create carries site and asset type; an update (with `id`) only what it changes. */
export interface HaloAssetWrite {
  id?: number;
  client_id?: number;
  site_id?: number;
  assettype_id?: number;
  inactive?: boolean;
  fields?: HaloFieldValueWrite[];
  customfields?: HaloFieldValueWrite[];
}

export interface NewHaloAssetType {
  name: string;
  assetgroup_id: number;
}

export interface NewHaloAssetGroup {
  name: string;
}
