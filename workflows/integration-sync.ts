import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  sleep,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { SyncActivities } from '../activities/sync-activities';
import { computersChanged, requestFullSync, stopSync, SyncProgress, syncProgress, SyncRequestTrigger } from './sync-messages';
import { HEARTBEAT_TIMEOUT } from './heartbeat-timeout';

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
  pending?: { full: SyncRequestTrigger | null; hids: string[] };
}

/**
 * A 429 waits as long as HaloPSA needs (its failure names the delay); other failures, already tried
 * again in place, come back within a minute so a degraded link keeps making progress: 40 attempts
 * keep trying for about 35 minutes before the run fails and the next one takes over.
 */
const activities = proxyActivities<SyncActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 40 },
});

/** Credentials or rights gone, or HaloPSA's address now refused: runs stop, and the integration says why. */
const STOPPING_FAILURES = new Set(['Halo_invalid_client', 'Halo_invalid_scope', 'Halo_bad_tenant', 'Halo_unauthorized', 'Halo_forbidden', 'HaloUrlRefused']);

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
  const hids = new Set(input.pending?.hids ?? []);
  const running: Running[] = [];
  let runs = 0;
  let stopping = false;

  setHandler(requestFullSync, ({ trigger }) => {
    if (full === null || trigger === 'manual') full = trigger;
  });
  setHandler(computersChanged, (signal) => signal.hids.forEach((hid) => hids.add(hid)));
  setHandler(stopSync, () => {
    stopping = true;
  });
  setHandler(syncProgress, () => ({ running: running[running.length - 1] ?? null, queued: { full: full !== null, computers: hids.size }, runsInThisHistory: runs }));

  /** One run, always given a final record: a failure while planning (a Console refusing the login, say) fails the run, not the workflow. */
  async function run(trigger: SyncRequestTrigger, scope: string[] | undefined, supersedes: string | undefined): Promise<void> {
    const runId = uuid4();
    let progress: Running | undefined;
    try {
      const begun = await activities.beginSyncRun({ integrationId: input.integrationId, runId, workflowId: workflowInfo().workflowId, trigger, hids: scope, supersedes });
      runs++;
      if (begun.state === 'skipped') return;
      progress = { runId, trigger, scope: scope ? 'computers' : 'full', planned: begun.pending, processed: 0 };
      running.push(progress);
      for (let remaining = begun.pending; remaining > 0 && !stopping; ) {
        const batch = await activities.applySyncBatch({ integrationId: input.integrationId, runId, batchSize: input.batchSize });
        progress.processed += batch.processed;
        remaining = batch.remaining;
        if (!scope && hids.size > 0 && remaining > 0 && !stopping) await run('event', takeQueuedComputers(), runId);
      }
      const error = stopping ? 'stopped: the integration is being removed' : null;
      await activities.finishSyncRun({ integrationId: input.integrationId, runId, error, stopsIntegration: false });
    } catch (error) {
      const cause = error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause : undefined;
      await activities.finishSyncRun({
        integrationId: input.integrationId,
        runId,
        error: cause?.message ?? String(error),
        stopsIntegration: STOPPING_FAILURES.has(cause?.type ?? ''),
      });
    } finally {
      if (progress) running.pop();
    }
  }

  function takeQueuedComputers(): string[] {
    const taken = [...hids].sort();
    hids.clear();
    return taken;
  }

  while (!stopping) {
    const woke = await condition(() => stopping || full !== null || hids.size > 0, `${input.idleMinutes} minutes`);
    if (!woke || stopping) break;
    if (full !== null) {
      const trigger = full;
      full = null;
      hids.clear();
      await run(trigger, undefined, undefined);
    } else {
      if (input.debounceMs > 0) await sleep(input.debounceMs);
      await run('event', takeQueuedComputers(), undefined);
    }
    if (workflowInfo().historyLength > input.maxHistoryEvents || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof integrationSync>({ ...input, pending: { full, hids: [...hids] } });
    }
  }
}
