import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { TenantsModule } from '../tenants/tenants.module';
import { ConnectionService } from './connection.service';
import { HaloRequestBudget } from './request-budget/halo-request-budget';
import { IntegrationHaloClientFactory } from './integration-halo-client';
import { IntegrationsController } from './integrations.controller';
import { PermissionCheckService } from './permissions/permission-check.service';
import { RequestBudgetController } from './request-budget/request-budget.controller';
import { SetupWorkflowStarter } from './setup-workflow.starter';

@Module({
  imports: [TypeOrmModule.forFeature([IntegrationEntity]), TenantsModule],
  controllers: [IntegrationsController, RequestBudgetController],
  providers: [ConnectionService, PermissionCheckService, IntegrationHaloClientFactory, HaloRequestBudget, SetupWorkflowStarter],
})
export class IntegrationsModule {}
