import { Client, WorkflowIdConflictPolicy } from '@temporalio/client';
import { INTEGRATION_ID, TENANT_ID } from '../../workflows/search-attributes';
import type { integrationSync, IntegrationSyncInput } from '../../workflows/integration-sync';
import { computersChanged, requestFullSync, SyncRequestTrigger, syncWorkflowId, wakeWatcher, watcherWorkflowId } from '../../workflows/sync-messages';
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
      workflowId: watcherWorkflowId(integration.id),
      taskQueue: this.settings.taskQueue,
      args: [input] as [WatchConsoleInput],
      typedSearchAttributes: this.searchAttributes(integration),
      staticSummary: 'Reads the Console every interval and hands changed computers to the sync workflow',
    };
  }

  private searchAttributes(integration: SyncTarget) {
    return [
      { key: TENANT_ID, value: integration.tenantId },
      { key: INTEGRATION_ID, value: integration.id },
    ];
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
      workflowId: syncWorkflowId(integration.id),
      taskQueue: this.settings.taskQueue,
      args: [input] as [IntegrationSyncInput],
      typedSearchAttributes: this.searchAttributes(integration),
      staticSummary: 'Keeps HaloPSA assets in step with the Console: scheduled, manual and event syncs, one at a time',
    };
  }
}
