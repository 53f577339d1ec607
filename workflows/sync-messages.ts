import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export type SyncRequestTrigger = 'schedule' | 'manual' | 'event';

/** A full reconciliation was asked for (schedule, "sync now", a company renamed). */
export const requestFullSync = defineSignal<[{ trigger: SyncRequestTrigger }]>('requestFullSync');

/**
 * "Sync now": queues a full reconciliation, or joins the one already queued, and answers the run's
 * id (sent with start, so it also starts an idle integration's workflow).
 */
export const queueFullSync = defineUpdate<{ runId: string }, [{ trigger: SyncRequestTrigger }]>('queueFullSync');

/** Console events named these computers: sync just them, soon. */
export const computersChanged = defineSignal<[{ hids: string[] }]>('computersChanged');

/** The integration is being removed: finish the current batch, record it, and stop. */
export const stopSync = defineSignal('stopSync');

export interface SyncProgress {
  running: { runId: string; trigger: SyncRequestTrigger; scope: 'full' | 'computers'; planned: number; processed: number } | null;
  /**
   * `fullRunId`: the id the queued full run will have; `beginningRunId`: the run taken from the
   * queue whose record is not written yet. Both absent in workflows started before they were kept.
   */
  queued: { full: boolean; fullRunId?: string | null; beginningRunId?: string | null; computers: number };
  runsInThisHistory: number;
}

export const syncProgress = defineQuery<SyncProgress>('syncProgress');

/** The integration's Console change watcher: poll now (settings changed, or it was just started). */
export const wakeWatcher = defineSignal('wakeWatcher');

/** The watcher activity's failure type that ends the watcher: the integration is gone or being removed. */
export const WATCH_ENDED = 'IntegrationGone';
