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
}

export type FaultKind = 'none' | 'server-error' | 'drop-connection' | 'lose-response';

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
};

export class FaultInjector {
  private settings: FaultSettings = { ...NO_FAULTS };
  private random = new SeededRandom(NO_FAULTS.seed);

  configure(changes: Partial<FaultSettings>): FaultSettings {
    const next = { ...this.settings, ...changes };
    for (const key of ['latencyRate', 'serverErrorRate', 'dropConnectionRate', 'lostResponseRate'] as const) {
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

  decide(isWrite: boolean): FaultDecision {
    const s = this.settings;
    const delayMs = this.random.chance(s.latencyRate) ? s.latencyMs : 0;
    if (this.random.chance(s.dropConnectionRate)) return { delayMs, kind: 'drop-connection' };
    if (this.random.chance(s.serverErrorRate)) return { delayMs, kind: 'server-error' };
    if (isWrite && this.random.chance(s.lostResponseRate)) return { delayMs, kind: 'lose-response' };
    return { delayMs, kind: 'none' };
  }
}
