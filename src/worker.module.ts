import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Logger } from 'pino';
import { WorkerProcessConfig } from './config/app-config';
import { infrastructureImports } from './infrastructure-imports';
import { IntegrationEntity } from './persistence/entities/integration.entity';
import { TenantEntity } from './persistence/entities/tenant.entity';
import { SyncScheduleService } from './sync/sync-schedule.service';
import { TemporalModule } from './temporal/temporal.module';
import { VendorClientsModule } from './vendor-clients/vendor-clients.module';

/** The worker process: the Nest-built dependencies that activities are made from. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerProcessConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...infrastructureImports(config, logger), TypeOrmModule.forFeature([IntegrationEntity, TenantEntity]), TemporalModule, VendorClientsModule.forRoot({ haloBudgetMaxWaitMs: config.worker.haloBudgetWaitMs })],
      providers: [SyncScheduleService],
    };
  }
}
