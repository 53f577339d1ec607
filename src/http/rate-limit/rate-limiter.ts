import { createHash } from 'node:crypto';
import { CONSOLE_EVENTS_PATH, MAX_BUCKETS, OPERATOR_PREFIX, RATE_LIMITED_PREFIX, RATE_LIMITS, RateLimit } from './rate-limits';
import { TokenBuckets } from './token-buckets';

/** What the limiter needs from a request. */
export interface RateLimitedRequest {
  /** The path, without the query. */
  path: string;
  /** The client's address (the socket's, unless Express is told to trust a proxy). */
  ip: string | undefined;
  authorization: string | undefined;
  /** The `account` query parameter of a Console event. */
  eventAccount: string | undefined;
}

export type RateLimitDecision =
  | { limited: false }
  | { limited: true; allowed: true; limit: RateLimit; remaining: number; bucket: string; credential: boolean }
  | { limited: true; allowed: false; limit: RateLimit; retryAfterSeconds: number; message: string };

const MAX_CREDENTIAL_LENGTH = 512;
const EVENT_ACCOUNT = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Decides whether a request to `/api/v1/**` may go on, by the budgets in `rate-limits.ts`. A
 * credential is only ever kept as a SHA-256 hash in a bucket's key, and it is not checked here
 * (the guards do that): a refused one costs the address's `anonymous` budget.
 */
export class RateLimiter {
  private readonly buckets = new TokenBuckets(MAX_BUCKETS);

  constructor(private readonly now: () => number = Date.now) {}

  check(request: RateLimitedRequest): RateLimitDecision {
    const path = request.path.replace(/\/+$/, '');
    if (!`${path}/`.startsWith(RATE_LIMITED_PREFIX)) return { limited: false };
    const ip = request.ip ?? 'unknown';
    const now = this.now();
    if (path === CONSOLE_EVENTS_PATH) {
      const account = request.eventAccount && EVENT_ACCOUNT.test(request.eventAccount) ? request.eventAccount : undefined;
      const key = account ? `events:${account}` : `events-ip:${ip}`;
      return this.take(key, RATE_LIMITS.consoleEvents, now, false, `Too many Console events for this account: at most ${RATE_LIMITS.consoleEvents.requests} per minute`);
    }
    const operator = path === OPERATOR_PREFIX || path.startsWith(`${OPERATOR_PREFIX}/`);
    const credential = bearerCredential(request.authorization);
    if (!credential) {
      return this.take(anonymousKey(ip), RATE_LIMITS.anonymous, now, false, `Too many requests without an API key from this address: at most ${RATE_LIMITS.anonymous.requests} per minute`);
    }
    const key = `${operator ? 'operator' : 'key'}:${createHash('sha256').update(credential).digest('hex')}`;
    if (!this.buckets.isVerified(key)) {
      const unauthenticated = this.buckets.peek(anonymousKey(ip), RATE_LIMITS.anonymous, now);
      if (!unauthenticated.allowed) {
        return refused(RATE_LIMITS.anonymous, unauthenticated.retryAfterMs, 'Too many unauthenticated requests (unknown or revoked credentials) from this address');
      }
    }
    const limit = operator ? RATE_LIMITS.operator : RATE_LIMITS.apiKey;
    return this.take(key, limit, now, true, `Too many requests with this ${operator ? 'operator token' : 'API key'}: at most ${limit.requests} per minute`);
  }

  /**
   * After the answer: a refused credential costs its address and loses its standing; one accepted
   * by a route's guards (`routeMatched`: a 404 for a path no route has proves nothing) is
   * remembered as good.
   */
  answered(request: RateLimitedRequest, decision: RateLimitDecision, status: number, routeMatched: boolean): void {
    if (!decision.limited || !decision.allowed || !decision.credential) return;
    if (status === 401) {
      this.buckets.take(anonymousKey(request.ip ?? 'unknown'), RATE_LIMITS.anonymous, this.now());
      this.buckets.setVerified(decision.bucket, false);
    } else if (routeMatched && status < 500) {
      this.buckets.setVerified(decision.bucket, true);
    }
  }

  private take(bucket: string, limit: RateLimit, now: number, credential: boolean, refusal: string): RateLimitDecision {
    const result = this.buckets.take(bucket, limit, now);
    if (result.allowed) return { limited: true, allowed: true, limit, remaining: result.remaining, bucket, credential };
    return refused(limit, result.retryAfterMs, refusal);
  }
}

function refused(limit: RateLimit, retryAfterMs: number, reason: string): RateLimitDecision {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return { limited: true, allowed: false, limit, retryAfterSeconds, message: `${reason}. Retry after ${retryAfterSeconds} s.` };
}

function anonymousKey(ip: string): string {
  return `ip:${ip}`;
}

/** The token of `Authorization: Bearer <token>`; undefined when absent, empty or absurdly long. */
function bearerCredential(header: string | undefined): string | undefined {
  if (!header || header.length > MAX_CREDENTIAL_LENGTH) return undefined;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
