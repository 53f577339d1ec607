import { Client, WithStartWorkflowOperation, WorkflowIdConflictPolicy } from '@temporalio/client';
import { syncWorkflowId, watcherWorkflowId } from '../../workflows/workflow-ids';
import { ownerOf, productWorkflowStart } from '../temporal/product-workflow-start';
import type { integrationSync, IntegrationSyncInput } from '../../workflows/integration-sync';
import { computersChanged, queueFullSync, requestFullSync, SyncRequestTrigger, wakeWatcher } from '../../workflows/sync-messages';
import type { watchConsole, WatchConsoleInput } from '../../workflows/watch-console';
import { COORDINATOR_IDLE_MINUTES, EVENT_DEBOUNCE_MS, WATCH_POLLS_PER_HISTORY } from './sync-settings';

export interface SyncTarget {
  id: string;
  tenantId: string;
}

type WatchTarget = SyncTarget & { watchIntervalSeconds: number };

/** Reaches an integration's sync workflow or Console watcher, starting it when it is not running (signal-with-start). */
export class SyncSignaller {
  constructor(
    private readonly client: Client,
    private readonly settings: { taskQueue: string; maxHistoryEvents: number; batchSize: number },
  ) {}

  async requestFull(integration: SyncTarget, trigger: SyncRequestTrigger): Promise<string> {
    const handle = await this.client.workflow.signalWithStart<typeof integrationSync, [{ trigger: SyncRequestTrigger }]>('integrationSync', {
      ...this.startOptions(integration),
      signal: requestFullSync,
      signalArgs: [{ trigger }],
    });
    return handle.workflowId;
  }

  /**
   * Queues a full run (update-with-start) and answers the id it will have. Updates need a worker
   * to answer: when none does within `waitMs` (or the update fails), the request is signalled
   * instead (durable; it joins the same queued run if the update lands later) and the run id is
   * not known yet.
   */
  async queueFull(integration: SyncTarget, trigger: SyncRequestTrigger, waitMs: number): Promise<{ workflowId: string; runId: string | null }> {
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof integrationSync>('integrationSync', {
      ...this.startOptions(integration),
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
    const update = this.client.workflow.executeUpdateWithStart(queueFullSync, { args: [{ trigger }], startWorkflowOperation }).catch(() => null);
    const answered = await Promise.race([update, new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref())]);
    if (answered) return { workflowId: syncWorkflowId(integration.id), runId: answered.runId };
    return { workflowId: await this.requestFull(integration, trigger), runId: null };
  }

  async computersChanged(integration: SyncTarget, hids: string[]): Promise<string> {
    const handle = await this.client.workflow.signalWithStart<typeof integrationSync, [{ hids: string[] }]>('integrationSync', {
      ...this.startOptions(integration),
      signal: computersChanged,
      signalArgs: [{ hids }],
    });
    return handle.workflowId;
  }

  /** Starts the integration's Console watcher, which polls at once; a running one is left to its rhythm. */
  async startWatcher(integration: WatchTarget): Promise<string> {
    const handle = await this.client.workflow.start<typeof watchConsole>('watchConsole', {
      ...this.watcherOptions(integration, true),
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
    return handle.workflowId;
  }

  /** Makes the watcher poll now and take its new interval (settings changed, sync resumed), starting it if need be. */
  async wakeWatcher(integration: WatchTarget): Promise<string> {
    const handle = await this.client.workflow.signalWithStart<typeof watchConsole, []>('watchConsole', {
      ...this.watcherOptions(integration, false),
      signal: wakeWatcher,
      signalArgs: [],
    });
    return handle.workflowId;
  }

  private watcherOptions(integration: WatchTarget, pollAtStart: boolean) {
    const input: WatchConsoleInput = {
      integrationId: integration.id,
      tenantId: integration.tenantId,
      intervalSeconds: integration.watchIntervalSeconds,
      pollsPerHistory: WATCH_POLLS_PER_HISTORY,
      pollAtStart,
    };
    return {
      ...productWorkflowStart(this.settings.taskQueue, ownerOf(integration), 'Reads the Console every interval and hands changed computers to the sync workflow'),
      workflowId: watcherWorkflowId(integration.id),
      args: [input] as [WatchConsoleInput],
    };
  }


  private startOptions(integration: SyncTarget) {
    const input: IntegrationSyncInput = {
      integrationId: integration.id,
      tenantId: integration.tenantId,
      batchSize: this.settings.batchSize,
      idleMinutes: COORDINATOR_IDLE_MINUTES,
      debounceMs: EVENT_DEBOUNCE_MS,
      maxHistoryEvents: this.settings.maxHistoryEvents,
    };
    return {
      ...productWorkflowStart(this.settings.taskQueue, ownerOf(integration), 'Keeps HaloPSA assets in step with the Console: scheduled, manual and event syncs, one at a time'),
      workflowId: syncWorkflowId(integration.id),
      args: [input] as [IntegrationSyncInput],
    };
  }
}
