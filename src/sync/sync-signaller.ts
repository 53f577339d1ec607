import { Client } from '@temporalio/client';
import { INTEGRATION_ID, TENANT_ID } from '../../workflows/search-attributes';
import type { integrationSync, IntegrationSyncInput } from '../../workflows/integration-sync';
import { computersChanged, requestFullSync, SyncRequestTrigger, syncWorkflowId } from '../../workflows/sync-messages';
import { COORDINATOR_IDLE_MINUTES, EVENT_DEBOUNCE_MS } from './sync-settings';

export interface SyncTarget {
  id: string;
  tenantId: string;
}

/** Reaches an integration's sync workflow, starting it when it is not running (signal-with-start). */
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
      typedSearchAttributes: [
        { key: TENANT_ID, value: integration.tenantId },
        { key: INTEGRATION_ID, value: integration.id },
      ],
      staticSummary: 'Keeps HaloPSA assets in step with the Console: scheduled, manual and event syncs, one at a time',
    };
  }
}
