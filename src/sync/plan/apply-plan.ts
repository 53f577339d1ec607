import { normaliseComputerId } from '../../console/computer-id';
import { indexLinks } from './plan-input-index';
import type { ComputerLinkState, PlanItem, SyncPlan } from './sync-plan-types';

/**
 * The link states once every item of `plan` has been applied successfully (the applier's
 * bookkeeping, and what re-planning starts from):
 *
 * - create → `linked` to the asset `createdIds(hid)` returns, with the item's `nextWritten`;
 * - update, move, reactivate → `linked` to the same asset, with `nextWritten`;
 * - retire → `retired`, with `nextWritten` (the last write, inactive);
 * - unlink → the link is removed.
 *
 * Links the plan does not name are kept as they are. Pure: `links` is not changed; the result is
 * one link per computer (ids normalised, as `planSync` reports them), ordered by id.
 */
export function applyPlan(links: ComputerLinkState[], plan: SyncPlan, createdIds: (hid: string) => number): ComputerLinkState[] {
  const next = new Map<string, ComputerLinkState>([...indexLinks(links)].map(([hid, link]) => [hid, { ...link, hid }]));
  for (const item of plan.items) {
    const hid = normaliseComputerId(item.hid);
    if (hid === '') continue;
    const link = linkAfterItem(hid, item, next.get(hid), () => createdIds(hid));
    if (link === null) next.delete(hid);
    else next.set(hid, link);
  }
  return [...next.values()].sort((a, b) => (a.hid < b.hid ? -1 : a.hid > b.hid ? 1 : 0));
}

/** One computer's link once `item` was written (`createdId`: the asset a create made); null: no link any more. */
export function linkAfterItem(hid: string, item: PlanItem, current: ComputerLinkState | undefined, createdId: () => number): ComputerLinkState | null {
  switch (item.action) {
    case 'create':
      return { hid, state: 'linked', haloAssetId: createdId(), lastWritten: item.nextWritten };
    case 'update':
    case 'move':
    case 'reactivate':
      return { hid, state: 'linked', haloAssetId: item.haloAssetId ?? current?.haloAssetId ?? null, lastWritten: item.nextWritten };
    case 'retire':
      return { hid, state: 'retired', haloAssetId: item.haloAssetId ?? current?.haloAssetId ?? null, lastWritten: item.nextWritten };
    case 'unlink':
      return null;
  }
}
