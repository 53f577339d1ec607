import { SimClock } from '../state/sim-clock';

export interface RateLimitSettings {
  maxRequests: number;
  windowSeconds: number;
  /** Sent as `Retry-After` on a 429 when set; real Halo has not been seen sending one. */
  retryAfterSeconds?: number;
}

const DEFAULT_RATE_LIMIT: RateLimitSettings = { maxRequests: 300, windowSeconds: 300 };

export interface Refusal {
  message: string;
  retryAfterSeconds?: number;
}

/**
 * Hosted Halo's limiter: at most `maxRequests` per client id in any rolling window of
 * `windowSeconds`. A refused request is not counted, so the window drains as accepted requests age.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: SimClock,
    private current: RateLimitSettings = DEFAULT_RATE_LIMIT,
  ) {
    this.configure(current);
  }

  settings(): RateLimitSettings {
    return { ...this.current };
  }

  configure(changes: Partial<RateLimitSettings>): RateLimitSettings {
    const next = { ...this.current, ...changes };
    if (!Number.isInteger(next.maxRequests) || next.maxRequests < 1) throw new RangeError('maxRequests must be an integer >= 1');
    if (!Number.isInteger(next.windowSeconds) || next.windowSeconds < 1) throw new RangeError('windowSeconds must be an integer >= 1');
    if (next.retryAfterSeconds !== undefined && !(Number.isInteger(next.retryAfterSeconds) && next.retryAfterSeconds >= 0)) {
      throw new RangeError('retryAfterSeconds must be an integer >= 0');
    }
    this.current = next;
    return this.settings();
  }

  /** Counts one request of `clientId`, or answers why it is refused. */
  admit(clientId: string): Refusal | undefined {
    const inWindow = this.recentHits(clientId);
    if (inWindow.length >= this.current.maxRequests) {
      return this.refusal();
    }
    inWindow.push(this.clock.now());
    this.hits.set(clientId, inWindow);
    return undefined;
  }

  /** Requests counted in the current window, per client id. */
  usage(): Record<string, number> {
    return Object.fromEntries([...this.hits.keys()].map((clientId) => [clientId, this.recentHits(clientId).length]));
  }

  reset(): void {
    this.hits.clear();
  }

  private recentHits(clientId: string): number[] {
    const windowStart = this.clock.now() - this.current.windowSeconds * 1000;
    return (this.hits.get(clientId) ?? []).filter((at) => at > windowStart);
  }

  /** "Rate Limit Reached - 300 Requests per rolling 5 minute window", numbers following the settings. */
  /** What a request over the limit is told. */
  refusal(): Refusal {
    const { maxRequests, windowSeconds, retryAfterSeconds } = this.current;
    const window = windowSeconds % 60 === 0 ? `${windowSeconds / 60} minute` : `${windowSeconds} second`;
    return { message: `Rate Limit Reached - ${maxRequests} Requests per rolling ${window} window`, retryAfterSeconds };
  }
}
