import { SeededRandom } from '../../../simulators/shared/seeded-random';

/**
 * The bounded form runs in `npm test`'s faults tier, the short one in its strict tier (the same
 * scenarios again, against the strict simulators); `FAULT_SUITE=long` runs the longer form (more
 * computers, more kills). `FAULT_SEED` replays a run's fault points exactly (the summary lines print it).
 */
const SUITES = ['short', 'bounded', 'long'] as const;
export const FAULT_SUITE = SUITES.find((suite) => suite === process.env.FAULT_SUITE) ?? 'bounded';
export const FAULT_SEED = Number.parseInt(process.env.FAULT_SEED ?? '20261127', 10);

/** `settleMs`: how long a run may take to finish under its faults before the scenario fails. */
const SCALE = {
  short: { computers: 300, companies: 6, syncKills: 4, removalKills: 2, settleMs: 10 * 60_000 },
  bounded: { computers: 1_000, companies: 12, syncKills: 10, removalKills: 4, settleMs: 10 * 60_000 },
  long: { computers: 5_000, companies: 60, syncKills: 40, removalKills: 12, settleMs: 45 * 60_000 },
} as const;

export const FAULT_SCALE = SCALE[FAULT_SUITE];

/** The seeded generator of one scenario: scenarios draw from their own, so adding one moves no other's points. */
export function scenarioRandom(scenario: string): SeededRandom {
  let hash = FAULT_SEED >>> 0;
  for (const char of scenario) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return new SeededRandom(hash);
}
