import { RateLimitDecision, RateLimitedRequest, RateLimiter } from '../../../src/http/rate-limit/rate-limiter';
import { RATE_LIMITS } from '../../../src/http/rate-limit/rate-limits';
import { TokenBuckets } from '../../../src/http/rate-limit/token-buckets';

const KEY_A = 'hpk_aaaaaaaa_' + 'A'.repeat(43);
const KEY_B = 'hpk_bbbbbbbb_' + 'B'.repeat(43);

function request(overrides: Partial<RateLimitedRequest> = {}): RateLimitedRequest {
  return { path: '/api/v1/halopsa', ip: '203.0.113.7', authorization: `Bearer ${KEY_A}`, eventAccount: undefined, ...overrides };
}

function allowedCount(limiter: RateLimiter, make: () => RateLimitedRequest, attempts: number): number {
  let allowed = 0;
  for (let i = 0; i < attempts; i++) {
    const decision = limiter.check(make());
    if (decision.limited && decision.allowed) allowed += 1;
  }
  return allowed;
}

describe('token buckets', () => {
  const limit = { requests: 3, perMs: 3_000 };

  it('starts full, refuses when empty with the wait for one token, and refills evenly', () => {
    const buckets = new TokenBuckets(10);
    expect([0, 0, 0].map(() => buckets.take('k', limit, 0).allowed)).toEqual([true, true, true]);
    expect(buckets.take('k', limit, 0)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1_000 });
    expect(buckets.take('k', limit, 400)).toMatchObject({ allowed: false, retryAfterMs: 600 });
    expect(buckets.take('k', limit, 1_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(buckets.take('k', limit, 10_000)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('keeps buckets apart by key', () => {
    const buckets = new TokenBuckets(10);
    for (let i = 0; i < 3; i++) buckets.take('a', limit, 0);
    expect(buckets.take('a', limit, 0).allowed).toBe(false);
    expect(buckets.take('b', limit, 0).allowed).toBe(true);
  });

  it('forgets refilled buckets and never holds more than its maximum', () => {
    const buckets = new TokenBuckets(100, 1_000);
    for (let i = 0; i < 50; i++) buckets.take(`idle-${i}`, limit, 0);
    buckets.take('later', limit, 5_000);
    expect(buckets.size).toBe(1);
    for (let i = 0; i < 500; i++) buckets.take(`flood-${i}`, limit, 5_000);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });
});

describe('the API rate limiter', () => {
  it('leaves everything outside /api/v1 alone', () => {
    const limiter = new RateLimiter(() => 0);
    for (const path of ['/health', '/metrics', '/docs-json', '/connect/abc/1', '/api/v10/x', '/apiv1/x']) {
      expect(limiter.check(request({ path }))).toEqual({ limited: false });
    }
  });

  it(`allows ${RATE_LIMITS.apiKey.requests} requests a minute per API key, then 429s with the wait, and refills`, () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect(allowedCount(limiter, () => request(), 200)).toBe(RATE_LIMITS.apiKey.requests);
    const refused = limiter.check(request()) as Extract<RateLimitDecision, { allowed: false }>;
    expect(refused).toMatchObject({ limited: true, allowed: false, retryAfterSeconds: 1 });
    expect(refused.message).toMatch(/Too many requests with this API key: at most 120 per minute\. Retry after 1 s\./);
    // Another key is not affected.
    expect(limiter.check(request({ authorization: `Bearer ${KEY_B}` }))).toMatchObject({ allowed: true });
    now = 30_000;
    expect(allowedCount(limiter, () => request(), 200)).toBe(60);
  });

  it('counts calls without credentials per address', () => {
    const limiter = new RateLimiter(() => 0);
    expect(allowedCount(limiter, () => request({ authorization: undefined }), 200)).toBe(RATE_LIMITS.anonymous.requests);
    const refused = limiter.check(request({ authorization: undefined }));
    expect(refused).toMatchObject({ allowed: false, message: expect.stringMatching(/without an API key from this address/) });
    expect(limiter.check(request({ authorization: undefined, ip: '198.51.100.1' }))).toMatchObject({ allowed: true });
  });

  it('gives operators and Console events their own, more generous budgets', () => {
    const limiter = new RateLimiter(() => 0);
    expect(allowedCount(limiter, () => request({ path: '/api/v1/tenants/0e1c/api-keys', authorization: 'Bearer operator-token-operator-token-000' }), 1_000)).toBe(RATE_LIMITS.operator.requests);
    const events = () => request({ path: '/api/v1/console-events', authorization: undefined, eventAccount: 'acct_12345678' });
    expect(allowedCount(limiter, events, 7_000)).toBe(RATE_LIMITS.consoleEvents.requests);
    expect(limiter.check(events())).toMatchObject({ allowed: false, message: expect.stringMatching(/Console events for this account/) });
    // Each event account has its own budget, whatever address the Console sends from.
    expect(limiter.check({ ...events(), eventAccount: 'acct_87654321' })).toMatchObject({ allowed: true });
  });

  it('counts refused credentials as unauthenticated calls of their address, so made-up keys cannot get a fresh budget each; good keys go on', () => {
    const limiter = new RateLimiter(() => 0);
    const good = request();
    const goodDecision = limiter.check(good);
    limiter.answered(good, goodDecision, 200, true);
    for (let i = 0; i < RATE_LIMITS.anonymous.requests; i++) {
      const guess = request({ authorization: `Bearer hpk_guess${String(i).padStart(3, '0')}_${'x'.repeat(43)}` });
      const decision = limiter.check(guess);
      expect(decision).toMatchObject({ allowed: true });
      limiter.answered(guess, decision, 401, true);
    }
    const next = limiter.check(request({ authorization: `Bearer ${KEY_B}` }));
    expect(next).toMatchObject({ allowed: false, message: expect.stringMatching(/Too many unauthenticated requests \(unknown or revoked credentials\) from this address/) });
    // Calls without any credential share that budget.
    expect(limiter.check(request({ authorization: undefined }))).toMatchObject({ allowed: false });
    expect(limiter.check(good)).toMatchObject({ allowed: true });
    expect(limiter.check(request({ authorization: `Bearer ${KEY_B}`, ip: '198.51.100.1' }))).toMatchObject({ allowed: true });
  });

  it('does not take a 404 for a path without a route as proof that a key works, and forgets a key once refused', () => {
    const limiter = new RateLimiter(() => 0);
    const made = request({ authorization: `Bearer ${KEY_B}`, path: '/api/v1/no-such-route' });
    limiter.answered(made, limiter.check(made), 404, false);
    const good = request();
    limiter.answered(good, limiter.check(good), 200, true);
    for (let i = 0; i < RATE_LIMITS.anonymous.requests; i++) limiter.check(request({ authorization: undefined }));
    expect(limiter.check(request({ authorization: `Bearer ${KEY_B}` }))).toMatchObject({ allowed: false });
    expect(limiter.check(good)).toMatchObject({ allowed: true });
    // Revoked: refused once, it is treated as unknown from then on.
    limiter.answered(good, limiter.check(good), 401, true);
    expect(limiter.check(good)).toMatchObject({ allowed: false });
  });

  it('never keeps a credential in clear', () => {
    const limiter = new RateLimiter(() => 0);
    const decision = limiter.check(request());
    expect(JSON.stringify(decision)).not.toContain(KEY_A);
  });
});
