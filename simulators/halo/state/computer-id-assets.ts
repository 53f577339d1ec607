import type { HaloState } from './halo-state';
import { FieldInfoRecord } from './records';

/** The asset custom field the service writes each computer's Console id into (its setup creates it). */
export function computerIdField(state: HaloState): FieldInfoRecord | undefined {
  return state.fieldInfos.all().find((field) => field.name.toLowerCase() === 'cfconsolecomputerid');
}

/**
 * Asset ids (any state) by the computer id in that field, lower-cased: what tests and the
 * benchmark read to see which computers have an asset, and which have several. Empty before setup.
 */
export function assetIdsByComputerId(state: HaloState): Map<string, number[]> {
  const field = computerIdField(state);
  const byHid = new Map<string, number[]>();
  if (!field) return byHid;
  for (const asset of state.assets.all()) {
    const value = asset.customfields?.find((f) => f.id === field.id)?.value;
    if (value === undefined || value === null || String(value) === '') continue;
    const hid = String(value).toLowerCase();
    byHid.set(hid, [...(byHid.get(hid) ?? []), asset.id]);
  }
  return byHid;
}

/** Computer ids held by more than one asset (any state). */
export function computerIdsWithSeveralAssets(state: HaloState): string[] {
  return [...assetIdsByComputerId(state)].filter(([, ids]) => ids.length > 1).map(([hid]) => hid);
}

/** How many assets hold a computer id: the assets the service linked or created. */
export function assetsHoldingComputerId(state: HaloState): number {
  return [...assetIdsByComputerId(state).values()].reduce((sum, ids) => sum + ids.length, 0);
}
