import { carriesCustomFields, HaloAsset } from '../halo/halo-entities';
import { ComputerLinkState } from './plan/sync-plan-types';

export interface DeepCheckFindings {
  /** Linked or retired computers whose asset no longer exists in HaloPSA. */
  deleted: string[];
  /** Linked computers whose asset a person changed since the service last wrote it. */
  edited: string[];
}

/** Pure: compares HaloPSA's assets with what the service last wrote. */
export function deepCheck(links: readonly ComputerLinkState[], assets: readonly HaloAsset[]): DeepCheckFindings {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const findings: DeepCheckFindings = { deleted: [], edited: [] };
  for (const link of links) {
    if ((link.state !== 'linked' && link.state !== 'retired') || link.haloAssetId === null) continue;
    const asset = byId.get(link.haloAssetId);
    if (!asset) {
      findings.deleted.push(link.hid);
      continue;
    }
    const written = link.lastWritten;
    if (!written || link.state !== 'linked') continue;
    const customFieldEdited = carriesCustomFields(asset) && customFieldsDiffer(asset, written.customFields);
    if (asset.client_id !== written.customerId || asset.site_id !== written.siteId || Boolean(asset.inactive) !== written.inactive || customFieldEdited) {
      findings.edited.push(link.hid);
    }
  }
  return findings;
}

/** Only what the list shows is compared: where HaloPSA lists assets without custom fields, their values are not. */
function customFieldsDiffer(asset: HaloAsset, written: Record<number, string>): boolean {
  const values = new Map((asset.customfields ?? []).map((f) => [Number(f.id), String(f.value ?? '')]));
  return Object.entries(written).some(([id, value]) => (values.get(Number(id)) ?? '') !== value);
}
