import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyGuard } from '../access/api-key.guard';
import { ConsoleRightsGuard } from '../access/console-rights.guard';
import { ConsoleRightsService } from '../access/console-rights.service';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { TenantEntity } from '../persistence/entities/tenant.entity';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

@Module({
  imports: [TypeOrmModule.forFeature([TenantEntity, ApiKeyEntity, IntegrationEntity])],
  controllers: [TenantsController],
  providers: [TenantsService, ConsoleRightsService, ApiKeyGuard, ConsoleRightsGuard],
  exports: [ConsoleRightsService, ApiKeyGuard, ConsoleRightsGuard, TypeOrmModule],
})
export class TenantsModule {}
