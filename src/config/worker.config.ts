import { EnvReader, port, positiveInt } from './env-readers';

export interface WorkerConfig {
  /** How long in-flight activities may run after SIGTERM before they are cancelled and handed back. */
  shutdownGraceMs: number;
  /** How long sync runs and their per-computer records are kept. */
  syncRunRetentionDays: number;
  /** The worker's Prometheus endpoint: 9464 (the usual exporter port) by default, 0 for none. */
  metricsPort: number;
  /** How long a HaloPSA request waits for a place in the budget before its activity is retried when the window has room. */
  haloBudgetWaitMs: number;
}

export function readWorkerConfig(env: EnvReader): WorkerConfig {
  return {
    shutdownGraceMs: env.read('WORKER_SHUTDOWN_GRACE_MS', positiveInt, '30000'),
    syncRunRetentionDays: env.read('SYNC_RUN_RETENTION_DAYS', positiveInt, '30'),
    metricsPort: env.read('WORKER_METRICS_PORT', port, '9464'),
    haloBudgetWaitMs: env.read('WORKER_HALO_BUDGET_WAIT_MS', positiveInt, '90000'),
  };
}
