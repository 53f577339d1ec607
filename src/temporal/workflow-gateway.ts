import {
  Client,
  ScheduleNotFoundError,
  ScheduleOptions,
  ScheduleOverlapPolicy,
  WithStartWorkflowOperation,
  WorkflowHandle,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type { exportComputers } from '../../workflows/export-computers';
import type { integrationSync, IntegrationSyncInput } from '../../workflows/integration-sync';
import { ManualAction, RemovalState, removalState, resolveManualAction, retryManualAction } from '../../workflows/removal-messages';
import type { removeIntegration } from '../../workflows/remove-integration';
import type { scheduledSync } from '../../workflows/scheduled-sync';
import type { setupIntegration } from '../../workflows/setup-integration';
import { computersChanged, queueFullSync, requestFullSync, stopSync, SyncProgress, syncProgress, SyncRequestTrigger, wakeWatcher } from '../../workflows/sync-messages';
import type { watchConsole, WatchConsoleInput } from '../../workflows/watch-console';
import { INTEGRATION_ID, TENANT_ID } from '../../workflows/search-attributes';
import { exportWorkflowId, removalWorkflowId, setupWorkflowId, syncScheduleId, syncTriggerWorkflowId, syncWorkflowId, watcherWorkflowId } from '../../workflows/workflow-ids';
import { COORDINATOR_IDLE_MINUTES, EVENT_DEBOUNCE_MS, WATCH_POLLS_PER_HISTORY } from '../sync/sync-settings';
import { withinTimeout } from './within-timeout';

export interface SyncTarget {
  id: string;
  tenantId: string;
}

type WatchTarget = SyncTarget & { watchIntervalSeconds: number };

type ScheduleTarget = SyncTarget & { syncIntervalMinutes: number; syncPaused: boolean };

export interface WorkflowGatewaySettings {
  taskQueue: string;
  maxHistoryEvents: number;
  batchSize: number;
}

/**
 * Every start, signal, update, query and schedule of the product's workflows, for the API and the
 * worker alike: what each is started with (task queue, search attributes, summary, id policy) is
 * decided here and nowhere else. The sync workflow and the watcher are reached with
 * signal- or update-with-start, so a request also starts one that is not running.
 */
export class WorkflowGateway {
  constructor(
    private readonly client: Client,
    private readonly settings: WorkflowGatewaySettings,
  ) {}

  /** setup:<id>; a run already going (an earlier edit) is replaced by the new one. */
  async startSetup(integration: SyncTarget): Promise<{ workflowId: string; runId: string }> {
    const handle = await this.client.workflow.start<typeof setupIntegration>('setupIntegration', {
      ...this.started(integration, 'Set up the HaloPSA integration: credentials, permissions, custom field, Connect button'),
      workflowId: setupWorkflowId(integration.id),
      args: [{ integrationId: integration.id, tenantId: integration.tenantId }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.TERMINATE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
    return { workflowId: handle.workflowId, runId: handle.firstExecutionRunId };
  }

  /** export:<exportRunId>, writing `count` computers. */
  startExport(integration: SyncTarget, exportRunId: string, count: number): Promise<WorkflowHandle<typeof exportComputers>> {
    return this.client.workflow.start<typeof exportComputers>('exportComputers', {
      ...this.started(integration, `Export ${count} computers to HaloPSA as assets`),
      workflowId: exportWorkflowId(exportRunId),
      args: [{ integrationId: integration.id, tenantId: integration.tenantId, exportRunId, batchSize: this.settings.batchSize }],
    });
  }

  /** remove:<id>; asking again while it runs reaches the same removal. */
  async startRemoval(integration: SyncTarget, removalId: string, manualActionWaitSeconds: number): Promise<string> {
    const handle = await this.client.workflow.start<typeof removeIntegration>('removeIntegration', {
      ...this.started(integration, 'Remove the HaloPSA integration: schedule, button, custom fields, credentials; assets stay'),
      workflowId: removalWorkflowId(integration.id),
      args: [{ integrationId: integration.id, tenantId: integration.tenantId, removalId, manualActionWaitSeconds }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
    return handle.workflowId;
  }

  /** Retries a removal's manual action, or records it done by hand (the workflow's validator refuses unknown ones). */
  settleManualAction(removalWorkflow: string, how: 'retry' | 'resolve', actionId: string): Promise<ManualAction> {
    return this.client.workflow.getHandle(removalWorkflow).executeUpdate(how === 'retry' ? retryManualAction : resolveManualAction, { args: [actionId] });
  }

  /** A running removal's live state; null when it cannot be asked. */
  removalState(removalWorkflow: string): Promise<RemovalState | null> {
    return this.client.workflow.getHandle(removalWorkflow).query(removalState).catch(() => null);
  }

  /** The sync workflow's live progress; null when it is not running. */
  async syncProgress(integrationId: string): Promise<SyncProgress | null> {
    try {
      return await this.client.workflow.getHandle(syncWorkflowId(integrationId)).query(syncProgress);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  /** Asks the sync workflow to stop after its current batch: its handle, to watch it end; null when none runs. */
  async stopSync(integrationId: string): Promise<WorkflowHandle | null> {
    const handle = this.client.workflow.getHandle(syncWorkflowId(integrationId));
    try {
      await handle.signal(stopSync);
      return handle;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  /** Creates the integration's sync schedule, or brings its interval and pause up to date. */
  async upsertSyncSchedule(integration: ScheduleTarget): Promise<void> {
    const options = this.scheduleOptions(integration);
    try {
      await this.client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, state: { ...previous.state, paused: integration.syncPaused } }));
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
      await this.client.schedule.create(options);
    }
  }

  /** Deletes the integration's schedule, if there is one. */
  async deleteSyncSchedule(integrationId: string): Promise<void> {
    await this.client.schedule
      .getHandle(syncScheduleId(integrationId))
      .delete()
      .catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
  }

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
    const answered = await withinTimeout(this.client.workflow.executeUpdateWithStart(queueFullSync, { args: [{ trigger }], startWorkflowOperation }), waitMs).catch(() => null);
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

  /** What every product workflow starts with: the task queue, the search attributes operators find it by, a one-line summary for the UI. */
  private started(integration: SyncTarget, summary: string) {
    return { taskQueue: this.settings.taskQueue, typedSearchAttributes: searchAttributesOf(integration), staticSummary: summary };
  }

  /**
   * Overlap SKIP: a tick while the previous trigger still runs is dropped (the sync workflow queues
   * and merges requests anyway). Catch-up window 1 minute: after downtime the missed ticks are not
   * replayed one by one; the next tick reconciles everything.
   */
  private scheduleOptions(integration: ScheduleTarget): ScheduleOptions {
    return {
      scheduleId: syncScheduleId(integration.id),
      spec: { intervals: [{ every: `${integration.syncIntervalMinutes}m` }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'scheduledSync',
        workflowId: syncTriggerWorkflowId(integration.id),
        taskQueue: this.settings.taskQueue,
        args: [{ integrationId: integration.id, tenantId: integration.tenantId }] as Parameters<typeof scheduledSync>,
        typedSearchAttributes: searchAttributesOf(integration),
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
      state: { paused: integration.syncPaused, note: 'Full reconciliation of the HaloPSA integration' },
      typedSearchAttributes: searchAttributesOf(integration),
    };
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
      ...this.started(integration, 'Reads the Console every interval and hands changed computers to the sync workflow'),
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
      ...this.started(integration, 'Keeps HaloPSA assets in step with the Console: scheduled, manual and event syncs, one at a time'),
      workflowId: syncWorkflowId(integration.id),
      args: [input] as [IntegrationSyncInput],
    };
  }
}

/** TenantId and IntegrationId: how operators find an integration's workflows and schedule. */
function searchAttributesOf(integration: SyncTarget) {
  return [
    { key: TENANT_ID, value: integration.tenantId },
    { key: INTEGRATION_ID, value: integration.id },
  ];
}
