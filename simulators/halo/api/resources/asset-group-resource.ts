import { haloError } from '../../http-error';
import { HaloState } from '../../state/halo-state';
import { AssetGroupRecord } from '../../state/records';
import { HaloResource } from '../halo-resource';

/** `/api/AssetGroup` (Halo's `Generic`): a bare array. A group that asset types still belong to cannot be deleted. */
export function createAssetGroupResource(state: HaloState): HaloResource<AssetGroupRecord> {
  return {
    entity: 'AssetGroup',
    table: state.assetGroups,
    present: (record) => ({ ...record }),
    build: (input, existing) => ({ name: input.requiredString('name', existing?.name) }),
    remove: (record) => {
      if (state.assetTypes.all().some((type) => type.assetgroup_id === record.id)) {
        throw haloError(400, `Asset group "${record.name}" is in use by asset types and cannot be deleted`);
      }
      state.assetGroups.delete(record.id);
    },
  };
}
