import { normaliseComputerId } from '../console/computer-id';
import { normaliseName } from './normalise-name';

/**
 * Which existing HaloPSA assets a Console computer could be linked to (journey step 5), best first.
 *
 * 1. The computer-id custom field: an asset whose stored Console computer id equals the computer's
 *    HID is that computer, whatever customer it sits under. It is reported even under another
 *    customer, flagged `customerMismatch`, so the user sees it (and no duplicate gets exported
 *    beside it). When such an asset exists, host names are not looked at.
 * 2. Otherwise the host name, within the customer only: assets of `customerId` whose `key_field`
 *    (Halo's asset tag / name) or `inventory_number` equals the host name after `normaliseName`.
 *    An asset that already carries another computer's id is not proposed: it belongs to that one.
 *
 * Ties are ordered: computer-id matches of the same customer first, then by ascending asset id;
 * host-name matches by ascending asset id. Each asset appears at most once.
 */

export interface AssetLike {
  id: number;
  client_id: number;
  key_field?: string | null;
  inventory_number?: string | null;
  /** The value of the asset's Console computer-id custom field, when set. */
  computerIdValue?: string | null;
}

export type AssetMatchReason = 'computer-id' | 'host-name';

export interface AssetSuggestion {
  assetId: number;
  reason: AssetMatchReason;
  /** Only on computer-id matches: the asset is under another customer than the company's. */
  customerMismatch?: true;
}

export function suggestAssets(computer: { hid: string; hostName: string }, assets: readonly AssetLike[], customerId: number): AssetSuggestion[] {
  const hid = normaliseComputerId(computer.hid);
  const byId = new Map<number, AssetLike>();
  for (const asset of assets) if (!byId.has(asset.id)) byId.set(asset.id, asset);
  const unique = [...byId.values()];

  if (hid !== '') {
    const sameHid = unique
      .filter((asset) => normaliseComputerId(asset.computerIdValue) === hid)
      .sort((a, b) => Number(a.client_id !== customerId) - Number(b.client_id !== customerId) || a.id - b.id);
    if (sameHid.length > 0) {
      return sameHid.map((asset) =>
        asset.client_id === customerId ? { assetId: asset.id, reason: 'computer-id' } : { assetId: asset.id, reason: 'computer-id', customerMismatch: true },
      );
    }
  }

  const host = normaliseName(computer.hostName);
  if (host === '') return [];
  return unique
    .filter((asset) => asset.client_id === customerId)
    .filter((asset) => normaliseComputerId(asset.computerIdValue) === '')
    .filter((asset) => normaliseName(asset.key_field) === host || normaliseName(asset.inventory_number) === host)
    .sort((a, b) => a.id - b.id)
    .map((asset) => ({ assetId: asset.id, reason: 'host-name' }));
}
