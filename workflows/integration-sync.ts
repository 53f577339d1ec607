import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  patched,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { SyncActivities } from '../activities/sync-activities';
import { computersChanged, queueFullSync, requestFullSync, stopSync, SyncProgress, syncProgress, SyncRequestTrigger } from './sync-messages';
import { SYNC_RUN_STEP } from './activity-options';
import { ComputerQueue } from './computer-queue';
import { activityFailureCause, CREDENTIALS_REFUSED, failureReason } from './failures';
import { LAST_SYNC_RUN_STATE } from './search-attributes';

export interface IntegrationSyncInput {
  integrationId: string;
  tenantId: string;
  batchSize: number;
  idleMinutes: number;
  /** How long an event run waits for more events first; 0 (new starts) runs at once, and events that arrive during a run make the next one. */
  debounceMs: number;
  /** Continue-as-new past this many history events (Temporal's hard limit is 51,200). */
  maxHistoryEvents: number;
  /** Work carried over from the previous history. */
  pending?: { full: SyncRequestTrigger | null; fullRunId?: string | null; hids: string[] };
}

const activities = proxyActivities<SyncActivities>(SYNC_RUN_STEP);

type Running = NonNullable<SyncProgress['running']>;

/**
 * sync:<integrationId>, the one writer of an integration's assets: scheduled, manual and event
 * syncs queue here and run one at a time, so two never write the same computer at once. Computers
 * named by events are synced between the batches of a full run (replacing what it had planned for
 * them), so an event lands within seconds even during a long run. Idle for a while, it ends; past
 * a history size, it continues as new with what is queued.
 */
export async function integrationSync(input: IntegrationSyncInput): Promise<void> {
  let full: SyncRequestTrigger | null = input.pending?.full ?? null;
  /** The queued full run's id, decided when it is queued so that "sync now" can answer it. */
  let fullRunId: string | null = input.pending?.fullRunId ?? null;
  /** The run taken from the queue whose record beginSyncRun is still writing: answered as queued until then. */
  let beginningRunId: string | null = null;
  /** Computers named by events or the watcher, waiting for their run. */
  const changed = new ComputerQueue(input.pending?.hids);
  const recordsLastRunState = patched('last-sync-run-state');
  let lastRunState: 'completed' | 'failed' | 'skipped' | undefined;
  const running: Running[] = [];
  let runs = 0;
  let stopping = false;

  /** Queues a full run (a manual request makes the queued one manual), or joins the queued one: its run id. */
  function queueFull(trigger: SyncRequestTrigger): string {
    if (full === null || trigger === 'manual') full = trigger;
    fullRunId ??= uuid4();
    return fullRunId;
  }

  setHandler(requestFullSync, ({ trigger }) => void queueFull(trigger));
  setHandler(queueFullSync, ({ trigger }) => ({ runId: queueFull(trigger) }));
  setHandler(computersChanged, (signal) => changed.add(signal.hids));
  setHandler(stopSync, () => {
    stopping = true;
  });
  setHandler(syncProgress, () => ({ running: running[running.length - 1] ?? null, queued: { full: full !== null, fullRunId, beginningRunId, computers: changed.size }, runsInThisHistory: runs }));

  /** One run, always given a final record: a failure while planning (a Console refusing the login, say) fails the run, not the workflow. */
  async function run(trigger: SyncRequestTrigger, scope: string[] | undefined, supersedes: string | undefined, runId = uuid4()): Promise<void> {
    let progress: Running | undefined;
    try {
      beginningRunId = runId;
      const begun = await activities
        .beginSyncRun({ integrationId: input.integrationId, runId, workflowId: workflowInfo().workflowId, trigger, hids: scope, supersedes })
        .finally(() => (beginningRunId = null));
      runs++;
      if (begun.state === 'skipped') return recordLastRunState('skipped');
      progress = { runId, trigger, scope: scope ? 'computers' : 'full', planned: begun.pending, processed: 0 };
      running.push(progress);
      for (let remaining = begun.pending; remaining > 0 && !stopping; ) {
        const batch = await activities.applySyncBatch({ integrationId: input.integrationId, runId, batchSize: input.batchSize });
        progress.processed += batch.processed;
        remaining = batch.remaining;
        // Computers named meanwhile go first, replacing what this full run planned for them.
        if (!scope && changed.size > 0 && remaining > 0 && !stopping) await run('event', changed.takeAll(), runId);
      }
      const error = stopping ? 'stopped: the integration is being removed' : null;
      await activities.finishSyncRun({ integrationId: input.integrationId, runId, error, stopsIntegration: false });
      recordLastRunState(error ? 'failed' : 'completed');
    } catch (error) {
      await activities.finishSyncRun({
        integrationId: input.integrationId,
        runId,
        error: failureReason(error),
        stopsIntegration: CREDENTIALS_REFUSED.has(activityFailureCause(error)?.type ?? ''),
      });
      recordLastRunState('failed');
    } finally {
      if (progress) running.pop();
    }
  }

  /** The LastSyncRunState search attribute, upserted when it changes (histories from before it have none). */
  function recordLastRunState(state: NonNullable<typeof lastRunState>): void {
    if (!recordsLastRunState || state === lastRunState) return;
    lastRunState = state;
    upsertSearchAttributes([{ key: LAST_SYNC_RUN_STATE, value: state }]);
  }

  while (!stopping) {
    const woke = await condition(() => stopping || full !== null || changed.size > 0, `${input.idleMinutes} minutes`);
    if (!woke || stopping) break;
    if (full !== null) {
      const [trigger, runId] = [full, fullRunId ?? uuid4()];
      full = null;
      fullRunId = null;
      changed.clear();
      await run(trigger, undefined, undefined, runId);
    } else {
      if (input.debounceMs > 0) await sleep(input.debounceMs);
      await run('event', changed.takeAll(), undefined);
    }
    if (workflowInfo().historyLength > input.maxHistoryEvents || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof integrationSync>({ ...input, pending: { full, fullRunId, hids: changed.peek() } });
    }
  }
}
