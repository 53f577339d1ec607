import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Logger } from 'pino';
import { WorkerProcessConfig } from './config/app-config';
import { infrastructureImports } from './infrastructure-imports';
import { IntegrationHaloClientFactory } from './integrations/integration-halo-client';
import { IntegrationEntity } from './persistence/entities/integration.entity';
import { TenantEntity } from './persistence/entities/tenant.entity';
import { SyncScheduleService } from './sync/sync-schedule.service';
import { syncSignallerProvider } from './sync/sync.module';
import { TemporalModule } from './temporal/temporal.module';
import { TenantConsoleService } from './tenants/tenant-console.service';

/** The worker process: the Nest-built dependencies that activities are made from. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerProcessConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...infrastructureImports(config, logger), TypeOrmModule.forFeature([IntegrationEntity, TenantEntity]), TemporalModule],
      providers: [IntegrationHaloClientFactory, TenantConsoleService, SyncScheduleService, syncSignallerProvider],
    };
  }
}
