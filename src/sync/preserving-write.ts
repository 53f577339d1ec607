import { HaloAsset, HaloAssetWrite } from '../halo/halo-entities';
import { keepOtherValues } from '../mappings/asset-record';

/** The host name to write into the key field of the asset's own type (null: the type has none). */
export interface KeyFieldValue {
  keyFieldId: number | null;
  hostName: string;
}

/**
 * Whether an update must be built on the asset as it stands: HaloPSA may replace an asset's whole
 * `customfields` or `fields` list with the one posted, so a list we send must carry everyone's values.
 */
export function needsCurrentAsset(write: HaloAssetWrite, keyField: boolean): boolean {
  return write.id !== undefined && (write.customfields !== undefined || write.fields !== undefined || keyField);
}

/** The update with our values set and every other value the asset holds sent back unchanged. */
export function preservingWrite(write: HaloAssetWrite, asset: HaloAsset, keyField: KeyFieldValue | undefined): HaloAssetWrite {
  const next: HaloAssetWrite = { ...write };
  if (keyField) {
    if (keyField.keyFieldId === null) delete next.fields;
    else next.fields = [{ id: keyField.keyFieldId, value: keyField.hostName }];
  }
  if (next.fields) next.fields = keepOtherValues(asset.fields, next.fields);
  if (next.customfields) next.customfields = keepOtherValues(asset.customfields, next.customfields);
  return next;
}
