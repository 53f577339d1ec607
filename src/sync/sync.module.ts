import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { ConsoleEventsController } from './console-events.controller';
import { ConsoleEventsService } from './console-events.service';
import { SyncScheduleService } from './sync-schedule.service';
import { SyncController } from './sync.controller';
import { SyncService } from './sync.service';

@Module({
  imports: [TenantsModule],
  controllers: [SyncController, ConsoleEventsController],
  providers: [SyncService, SyncScheduleService, ConsoleEventsService],
  exports: [SyncScheduleService],
})
export class SyncModule {}
