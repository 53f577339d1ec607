/**
 * The Halo records the integration reads, from Halo's OpenAPI schemas (`Uname`, `FieldInfo`,
 * `CustomButton`), limited to the fields it uses. Halo marks all but `id` nullable.
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
}

export interface NewHaloCustomButton {
  name: string;
  label: string;
  url: string;
  newtab: boolean;
}
