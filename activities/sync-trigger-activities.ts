import { DataSource } from 'typeorm';
import { IntegrationEntity } from '../src/persistence/entities/integration.entity';
import { inQuietWindow } from '../src/sync/quiet-window';
import { SyncSignaller } from '../src/sync/sync-signaller';

export interface SyncTriggerDependencies {
  dataSource: DataSource;
  syncSignaller: SyncSignaller;
  now: () => Date;
}

export function createSyncTriggerActivities(deps: SyncTriggerDependencies) {
  return {
    /** The schedule's tick: a full reconciliation unless the integration's quiet window is on. */
    async requestScheduledSync(input: { integrationId: string; tenantId: string }): Promise<'requested' | 'quiet-window'> {
      const integration = await deps.dataSource.manager.findOneBy(IntegrationEntity, { id: input.integrationId });
      if (integration && inQuietWindow(integration.syncQuietWindow, deps.now())) return 'quiet-window';
      await deps.syncSignaller.requestFull({ id: input.integrationId, tenantId: input.tenantId }, 'schedule');
      return 'requested';
    },
  };
}

export type SyncTriggerActivities = ReturnType<typeof createSyncTriggerActivities>;
