import { RateLimiter } from '../../../simulators/halo/auth/rate-limiter';
import { SimClock } from '../../../simulators/halo/state/sim-clock';

describe('Halo rolling-window rate limiter', () => {
  let now: number;
  let limiter: RateLimiter;

  beforeEach(() => {
    now = 0;
    limiter = new RateLimiter(new SimClock(() => now));
    limiter.configure({ maxRequests: 3, windowSeconds: 300 });
  });

  it('refuses the request past the limit with Halo text, without counting it', () => {
    ['a', 'a', 'a'].forEach((client) => expect(limiter.admit(client)).toBeUndefined());
    expect(limiter.admit('a')).toEqual({ message: 'Rate Limit Reached - 3 Requests per rolling 5 minute window', retryAfterSeconds: undefined });
    expect(limiter.admit('b')).toBeUndefined();
    expect(limiter.usage()).toEqual({ a: 3, b: 1 });
  });

  it('rolls: a request leaves the window exactly windowSeconds after it was counted', () => {
    limiter.admit('a');
    now = 100_000;
    limiter.admit('a');
    limiter.admit('a');
    now = 299_999;
    expect(limiter.admit('a')).toBeDefined();
    now = 300_000;
    expect(limiter.admit('a')).toBeUndefined();
    expect(limiter.usage()).toEqual({ a: 3 });
  });

  it('validates its settings', () => {
    expect(() => limiter.configure({ maxRequests: 0 })).toThrow(RangeError);
    expect(() => limiter.configure({ windowSeconds: 1.5 })).toThrow(RangeError);
    expect(limiter.configure({ retryAfterSeconds: 30 })).toEqual({ maxRequests: 3, windowSeconds: 300, retryAfterSeconds: 30 });
  });
});
