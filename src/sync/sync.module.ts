import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from '@temporalio/client';
import { SharedConfig } from '../config/app-config';
import { TenantsModule } from '../tenants/tenants.module';
import { ConsoleEventsController } from './console-events.controller';
import { ConsoleEventsService } from './console-events.service';
import { SyncScheduleService } from './sync-schedule.service';
import { SyncSignaller } from './sync-signaller';
import { SyncController } from './sync.controller';
import { SyncService } from './sync.service';

export const syncSignallerProvider = {
  provide: SyncSignaller,
  inject: [Client, ConfigService],
  useFactory: (client: Client, config: ConfigService<SharedConfig, true>) => {
    const temporal = config.get('temporal', { infer: true });
    return new SyncSignaller(client, { taskQueue: temporal.taskQueue, maxHistoryEvents: temporal.historyLimit, batchSize: config.get('halo', { infer: true }).writeBatchSize });
  },
};

@Module({
  imports: [TenantsModule],
  controllers: [SyncController, ConsoleEventsController],
  providers: [SyncService, SyncScheduleService, syncSignallerProvider, ConsoleEventsService],
  exports: [SyncScheduleService],
})
export class SyncModule {}
