import { HaloAsset, HaloAssetType, HaloFieldValueWrite } from '../halo/halo-entities';
import { inventoryFieldValues } from '../inventory/inventory-field-values';
import { InventoryComputer } from '../inventory/inventory-types';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { PlannedAsset } from '../persistence/entities/export-item.entity';
import { CatalogueEntry } from './computers/computer-catalogue';

/**
 * The custom fields this service manages on an asset: the computer id and the Console data.
 * Halo replaces a record's custom-field set on every write, so all of them go together.
 */
export function managedCustomFields(integration: IntegrationEntity, computer: InventoryComputer): { id: number; value: string }[] {
  if (!integration.computerIdFieldId) throw new Error('Setup has not created the computer-id custom field yet');
  const values = inventoryFieldValues(computer) as Record<string, string>;
  const inventory = Object.entries(integration.inventoryFieldIds ?? {}).map(([key, id]) => ({ id, value: values[key] ?? '' }));
  return [{ id: integration.computerIdFieldId, value: computer.hid }, ...inventory];
}

/** The asset an export creates for one computer: under the company's customer and default site. */
export function plannedAsset(integration: IntegrationEntity, entry: CatalogueEntry, assetType: HaloAssetType): PlannedAsset {
  return {
    companyId: entry.companyId,
    customerId: entry.mapping.haloClientId,
    siteId: entry.mapping.haloSiteId,
    assetTypeId: assetType.id,
    hostName: entry.computer.hostName,
    fields: assetType.keyfield_id ? [{ id: assetType.keyfield_id, value: entry.computer.hostName }] : [],
    customfields: managedCustomFields(integration, entry.computer),
  };
}

/** Halo may replace a record's whole list on a write: keep the asset's other values, set ours. */
export function keepOtherValues<T extends HaloFieldValueWrite>(existing: HaloAsset['customfields'], ours: T[]): (T | { id: number; value: string })[] {
  const managed = new Set(ours.map((f) => f.id));
  const others = (existing ?? []).filter((f) => !managed.has(f.id)).map((f) => ({ id: f.id, value: String(f.value ?? '') }));
  return [...others, ...ours];
}
