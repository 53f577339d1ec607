import { pollUntil } from './bench-http';
import type { PhaseContext } from './sync-phases';

interface BudgetView {
  requestsPerWindow: number;
  windowSeconds: number;
  usedInWindow: number;
}

/** HaloPSA requests one rename may cost at most: the read before its update and the update. */
const REQUESTS_PER_RENAME = 2;
/** A token request and the asset types, when an event run needs them. */
const REQUESTS_PER_PHASE = 3;

/**
 * Waits until the product's HaloPSA budget (GET /api/v1/halopsa/request-budget) has room for a
 * rename phase, as when changes arrive minutes after a large re-sync rather than seconds after:
 * the earlier phases' requests age out of the window, none is forgotten. Returns the wait in
 * seconds (0: there was room).
 */
export async function waitForBudgetRoom(ctx: PhaseContext, renames: number): Promise<{ waitedSeconds: number; usedAtStart: number; needed: number; requestsPerWindow: number }> {
  const needed = renames * REQUESTS_PER_RENAME + REQUESTS_PER_PHASE;
  const read = () => ctx.tenant.api.ok<BudgetView>('GET', '/api/v1/halopsa/request-budget');
  const started = Date.now();
  const first = await read();
  ctx.log(`HaloPSA budget: ${first.usedInWindow} of ${first.requestsPerWindow} used; the phase needs up to ${needed}`);
  const room = await pollUntil(
    async () => {
      const budget = await read();
      return budget.usedInWindow + needed <= budget.requestsPerWindow ? budget : undefined;
    },
    (first.windowSeconds + 10) * 1_000,
    2_000,
  );
  return { waitedSeconds: Math.round((Date.now() - started) / 1_000), usedAtStart: (room ?? first).usedInWindow, needed, requestsPerWindow: first.requestsPerWindow };
}

/**
 * The least time R requests can take within a budget of B per W seconds (a rolling window): the
 * first B at once, each further B one window later, so ⌊(R − 1) / B⌋ windows.
 */
export function budgetFloorSeconds(requests: number, budget: { requestsPerWindow: number; windowSeconds: number }): number {
  return requests <= 0 ? 0 : Math.floor((requests - 1) / budget.requestsPerWindow) * budget.windowSeconds;
}
