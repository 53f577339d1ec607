import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { TenantsModule } from '../tenants/tenants.module';
import { ConnectionService } from './connection.service';
import { IntegrationHaloClientFactory } from './integration-halo-client';
import { IntegrationsController } from './integrations.controller';
import { PermissionCheckService } from './permissions/permission-check.service';
import { SetupWorkflowStarter } from './setup-workflow.starter';

@Module({
  imports: [TypeOrmModule.forFeature([IntegrationEntity]), TenantsModule],
  controllers: [IntegrationsController],
  providers: [ConnectionService, PermissionCheckService, IntegrationHaloClientFactory, SetupWorkflowStarter],
})
export class IntegrationsModule {}
