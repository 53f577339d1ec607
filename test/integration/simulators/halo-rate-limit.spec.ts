import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, control, requestToken } from '../../../simulators/halo/testing/halo-test-client';

const DEFAULT_TEXT = 'Rate Limit Reached - 300 Requests per rolling 5 minute window';

describe('HaloPSA simulator: rolling-window rate limit', () => {
  let now = Date.parse('2025-01-01T00:00:00Z');
  let sim: HaloSimulator;

  /** Sends `n` cheap reads, a few at a time, and answers their statuses in order. */
  async function reads(token: string, n: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let sent = 0; sent < n; sent += 25) {
      const batch = Array.from({ length: Math.min(25, n - sent) }, () => callApi(sim, token, 'GET', '/Client?count=1'));
      statuses.push(...(await Promise.all(batch)).map((response) => response.status));
    }
    return statuses;
  }

  const usage = async () => (await control<{ usage: Record<string, number> }>(sim, 'GET', '/rate-limit')).usage[sim.credentials.clientId];

  beforeAll(async () => {
    sim = await startHaloSimulator({ now: () => now });
  });
  afterAll(() => sim.close());

  beforeEach(async () => {
    await control(sim, 'PUT', '/rate-limit', { maxRequests: 300, windowSeconds: 300, retryAfterSeconds: null });
    await control(sim, 'POST', '/rate-limit/reset');
  });

  it('answers 429 to the 301st request of a rolling 5-minute window, token request included', async () => {
    const token = await requestToken(sim);
    expect(await reads(token, 299)).toEqual(Array(299).fill(200));
    expect(await usage()).toBe(300);

    const refused = await callApi(sim, token, 'GET', '/Client?count=1');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toBe(DEFAULT_TEXT);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(await usage()).toBe(300);
  });

  it('lets requests through again as the window rolls, on the injected clock', async () => {
    const token = await requestToken(sim);
    expect(await reads(token, 149)).toEqual(Array(149).fill(200));
    now += 120_000;
    expect(await reads(token, 150)).toEqual(Array(150).fill(200));
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(429);

    now += 179_999;
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(429);
    now += 1;
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(200);
    expect(await usage()).toBe(151);
  });

  it('follows settings changed through the control API, with Retry-After when asked', async () => {
    await control(sim, 'PUT', '/rate-limit', { maxRequests: 5, windowSeconds: 60, retryAfterSeconds: 30 });
    const token = await requestToken(sim);
    expect(await reads(token, 4)).toEqual([200, 200, 200, 200]);
    const refused = await callApi(sim, token, 'GET', '/Asset');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.text()).toBe('Rate Limit Reached - 5 Requests per rolling 1 minute window');
  });

  it('refuses token requests too once the window is full', async () => {
    await control(sim, 'PUT', '/rate-limit', { maxRequests: 2, windowSeconds: 300 });
    await requestToken(sim);
    await requestToken(sim);
    await expect(requestToken(sim)).rejects.toThrow(/429 Rate Limit Reached - 2 Requests per rolling 5 minute window/);
  });

  it('does not count requests it cannot attribute to a client', async () => {
    await requestToken(sim);
    expect((await callApi(sim, undefined, 'GET', '/Client')).status).toBe(401);
    expect((await callApi(sim, 'unknown', 'GET', '/Client')).status).toBe(401);
    expect((await fetch(`${sim.url}/api/authinfo`)).status).toBe(200);
    expect(await usage()).toBe(1);
  });

  it('shows the current window usage among the counters', async () => {
    const token = await requestToken(sim);
    await reads(token, 3);
    const counters = await control<{ rateLimitWindowUsage: Record<string, number> }>(sim, 'GET', '/counters');
    expect(counters.rateLimitWindowUsage).toEqual({ [sim.credentials.clientId]: 4 });
  });

  it('takes its limits from the options', async () => {
    const small = await startHaloSimulator({ rateLimit: { maxRequests: 3, windowSeconds: 10, retryAfterSeconds: 10 } });
    try {
      const token = await requestToken(small);
      await callApi(small, token, 'GET', '/Client');
      await callApi(small, token, 'GET', '/Client');
      const refused = await callApi(small, token, 'GET', '/Client');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('10');
      expect(await refused.text()).toBe('Rate Limit Reached - 3 Requests per rolling 10 second window');
    } finally {
      await small.close();
    }
  });
});
