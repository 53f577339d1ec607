import { RateLimit } from './rate-limits';

const VERIFIED_IDLE_MS = 3_600_000;

interface Bucket {
  tokens: number;
  at: number;
  limit: RateLimit;
  /** The credential this bucket counts was accepted at least once. */
  verified: boolean;
}

export interface TakeResult {
  allowed: boolean;
  /** Whole requests left right now. */
  remaining: number;
  /** When refused: how long until one request is allowed again. */
  retryAfterMs: number;
}

/**
 * Token buckets by key, in this process's memory. Each starts full (`limit.requests` tokens) and
 * refills continuously at `limit.requests` per `limit.perMs`; a request takes one token.
 *
 * In memory on purpose (no dependency, no round trip), which makes the limits per API replica: a
 * deployment with several replicas behind a load balancer multiplies them by the replica count,
 * and one that must enforce them exactly needs a shared store (e.g. Redis) behind this interface.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(
    private readonly maxBuckets: number,
    private readonly sweepEveryMs = 60_000,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  take(key: string, limit: RateLimit, now: number): TakeResult {
    this.sweep(now);
    const bucket = this.refilled(key, limit, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
    }
    return { allowed: false, remaining: 0, retryAfterMs: Math.ceil(((1 - bucket.tokens) * limit.perMs) / limit.requests) };
  }

  /** Like `take` without taking: whether a request would be allowed, and when it will be. */
  peek(key: string, limit: RateLimit, now: number): TakeResult {
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(limit.requests, bucket.tokens + ((now - bucket.at) * limit.requests) / limit.perMs) : limit.requests;
    if (tokens >= 1) return { allowed: true, remaining: Math.floor(tokens), retryAfterMs: 0 };
    return { allowed: false, remaining: 0, retryAfterMs: Math.ceil(((1 - tokens) * limit.perMs) / limit.requests) };
  }

  setVerified(key: string, verified: boolean): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.verified = verified;
  }

  isVerified(key: string): boolean {
    return this.buckets.get(key)?.verified ?? false;
  }

  private refilled(key: string, limit: RateLimit, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxBuckets) this.sweep(now, true);
      bucket = { tokens: limit.requests, at: now, limit, verified: false };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(limit.requests, bucket.tokens + (elapsed * limit.requests) / limit.perMs);
    bucket.at = now;
    bucket.limit = limit;
    return bucket;
  }

  /**
   * Forgets buckets that have refilled (a new one would be the same; a verified one only after an
   * hour idle, so a key in use keeps its standing), then, when still too many, the oldest.
   */
  private sweep(now: number, force = false): void {
    if (!force && now - this.lastSweep < this.sweepEveryMs) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      const full = bucket.tokens + ((now - bucket.at) * bucket.limit.requests) / bucket.limit.perMs >= bucket.limit.requests;
      if (full && (!bucket.verified || now - bucket.at >= VERIFIED_IDLE_MS)) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxBuckets) break;
      this.buckets.delete(key);
    }
  }
}
