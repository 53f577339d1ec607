import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityDependencies } from '../../activities';
import { IntegrationHaloClientFactory } from '../integrations/integration-halo-client';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { WorkerProcessConfig } from '../config/app-config';
import { UrlPolicy } from '../security/url-policy';
import { SyncScheduleService } from '../sync/sync-schedule.service';
import { WorkflowGateway } from './workflow-gateway';
import { TenantConsoleService } from '../tenants/tenant-console.service';

/** Activities' dependencies, taken from the worker's Nest container. */
export function activityDependencies(app: INestApplicationContext, config: WorkerProcessConfig): ActivityDependencies {
  const schedules = app.get(SyncScheduleService);
  return {
    integrations: app.get(getRepositoryToken(IntegrationEntity)),
    haloClients: app.get(IntegrationHaloClientFactory),
    dataSource: app.get(DataSource),
    urlPolicy: app.get(UrlPolicy),
    publicBaseUrl: config.publicUrl.baseUrl,
    consoles: app.get(TenantConsoleService),
    schedules,
    workflows: app.get(WorkflowGateway),
    syncRunRetentionDays: config.worker.syncRunRetentionDays,
    onExportFinished: async (integrationId) => {
      const integration = await app.get(DataSource).manager.findOneBy(IntegrationEntity, { id: integrationId });
      if (integration) await schedules.reconcile(integration);
    },
    now: () => new Date(),
  };
}
