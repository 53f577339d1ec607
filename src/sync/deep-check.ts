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

/** Where the paged deep check reads the links (`ComputerLinks` is one). */
export interface DeepCheckLinks {
  findByAssets(haloAssetIds: readonly number[]): Promise<ComputerLinkState[]>;
  pages(): AsyncIterable<ComputerLinkState[]>;
}

/**
 * `deepCheck` with memory bounded by a page: each page of HaloPSA's assets is compared with the
 * links to those assets, and then the links are read a page at a time to find assets the listing
 * did not have. Only the ids of the assets seen are held.
 */
export async function deepCheckByPage(assetPages: AsyncIterable<readonly HaloAsset[]>, links: DeepCheckLinks): Promise<DeepCheckFindings> {
  const findings: DeepCheckFindings = { deleted: [], edited: [] };
  const seen = new Set<number>();
  for await (const assets of assetPages) {
    for (const asset of assets) seen.add(asset.id);
    if (assets.length > 0) findings.edited.push(...deepCheck(await links.findByAssets(assets.map((a) => a.id)), assets).edited);
  }
  for await (const page of links.pages()) {
    findings.deleted.push(...deepCheck(page.filter((link) => link.haloAssetId !== null && !seen.has(link.haloAssetId)), []).deleted);
  }
  // An asset shifted across a page boundary while listing comes twice.
  return { deleted: findings.deleted, edited: [...new Set(findings.edited)] };
}
