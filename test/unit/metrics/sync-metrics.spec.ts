import { createMetricsRegistry } from '../../../src/metrics/metrics-registry';
import { SYNC_ITEMS_SQL, SYNC_RUNS_SQL, SyncMetricRows, SyncMetrics } from '../../../src/metrics/sync-metrics';

const ROWS: SyncMetricRows = {
  runs: [
    { trigger: 'schedule', state: 'completed', count: '40' },
    { trigger: 'event', state: 'completed', count: '7' },
    { trigger: 'manual', state: 'running', count: 1 },
    { trigger: 'schedule', state: 'exploded', count: '3' },
    { trigger: 'acme-msp.example.com', state: 'completed', count: '9' },
  ],
  items: [
    { outcome: 'done', count: '120' },
    { outcome: 'left-alone', count: '900' },
    { outcome: 'done', count: '5' },
    { outcome: 'pending', count: '20' },
    { outcome: 'secret', count: '1' },
  ],
};

function setUp(read: () => Promise<SyncMetricRows>, clock = { now: 0 }) {
  const registry = createMetricsRegistry({ defaultMetrics: false });
  const errors: unknown[] = [];
  new SyncMetrics(registry, { read, now: () => clock.now, maxAgeMs: 10_000, onError: (error) => errors.push(error) });
  return { registry, errors, clock };
}

describe('sync metrics read from PostgreSQL at scrape time', () => {
  it('reports runs by trigger and state (zero for combinations without runs) and items by outcome, known labels only', async () => {
    const { registry } = setUp(async () => ROWS);
    const text = await registry.metrics();
    expect(text).toContain('sync_runs_total{trigger="schedule",state="completed"} 40');
    expect(text).toContain('sync_runs_total{trigger="event",state="completed"} 7');
    expect(text).toContain('sync_runs_total{trigger="manual",state="running"} 1');
    expect(text).toContain('sync_runs_total{trigger="manual",state="failed"} 0');
    expect(text).toContain('sync_items_total{outcome="done"} 125');
    expect(text).toContain('sync_items_total{outcome="left-alone"} 900');
    expect(text).toContain('sync_items_total{outcome="pending"} 20');
    expect(text).toContain('sync_items_total{outcome="failed"} 0');
    expect(text).toContain('sync_metrics_query_success 1');
    expect(text).not.toMatch(/exploded|acme|secret/);
  });

  it('reads once for concurrent scrapes and again once the result is older than maxAgeMs', async () => {
    let reads = 0;
    const { registry, clock } = setUp(async () => {
      reads += 1;
      return ROWS;
    });
    await Promise.all([registry.metrics(), registry.metrics()]);
    expect(reads).toBe(1);
    clock.now = 9_999;
    await registry.metrics();
    expect(reads).toBe(1);
    clock.now = 10_000;
    await registry.metrics();
    expect(reads).toBe(2);
  });

  it('answers the scrape without the sync samples when PostgreSQL fails, says so, and reads again next time', async () => {
    let fail = true;
    const { registry, errors } = setUp(async () => {
      if (fail) throw new Error('connection refused');
      return ROWS;
    });
    const text = await registry.metrics();
    expect(text).toContain('sync_metrics_query_success 0');
    expect(text).not.toMatch(/^sync_runs_total\{/m);
    expect(text).not.toMatch(/^sync_items_total\{/m);
    expect(errors).toHaveLength(1);

    fail = false;
    expect(await registry.metrics()).toContain('sync_metrics_query_success 1');
  });

  it('keeps the SQL on the indexed columns and the per-run counts (no scan of every item)', () => {
    expect(SYNC_RUNS_SQL).toMatch(/FROM sync_runs GROUP BY trigger, state/);
    expect(SYNC_ITEMS_SQL).toMatch(/r\.integration_id = g\.id AND r\.started_at >= now\(\) - interval '24 hours'/);
    // Items are counted one by one only for runs still running.
    expect(SYNC_ITEMS_SQL.match(/JOIN sync_run_items/g)).toHaveLength(1);
    expect(SYNC_ITEMS_SQL).toMatch(/r\.state = 'running'\s+JOIN sync_run_items/);
  });
});
