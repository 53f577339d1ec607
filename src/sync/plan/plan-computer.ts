import { assetChanges, withInactive } from './asset-changes';
import { createWrite, fullWrite, retiredFrom, retireWrite, writtenFrom } from './asset-writes';
import type { ComputerLinkState, DesiredAsset, LeftAlone, LeftAloneReason, ObservedComputer, PlanItem, WrittenAsset } from './sync-plan-types';

/** The planner's decision for one computer: an item, a reason to leave it alone, or nothing to report. */
export type ComputerDecision = { item: PlanItem } | { leftAlone: LeftAlone } | null;

/**
 * A link as the planner trusts it: `linked` and `retired` need the asset id; one without it
 * (which the link rows should never hold) is treated as `claimed`, i.e. an asset that may or may
 * not exist, which only a create (that looks it up first) resolves.
 */
type KnownLink =
  | { state: 'linked'; assetId: number; lastWritten: WrittenAsset | null }
  | { state: 'retired'; assetId: number; lastWritten: WrittenAsset | null }
  | { state: 'claimed' }
  | { state: 'excluded' };

/**
 * Decides one computer (rules of `planSync`).
 *
 * @param observed the Console's view; undefined when the Console no longer lists it.
 * @param link its link row; undefined when there is none.
 */
export function planComputer(
  hid: string,
  observed: ObservedComputer | undefined,
  link: ComputerLinkState | undefined,
  autoExport: boolean,
): ComputerDecision {
  const known = link === undefined ? undefined : knownLink(link);
  if (observed?.desired) return planTakingPart(hid, observed.desired, known, autoExport);
  if (observed) return planNotTakingPart(hid, observed, known);
  return planGone(hid, known);
}

/** Observed and taking part: create, update, move, reactivate, or leave alone. */
function planTakingPart(hid: string, desired: DesiredAsset, link: KnownLink | undefined, autoExport: boolean): ComputerDecision {
  if (link === undefined || link.state === 'claimed') {
    if (!(desired.autoExport ?? autoExport)) return leave(hid, 'auto-export-off');
    if (desired.assetTypeId === null) return leave(hid, 'no-asset-type');
    const changes = assetChanges(null, desired);
    return item({ hid, action: 'create', haloAssetId: null, write: createWrite(desired, desired.assetTypeId), changes, nextWritten: writtenFrom(desired) });
  }
  if (link.state === 'excluded') return leave(hid, 'excluded');
  if (link.state === 'retired') {
    const changes = withInactive(assetChanges(link.lastWritten, desired));
    return item(bringUpToDate(hid, 'reactivate', link.assetId, desired, changes));
  }
  const changes = assetChanges(link.lastWritten, desired);
  if (changes.length === 0) return leave(hid, 'unchanged');
  const moved = changes.includes('customer') || changes.includes('site');
  // Nothing known about what was written: not a move, but a first full write.
  const action = moved && link.lastWritten !== null ? 'move' : 'update';
  return item(bringUpToDate(hid, action, link.assetId, desired, changes));
}

/** Observed but no longer taking part: a linked asset is unlinked (company unmapped) or retired (no agent). */
function planNotTakingPart(hid: string, observed: ObservedComputer, link: KnownLink | undefined): ComputerDecision {
  if (link?.state !== 'linked') return leave(hid, 'not-taking-part');
  if (observed.notTakingPart === 'company-unmapped') {
    return item({ hid, action: 'unlink', haloAssetId: link.assetId, changes: [], nextWritten: null });
  }
  return retire(hid, link.assetId, link.lastWritten);
}

/** No longer listed by the Console: a linked asset is retired; a pending claim is reported. */
function planGone(hid: string, link: KnownLink | undefined): ComputerDecision {
  if (link?.state === 'linked') return retire(hid, link.assetId, link.lastWritten);
  if (link?.state === 'claimed') return leave(hid, 'not-taking-part');
  return null;
}

/** Retire = set inactive, never delete (Halo forbids deleting assets once invoices count them). */
function retire(hid: string, assetId: number, lastWritten: WrittenAsset | null): ComputerDecision {
  return item({
    hid,
    action: 'retire',
    haloAssetId: assetId,
    write: retireWrite(assetId, lastWritten),
    changes: ['inactive'],
    nextWritten: retiredFrom(lastWritten),
  });
}

function bringUpToDate(hid: string, action: 'update' | 'move' | 'reactivate', assetId: number, desired: DesiredAsset, changes: string[]): PlanItem {
  return { hid, action, haloAssetId: assetId, write: fullWrite(assetId, desired, changes.includes('hostName')), changes, nextWritten: writtenFrom(desired) };
}

function knownLink(link: ComputerLinkState): KnownLink {
  if ((link.state === 'linked' || link.state === 'retired') && link.haloAssetId !== null) {
    return { state: link.state, assetId: link.haloAssetId, lastWritten: link.lastWritten };
  }
  return link.state === 'excluded' ? { state: 'excluded' } : { state: 'claimed' };
}

function item(planned: PlanItem): ComputerDecision {
  return { item: planned };
}

function leave(hid: string, reason: LeftAloneReason): ComputerDecision {
  return { leftAlone: { hid, reason } };
}
