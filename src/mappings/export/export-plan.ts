import { HaloAssetType } from '../../halo/halo-entities';
import { IntegrationEntity } from '../../persistence/entities/integration.entity';
import { PlannedAsset } from '../../persistence/entities/export-item.entity';
import { plannedAsset } from '../asset-record';
import { CatalogueEntry, stateOf } from '../computers/computer-catalogue';
import { MissingAssetType, missingAssetType } from './missing-asset-type';
import { normaliseComputerId } from '../../console/computer-id';

export interface ExportRequest {
  /** Computers to export; all unlinked ones when absent. */
  hids?: string[];
  /** Asset type for all of them; else each computer's license-type default. */
  assetTypeId?: number;
}

export interface ExportPlan {
  create: { hid: string; asset: PlannedAsset }[];
  skipped: { hid: string; reason: string }[];
  /** Computers with neither a default asset type nor one in the request: left out, each with its fix. */
  missingAssetType: MissingAssetType[];
}

/** Pure: what an export would create, and why each other computer is left out. */
export function planExport(
  integration: IntegrationEntity,
  entries: readonly CatalogueEntry[],
  request: ExportRequest,
  assetTypes: readonly HaloAssetType[],
  defaultTypeByLicense: ReadonlyMap<string, number>,
): ExportPlan {
  const byHid = new Map(entries.map((e) => [e.computer.hid, e]));
  const typesById = new Map(assetTypes.map((t) => [t.id, t]));
  const wanted = request.hids ? [...new Set(request.hids.map(normaliseComputerId))] : entries.map((e) => e.computer.hid);
  const plan: ExportPlan = { create: [], skipped: [], missingAssetType: [] };
  for (const hid of wanted) {
    const entry = byHid.get(hid);
    if (!entry) {
      plan.skipped.push({ hid, reason: 'not a computer with a Backup or RMM agent in a mapped company you may see' });
      continue;
    }
    const state = stateOf(entry);
    if (state !== 'unlinked') {
      if (request.hids) plan.skipped.push({ hid, reason: state === 'linked' ? `already linked to asset ${entry.link?.haloAssetId}` : 'excluded' });
      continue;
    }
    const typeId = request.assetTypeId ?? (entry.computer.licenseType ? defaultTypeByLicense.get(entry.computer.licenseType) : undefined);
    const assetType = typeId === undefined ? undefined : typesById.get(typeId);
    if (!assetType) {
      plan.missingAssetType.push(missingAssetType(hid, entry.computer.hostName, entry.computer.licenseType ?? null));
      continue;
    }
    plan.create.push({ hid, asset: plannedAsset(integration, entry, assetType) });
  }
  return plan;
}
