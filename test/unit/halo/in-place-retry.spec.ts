import { inPlaceRetryDelayMs } from '../../../src/halo/in-place-retry';

describe('which failed HaloPSA requests are tried again in place', () => {
  it.each([
    ['a read with no answer', 'network-error', true, 250],
    ['a read answered 503', { status: 503 }, true, 250],
    ['a read answered 500', { status: 500 }, true, 250],
    ['a write with no answer (it may have been applied)', 'network-error', false, undefined],
    ['a write answered 503 (it may have been applied)', { status: 503 }, false, undefined],
    ['a write refused with a short Retry-After', { status: 429, retryAfterMs: 1_000 }, false, 1_000],
    ['a read refused with a 5 s Retry-After', { status: 429, retryAfterMs: 5_000 }, true, 5_000],
    ['a read refused with a long Retry-After', { status: 429, retryAfterMs: 5_001 }, true, undefined],
    ['a read refused without Retry-After (HaloPSA sends none: its window is minutes)', { status: 429 }, true, undefined],
    ['a read answered 400', { status: 400 }, true, undefined],
    ['a read answered 404', { status: 404 }, true, undefined],
  ] as const)('%s: first try again after %j', (_, outcome, idempotent, delay) => {
    expect(inPlaceRetryDelayMs(outcome, idempotent, 1)).toBe(delay);
  });

  it('waits longer before the third try, and gives up after it', () => {
    expect([1, 2, 3].map((attempt) => inPlaceRetryDelayMs({ status: 503 }, true, attempt))).toEqual([250, 1_000, undefined]);
    expect(inPlaceRetryDelayMs({ status: 429, retryAfterMs: 100 }, true, 2)).toBe(1_000);
  });
});
