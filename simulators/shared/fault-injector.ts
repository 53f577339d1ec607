import { SeededRandom } from './seeded-random';

/** Rates are probabilities in [0, 1] applied per request, drawn from a seeded generator. */
export interface FaultSettings {
  seed: number;
  latencyMs: number;
  latencyRate: number;
  serverErrorRate: number;
  dropConnectionRate: number;
  /** Writes only: the write is applied, then the connection is cut before the answer. */
  lostResponseRate: number;
  /** Answers 429 as the vendor's rate limit does, whatever the caller's real usage. */
  rateLimitRate: number;
}

export type FaultKind = 'none' | 'server-error' | 'drop-connection' | 'lose-response' | 'rate-limited';
export type InjectedFaults = Record<Exclude<FaultKind, 'none'>, number>;

export interface FaultDecision {
  delayMs: number;
  kind: FaultKind;
}

export const NO_FAULTS: FaultSettings = {
  seed: 1,
  latencyMs: 0,
  latencyRate: 0,
  serverErrorRate: 0,
  dropConnectionRate: 0,
  lostResponseRate: 0,
  rateLimitRate: 0,
};

const RATES = ['latencyRate', 'serverErrorRate', 'dropConnectionRate', 'lostResponseRate', 'rateLimitRate'] as const;

function noneInjected(): InjectedFaults {
  return { 'server-error': 0, 'drop-connection': 0, 'lose-response': 0, 'rate-limited': 0 };
}

export class FaultInjector {
  private settings: FaultSettings = { ...NO_FAULTS };
  private random = new SeededRandom(NO_FAULTS.seed);
  private injected = noneInjected();
  private lostByRoute = new Map<string, number>();

  configure(changes: Partial<FaultSettings>): FaultSettings {
    const next = { ...this.settings, ...changes };
    for (const key of RATES) {
      const rate = next[key];
      if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
        throw new RangeError(`${key} must be a number between 0 and 1`);
      }
    }
    if (typeof next.latencyMs !== 'number' || next.latencyMs < 0) throw new RangeError('latencyMs must be >= 0');
    if (!Number.isInteger(next.seed)) throw new RangeError('seed must be an integer');
    this.settings = next;
    this.random = new SeededRandom(next.seed);
    return this.current();
  }

  reset(): FaultSettings {
    return this.configure(NO_FAULTS);
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  /** How many of each fault were injected since the start or the last `resetInjected`. */
  injectedCounts(): InjectedFaults {
    return { ...this.injected };
  }

  /** The responses lost, by "VERB /path" (which writes were applied with no answer). */
  lostResponsesByRoute(): Record<string, number> {
    return Object.fromEntries(this.lostByRoute);
  }

  resetInjected(): void {
    this.injected = noneInjected();
    this.lostByRoute.clear();
  }

  /** A 'lose-response' is counted only once `responseLost` reports the answer actually cut (a refused write has nothing to lose). */
  decide(isWrite: boolean): FaultDecision {
    const s = this.settings;
    const delayMs = this.random.chance(s.latencyRate) ? s.latencyMs : 0;
    const kind = this.drawKind(isWrite);
    if (kind !== 'none' && kind !== 'lose-response') this.injected[kind] += 1;
    return { delayMs, kind };
  }

  responseLost(method: string, path: string): void {
    this.injected['lose-response'] += 1;
    const route = `${method.toUpperCase()} ${path.toLowerCase()}`;
    this.lostByRoute.set(route, (this.lostByRoute.get(route) ?? 0) + 1);
  }

  private drawKind(isWrite: boolean): FaultKind {
    const s = this.settings;
    if (this.random.chance(s.dropConnectionRate)) return 'drop-connection';
    if (this.random.chance(s.serverErrorRate)) return 'server-error';
    if (this.random.chance(s.rateLimitRate)) return 'rate-limited';
    if (isWrite && this.random.chance(s.lostResponseRate)) return 'lose-response';
    return 'none';
  }
}
