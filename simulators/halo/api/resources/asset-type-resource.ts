import { haloError } from '../../http-error';
import { HaloState } from '../../state/halo-state';
import { AssetTypeRecord } from '../../state/records';
import { ElementReader } from '../element-reader';
import { HaloResource } from '../halo-resource';
import { integerParam } from '../list-query';
import { assetFieldName, assetGroupName } from './lookups';

/** `/api/AssetType` (Halo's `Xtype`): a bare array; every type belongs to an asset group. */
export function createAssetTypeResource(state: HaloState): HaloResource<AssetTypeRecord> {
  return {
    entity: 'AssetType',
    table: state.assetTypes,
    filter: (records, query) => {
      const groupId = integerParam(query, 'assetgroup_id');
      return groupId === undefined ? records : records.filter((type) => type.assetgroup_id === groupId);
    },
    present: (record) => ({
      ...record,
      assetgroup_name: assetGroupName(state, record.assetgroup_id),
      keyfield_name: assetFieldName(state, record.keyfield_id),
    }),
    build: (input, existing) => ({
      name: input.requiredString('name', existing?.name),
      assetgroup_id: readGroup(state, input, existing),
      keyfield_id: readKeyField(state, input, existing),
      inactive: input.boolean('inactive') ?? existing?.inactive ?? false,
      item_code: input.string('item_code') ?? existing?.item_code ?? '',
      monthlycost: input.number('monthlycost') ?? existing?.monthlycost ?? 0,
      linkedcontracttype: input.integer('linkedcontracttype') ?? existing?.linkedcontracttype ?? 0,
    }),
    remove: (record) => {
      if (state.assets.all().some((asset) => asset.assettype_id === record.id)) {
        throw haloError(400, `Asset type "${record.name}" is in use by assets and cannot be deleted`);
      }
      state.assetTypes.delete(record.id);
    },
  };
}

function readGroup(state: HaloState, input: ElementReader, existing: AssetTypeRecord | undefined): number {
  const groupId = input.requiredInteger('assetgroup_id', existing?.assetgroup_id);
  if (groupId !== undefined && !state.assetGroups.get(groupId)) input.fail('assetgroup_id', `Asset group ${groupId} does not exist.`);
  return groupId ?? 0;
}

function readKeyField(state: HaloState, input: ElementReader, existing: AssetTypeRecord | undefined): number {
  const fieldId = input.integer('keyfield_id') ?? existing?.keyfield_id ?? state.assetFields[0].id;
  if (!state.assetFields.some((field) => field.id === fieldId)) input.fail('keyfield_id', `Field ${fieldId} does not exist.`);
  return fieldId;
}
