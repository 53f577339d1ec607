import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** Closed label sets, as the tables' CHECK constraints define them: a row with another value is not reported. */
export const SYNC_TRIGGERS = ['schedule', 'manual', 'event'] as const;
export const SYNC_RUN_STATES = ['running', 'completed', 'failed', 'skipped'] as const;
export const SYNC_ITEM_OUTCOMES = ['pending', 'done', 'failed', 'left-alone'] as const;

export interface SyncMetricRows {
  /** Every run kept (the worker deletes runs older than SYNC_RUN_RETENTION_DAYS), by trigger and state. */
  runs: { trigger: string; state: string; count: string | number }[];
  /** Per-computer items of the runs started in the last 24 hours, by outcome (several rows per outcome may come). */
  items: { outcome: string; count: string | number }[];
}

/**
 * Runs by trigger and state: the table holds only the retention period's runs, one row per run
 * (not per computer).
 */
export const SYNC_RUNS_SQL = 'SELECT trigger, state, count(*)::text AS count FROM sync_runs GROUP BY trigger, state';

/**
 * Items of the last 24 hours by outcome, cheaply: a finished run carries its counts (`counts`:
 * the action for done items, else the outcome), so only running runs are counted item by item
 * (through the primary key's sync_run_id prefix). Runs are found per integration through the
 * (integration_id, started_at) index.
 */
export const SYNC_ITEMS_SQL = `
  SELECT CASE WHEN c.key IN ('pending', 'failed', 'left-alone') THEN c.key ELSE 'done' END AS outcome, sum(c.value::bigint)::text AS count
    FROM integrations g
    JOIN sync_runs r ON r.integration_id = g.id AND r.started_at >= now() - interval '24 hours' AND r.state <> 'running'
    CROSS JOIN LATERAL jsonb_each_text(r.counts) c
   WHERE c.value ~ '^[0-9]{1,15}$'
   GROUP BY 1
  UNION ALL
  SELECT i.outcome, count(*)::text AS count
    FROM integrations g
    JOIN sync_runs r ON r.integration_id = g.id AND r.started_at >= now() - interval '24 hours' AND r.state = 'running'
    JOIN sync_run_items i ON i.sync_run_id = r.id
   GROUP BY 1`;

/** Both queries in one transaction that may not take more than `timeoutMs` per statement. */
export async function readSyncMetricRows(dataSource: DataSource, timeoutMs = 5_000): Promise<SyncMetricRows> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL statement_timeout = ${Math.floor(timeoutMs)}`);
    const runs = (await manager.query(SYNC_RUNS_SQL)) as SyncMetricRows['runs'];
    const items = (await manager.query(SYNC_ITEMS_SQL)) as SyncMetricRows['items'];
    return { runs, items };
  });
}

export interface SyncMetricsOptions {
  read: () => Promise<SyncMetricRows>;
  /** Scrapes within this time of the last read share its result (several Prometheus servers, or a dashboard). */
  maxAgeMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * `sync_runs_total{trigger,state}` and `sync_items_total{outcome}`, computed from PostgreSQL when
 * scraped (they are the same for every API replica, since they come from the shared database),
 * and `sync_metrics_query_success` (0 when the last read failed: then the two have no samples).
 */
export class SyncMetrics {
  private cached: { at: number; rows: Promise<SyncMetricRows | undefined> } | undefined;
  private readonly success: Gauge;

  constructor(
    registry: Registry,
    private readonly options: SyncMetricsOptions,
  ) {
    const rows = (): Promise<SyncMetricRows | undefined> => this.rows();
    new Gauge({
      name: 'sync_runs_total',
      help: 'Sync runs kept (the retention period), by trigger and state.',
      labelNames: ['trigger', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        const read = await rows();
        if (!read) return;
        for (const trigger of SYNC_TRIGGERS) for (const state of SYNC_RUN_STATES) this.set({ trigger, state }, 0);
        for (const row of read.runs) {
          if (isOneOf(SYNC_TRIGGERS, row.trigger) && isOneOf(SYNC_RUN_STATES, row.state)) this.inc({ trigger: row.trigger, state: row.state }, Number(row.count));
        }
      },
    });
    new Gauge({
      name: 'sync_items_total',
      help: 'Per-computer items of the sync runs started in the last 24 hours, by outcome.',
      labelNames: ['outcome'],
      registers: [registry],
      async collect() {
        this.reset();
        const read = await rows();
        if (!read) return;
        for (const outcome of SYNC_ITEM_OUTCOMES) this.set({ outcome }, 0);
        for (const row of read.items) {
          if (isOneOf(SYNC_ITEM_OUTCOMES, row.outcome)) this.inc({ outcome: row.outcome }, Number(row.count));
        }
      },
    });
    this.success = new Gauge({
      name: 'sync_metrics_query_success',
      help: 'Whether the last read of the sync metrics from PostgreSQL succeeded (1) or failed (0).',
      registers: [registry],
      async collect() {
        // The read sets the value; metrics are collected concurrently, so wait for it.
        await rows();
      },
    });
  }

  /** The rows, read at most once per `maxAgeMs` (concurrent scrapes share one read); undefined when the read failed. */
  private rows(): Promise<SyncMetricRows | undefined> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.options.maxAgeMs ?? 10_000)) return this.cached.rows;
    const read: { at: number; rows: Promise<SyncMetricRows | undefined> } = {
      at: now,
      rows: this.options.read().then(
        (rows) => {
          this.success.set(1);
          return rows;
        },
        (error: unknown) => {
          // The next scrape reads again.
          if (this.cached === read) this.cached = undefined;
          this.success.set(0);
          this.options.onError?.(error);
          return undefined;
        },
      ),
    };
    this.cached = read;
    return read.rows;
  }
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
