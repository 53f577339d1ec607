import { normaliseComputerId } from '../../console/computer-id';
import type { ComputerLinkState, LinkState, ObservedComputer } from './sync-plan-types';

/**
 * The planner's inputs keyed by computer id, so that each computer is decided exactly once.
 *
 * - Ids are compared as `normaliseComputerId` gives them (trimmed, no braces, lower case): a link
 *   stored as `ABC` and a computer observed as `abc` are the same computer, never a second create.
 *   An id that normalises to '' identifies nothing and is ignored.
 * - The same id listed twice (which the Console and the unique link row should prevent) keeps one
 *   entry chosen by content, never by position, so the plan does not depend on input order: an
 *   observation that takes part wins; a link that knows its asset wins (linked, retired, then
 *   claimed, then excluded); then the greatest canonical JSON.
 */
export interface IndexedPlanInput {
  observed: Map<string, ObservedComputer>;
  links: Map<string, ComputerLinkState>;
  /** Normalised scope ids; undefined for a full run. */
  scope: Set<string> | undefined;
}

export function indexPlanInput(input: {
  observed: readonly ObservedComputer[];
  links: readonly ComputerLinkState[];
  scope?: ReadonlySet<string>;
}): IndexedPlanInput {
  return {
    observed: indexBy(input.observed, observationRank),
    links: indexLinks(input.links),
    scope: input.scope === undefined ? undefined : new Set([...input.scope].map(normaliseComputerId).filter((hid) => hid !== '')),
  };
}

/** Links by normalised id, one per computer (see `indexPlanInput`). */
export function indexLinks(links: readonly ComputerLinkState[]): Map<string, ComputerLinkState> {
  return indexBy(links, linkRank);
}

const LINK_RANK: Record<LinkState, number> = { linked: 3, retired: 2, claimed: 1, excluded: 0 };

function linkRank(link: ComputerLinkState): number {
  return (LINK_RANK[link.state] ?? -1) * 2 + (link.haloAssetId === null ? 0 : 1);
}

function observationRank(observed: ObservedComputer): number {
  return observed.desired ? 1 : 0;
}

function indexBy<T extends { hid: string }>(entries: readonly T[], rank: (entry: T) => number): Map<string, T> {
  const chosen = new Map<string, T>();
  for (const entry of entries) {
    const hid = normaliseComputerId(entry.hid);
    if (hid === '') continue;
    const current = chosen.get(hid);
    if (current === undefined || prefer(entry, current, rank)) chosen.set(hid, entry);
  }
  return chosen;
}

function prefer<T>(candidate: T, current: T, rank: (entry: T) => number): boolean {
  const byRank = rank(candidate) - rank(current);
  if (byRank !== 0) return byRank > 0;
  return canonicalJson(candidate) > canonicalJson(current);
}

/** JSON with object keys sorted at every level: equal content, equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
