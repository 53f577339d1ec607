import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExportRunEntity } from '../persistence/entities/export-run.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { MappingsModule } from '../mappings/mappings.module';
import { TenantsModule } from '../tenants/tenants.module';
import { IntegrationStatusService } from './integration-status.service';
import { IntegrationWorkflowsReader } from './integration-workflows';
import { ConnectionService } from './connection.service';
import { IntegrationsController } from './integrations.controller';
import { PermissionCheckService } from './permissions/permission-check.service';
import { RequestBudgetController } from './request-budget/request-budget.controller';

@Module({
  imports: [TypeOrmModule.forFeature([IntegrationEntity, ExportRunEntity]), TenantsModule, MappingsModule],
  controllers: [IntegrationsController, RequestBudgetController],
  providers: [IntegrationStatusService, IntegrationWorkflowsReader, ConnectionService, PermissionCheckService],
})
export class IntegrationsModule {}
