import { HaloState } from '../../state/halo-state';
import { AssetGroupRecord } from '../../state/records';
import { HaloResource } from '../halo-resource';

/** `/api/AssetGroup` (Halo's `Generic`): a bare array; Halo offers no `GET /{id}` or DELETE for it. */
export function createAssetGroupResource(state: HaloState): HaloResource<AssetGroupRecord> {
  return {
    entity: 'AssetGroup',
    table: state.assetGroups,
    readById: false,
    present: (record) => ({ ...record }),
    build: (input, existing) => ({ name: input.requiredString('name', existing?.name) }),
  };
}
