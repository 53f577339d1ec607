import { customFieldIds } from './asset-changes';
import type { DesiredAsset, PlannedAssetWrite, WrittenAsset } from './sync-plan-types';

/**
 * The Halo records a plan POSTs, and what the service will have written once they are saved.
 * Custom fields always go as the complete managed set (Halo replaces the set on every write),
 * ascending by id; the key field (the asset's name) goes only when it is to be set.
 */

/** A new asset: no id, the default asset type, the host name in the key field when known. */
export function createWrite(desired: DesiredAsset, assetTypeId: number): PlannedAssetWrite {
  return {
    client_id: desired.customerId,
    site_id: desired.siteId,
    assettype_id: assetTypeId,
    inactive: false,
    ...keyField(desired),
    customfields: customFieldList(desired.customFields),
  };
}

/**
 * An existing asset brought to what the Console says (update, move, reactivate): its id, the
 * mapping's customer and site, active, every managed custom field. The asset type is not sent
 * (an existing asset keeps its own); the key field only when the host name is to be written.
 */
export function fullWrite(assetId: number, desired: DesiredAsset, writeHostName: boolean): PlannedAssetWrite {
  return {
    id: assetId,
    client_id: desired.customerId,
    site_id: desired.siteId,
    inactive: false,
    ...(writeHostName ? keyField(desired) : {}),
    customfields: customFieldList(desired.customFields),
  };
}

/**
 * A retirement: the asset as last written, made inactive (never deleted). Nothing known about the
 * last write (linked by a person, or changed in Halo since): only made inactive, the rest kept.
 */
export function retireWrite(assetId: number, written: WrittenAsset | null): PlannedAssetWrite {
  if (written === null) return { id: assetId, inactive: true };
  return {
    id: assetId,
    client_id: written.customerId,
    site_id: written.siteId,
    inactive: true,
    customfields: customFieldList(written.customFields),
  };
}

/** What is kept as written after a create, update, move or reactivate. */
export function writtenFrom(desired: DesiredAsset): WrittenAsset {
  return {
    customerId: desired.customerId,
    siteId: desired.siteId,
    hostName: desired.hostName,
    customFields: recordOf(desired.customFields),
    inactive: false,
  };
}

/** What is kept as written after a retirement (still unknown when it was unknown). */
export function retiredFrom(written: WrittenAsset | null): WrittenAsset | null {
  if (written === null) return null;
  return { ...written, customFields: recordOf(written.customFields), inactive: true };
}

function keyField(desired: DesiredAsset): Pick<PlannedAssetWrite, 'fields'> {
  return desired.keyFieldId === null ? {} : { fields: [{ id: desired.keyFieldId, value: desired.hostName }] };
}

function customFieldList(fields: Record<number, string>): { id: number; value: string }[] {
  return customFieldIds(fields).map((id) => ({ id, value: fields[id] ?? '' }));
}

/** A copy holding only id keys, so what is kept is exactly what was sent. */
function recordOf(fields: Record<number, string>): Record<number, string> {
  return Object.fromEntries(customFieldIds(fields).map((id) => [id, fields[id] ?? '']));
}
