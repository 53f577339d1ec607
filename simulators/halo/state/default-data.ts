import { AgentRecord } from './agent';
import { AssetFieldDefinition, AssetGroupRecord, AssetTypeRecord } from './records';

/**
 * What a fresh Halo tenant holds for this integration: a few asset groups and types, the fields
 * asset types use, and one administrator API agent. No custom fields or buttons.
 */
export const DEFAULT_ASSET_GROUPS: readonly Omit<AssetGroupRecord, 'id'>[] = [
  { name: 'Hardware' },
  { name: 'Virtual Infrastructure' },
  { name: 'Network' },
];

/** `assetgroup` is a position in DEFAULT_ASSET_GROUPS. */
export const DEFAULT_ASSET_TYPES: readonly { name: string; assetgroup: number; item_code: string }[] = [
  { name: 'Workstation', assetgroup: 0, item_code: 'HW-WS' },
  { name: 'Laptop', assetgroup: 0, item_code: 'HW-LT' },
  { name: 'Server', assetgroup: 0, item_code: 'HW-SRV' },
  { name: 'Virtual Machine', assetgroup: 1, item_code: 'VM' },
  { name: 'Firewall', assetgroup: 2, item_code: 'NET-FW' },
];

/** Asset-type fields (Halo's `Field` entity); the first is every default type's key field. */
export const ASSET_FIELD_DEFINITIONS: readonly AssetFieldDefinition[] = [
  { id: 1, name: 'Device Name' },
  { id: 2, name: 'Serial Number' },
  { id: 3, name: 'Operating System' },
  { id: 4, name: 'Manufacturer' },
  { id: 5, name: 'Model' },
  { id: 6, name: 'IP Address' },
];

export function defaultAssetType(name: string, assetgroup_id: number, item_code: string): Omit<AssetTypeRecord, 'id'> {
  return { name, assetgroup_id, keyfield_id: ASSET_FIELD_DEFINITIONS[0].id, inactive: false, item_code, monthlycost: 0, linkedcontracttype: 0 };
}

export function defaultAgent(): AgentRecord {
  return {
    id: 2,
    name: 'API Agent',
    email: 'api.agent@halo.example',
    is_admin: true,
    isapiagent: true,
    isdisabled: false,
    roles: [{ id: 'c0ffee00-0000-4000-8000-000000000001', name: 'Administrators' }],
    access: { customers: 'modify', assets: 'modify', tickets: 'modify' },
    assettypes: null,
  };
}
