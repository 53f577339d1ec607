import { DataSource } from 'typeorm';
import { IntegrationEntity } from '../src/persistence/entities/integration.entity';
import { inQuietWindow } from '../src/sync/quiet-window';
import { WorkflowGateway } from '../src/temporal/workflow-gateway';

export interface SyncTriggerDependencies {
  dataSource: DataSource;
  workflows: WorkflowGateway;
  now: () => Date;
}

export function createSyncTriggerActivities(deps: SyncTriggerDependencies) {
  return {
    /**
     * The schedule's tick: a full reconciliation unless the integration's quiet window is on. A
     * schedule that outlived its integration (deleted from the database by hand, a lost removal
     * step) deletes itself instead of starting a sync that would fail every interval.
     */
    async requestScheduledSync(input: { integrationId: string; tenantId: string }): Promise<'requested' | 'quiet-window' | 'integration-gone'> {
      const integration = await deps.dataSource.manager.findOneBy(IntegrationEntity, { id: input.integrationId });
      if (!integration) {
        await deps.workflows.deleteSyncSchedule(input.integrationId);
        return 'integration-gone';
      }
      if (inQuietWindow(integration.syncQuietWindow, deps.now())) return 'quiet-window';
      await deps.workflows.requestFull({ id: input.integrationId, tenantId: input.tenantId }, 'schedule');
      return 'requested';
    },
  };
}

export type SyncTriggerActivities = ReturnType<typeof createSyncTriggerActivities>;
