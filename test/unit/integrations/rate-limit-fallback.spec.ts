import { rateLimitFallbackDelayMs } from '../../../activities/halo-failure';

describe('waiting out a 429 without Retry-After', () => {
  it('grows by a minute per attempt and stops at the 5-minute window', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(rateLimitFallbackDelayMs)).toEqual([60_000, 120_000, 180_000, 240_000, 300_000, 300_000, 300_000]);
  });
});
