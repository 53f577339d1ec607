import { FAULT_SEED, FAULT_SUITE } from './fault-suite-settings';

/** What the HaloPSA simulator counted (GET /_sim/counters): faults by kind, and where responses were lost. */
export interface InjectedFaults {
  faultsInjected: Record<string, number>;
  lostResponsesByRoute?: Record<string, number>;
}

export interface FaultFigures extends InjectedFaults {
  runsCompleted: number;
  /** Runs (or removal steps) left without a final record. */
  unfinished: number;
  items: number;
  duplicates: number;
  lost: number;
}

/**
 * One line per scenario on stderr (jest leaves it alone, so CI output shows it), in a fixed shape:
 * the figures in docs/reliability-and-security.md are copied from these lines.
 */
export function printFaultSummary(scenario: string, figures: FaultFigures): void {
  const total = Object.values(figures.faultsInjected).reduce((sum, n) => sum + n, 0);
  const kinds = Object.entries(figures.faultsInjected)
    .map(([kind, n]) => `${kind} ${n}${kind === 'lose-response' ? lostWhere(figures.lostResponsesByRoute) : ''}`)
    .join(', ');
  process.stderr.write(
    `[faults] ${scenario} (${FAULT_SUITE}, seed ${FAULT_SEED}): ${total} faults injected (${kinds}); ` +
      `${figures.runsCompleted} runs completed, ${figures.unfinished} without a final record; ` +
      `${figures.items} items, ${figures.duplicates} duplicates, ${figures.lost} lost\n`,
  );
}

function lostWhere(byRoute: Record<string, number> | undefined): string {
  const routes = Object.entries(byRoute ?? {});
  return routes.length ? ` [${routes.map(([route, n]) => `${route} ${n}`).join(', ')}]` : '';
}
