import { HaloClient } from '../../../src/halo/halo-client';
import { HaloResponseInfo } from '../../../src/halo/halo-http';
import { HaloMetrics, statusClass } from '../../../src/metrics/halo-metrics';
import { createMetricsRegistry } from '../../../src/metrics/metrics-registry';
import { fakeFetch, json, SETTINGS, text } from '../halo/fake-fetch';

const NOW = Date.parse('2025-01-01T00:00:00Z');

async function sampleValues(registry: ReturnType<typeof createMetricsRegistry>, name: string): Promise<{ labels: Record<string, string | number>; value: number }[]> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name) as unknown as { values: { labels: Record<string, string | number>; value: number }[] };
  return metric.values;
}

describe('HaloPSA request metrics', () => {
  it('sorts statuses into classes, network failures apart', () => {
    expect([200, 204, 301, 401, 429, 500, 503].map(statusClass)).toEqual(['2xx', '2xx', '3xx', '4xx', '4xx', '5xx', '5xx']);
    expect(statusClass('network-error')).toBe('network-error');
    expect(statusClass(42)).toBe('other');
  });

  it('counts requests by method and status class, and 429s on their own', async () => {
    const registry = createMetricsRegistry({ defaultMetrics: false });
    const metrics = new HaloMetrics(registry);
    for (const status of [200, 200, 429, 500, 'network-error'] as const) metrics.observe({ method: 'GET', path: '/api/Asset/17', status });
    metrics.observe({ method: 'POST', path: '/auth/token', status: 200 });
    metrics.observe({ method: 'BREW', path: '/x', status: 418 });

    expect(await sampleValues(registry, 'halo_requests_total')).toEqual(
      expect.arrayContaining([
        { labels: { method: 'GET', status_class: '2xx' }, value: 2 },
        { labels: { method: 'GET', status_class: '4xx' }, value: 1 },
        { labels: { method: 'GET', status_class: '5xx' }, value: 1 },
        { labels: { method: 'GET', status_class: 'network-error' }, value: 1 },
        { labels: { method: 'POST', status_class: '2xx' }, value: 1 },
        { labels: { method: 'OTHER', status_class: '4xx' }, value: 1 },
      ]),
    );
    expect(await sampleValues(registry, 'halo_rate_limited_total')).toEqual([{ labels: {}, value: 1 }]);
    // The path (record ids, a tenant's URL prefix) never becomes a label.
    expect(await registry.metrics()).not.toContain('Asset');
  });

  it("hears every request of the HaloPSA client through onResponse, token requests and failures included, and survives a throwing hook", async () => {
    const heard: HaloResponseInfo[] = [];
    const dropped = new TypeError('fetch failed');
    const fake = fakeFetch([json({ id: 1, name: 'API Agent' }), text('slow down', 429, { 'retry-after': '30' }), dropped, dropped, dropped]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch, now: () => NOW, onResponse: (info) => heard.push(info), sleep: async () => undefined });

    await client.getAgentMe();
    await expect(client.getAgentMe()).rejects.toMatchObject({ kind: 'rate_limited' });
    await expect(client.getAgentMe()).rejects.toMatchObject({ kind: 'network' });
    const dropIsHeard = { method: 'GET', path: '/api/Agent/me', status: 'network-error' };
    expect(heard).toEqual([
      { method: 'POST', path: '/auth/token', status: 200 },
      { method: 'GET', path: '/api/Agent/me', status: 200 },
      { method: 'GET', path: '/api/Agent/me', status: 429 },
      // A read that got no answer is tried three times in all: each try is a request.
      dropIsHeard,
      dropIsHeard,
      dropIsHeard,
    ]);

    const throwing = new HaloClient(SETTINGS, {
      fetch: fakeFetch([json({ id: 1, name: 'API Agent' })]).fetch,
      now: () => NOW,
      onResponse: () => {
        throw new Error('metrics broke');
      },
    });
    await expect(throwing.getAgentMe()).resolves.toMatchObject({ name: 'API Agent' });
  });
});
