import { indexPlanInput } from './plan-input-index';
import { planComputer } from './plan-computer';
import type { LeftAlone, PlanInput, PlanItem, SyncPlan } from './sync-plan-types';

export { applyPlan } from './apply-plan';

/**
 * Full reconciliation (journey step 6): what to do in HaloPSA for each computer, from what the
 * Console says now and what the service last wrote. Pure: no I/O, no clock; the same input in any
 * order gives the same plan.
 *
 * Observed and taking part (`desired` set):
 * - no link, or a `claimed` one (an earlier create's outcome is unknown: the applier looks the
 *   asset up first) → `create` when auto-export is on and the license type has an asset type;
 *   otherwise left alone ('auto-export-off', then 'no-asset-type');
 * - `excluded` → left alone ('excluded');
 * - `linked` → customer or site changed → `move`; host name, a custom field or the inactive flag
 *   changed, or nothing known about the last write → `update`; otherwise left alone ('unchanged');
 * - `retired` → `reactivate` (active again, everything written).
 *
 * Observed but not taking part (`desired` null), link `linked`: company unmapped → `unlink` (the
 * asset is left as it is); otherwise (no agent) → `retire`. Any other link, or none → left alone
 * ('not-taking-part').
 *
 * Gone from the Console (full run: a link whose computer is not observed; partial run: a scoped
 * computer not observed): `linked` → `retire`; `claimed` → left alone ('not-taking-part');
 * `retired`, `excluded` → nothing to report.
 *
 * Retiring sets the asset inactive, never deletes it, and only ever for a `linked` link: with the
 * last write's customer, site and custom fields, or, when the last write is unknown, with nothing
 * but `inactive`. A `linked` or `retired` link without an asset id is planned as `claimed` (no
 * write without an id). Ids are compared normalised (`normaliseComputerId`) and reported so.
 *
 * A partial run (`scope`) plans only its computers: observed computers and links outside it are
 * not looked at. Every computer appears at most once across `items` and `leftAlone`, each list
 * ordered by id.
 */
export function planSync(input: PlanInput): SyncPlan {
  const { observed, links, scope } = indexPlanInput(input);
  const hids = scope ?? new Set([...observed.keys(), ...links.keys()]);
  const items: PlanItem[] = [];
  const leftAlone: LeftAlone[] = [];
  for (const hid of [...hids].sort(compare)) {
    const decision = planComputer(hid, observed.get(hid), links.get(hid), input.autoExport);
    if (decision === null) continue;
    if ('item' in decision) items.push(decision.item);
    else leftAlone.push(decision.leftAlone);
  }
  return { items, leftAlone };
}

/** Code-unit order: the same everywhere (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
