import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssetTypeMappingEntity } from '../persistence/entities/asset-type-mapping.entity';
import { CompanyMappingEntity } from '../persistence/entities/company-mapping.entity';
import { ComputerLinkEntity } from '../persistence/entities/computer-link.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { IntegrationProgressService } from './integration-progress.service';
import { SyncModule } from '../sync/sync.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AssetTypesController } from './asset-types/asset-types.controller';
import { AssetTypesService } from './asset-types/asset-types.service';
import { CompaniesController } from './companies/companies.controller';
import { CompaniesService } from './companies/companies.service';
import { ComputerCatalogue } from './computers/computer-catalogue';
import { ComputersController } from './computers/computers.controller';
import { ComputersService } from './computers/computers.service';
import { ExportService } from './export/export.service';
import { IntegrationContextService } from './integration-context.service';
import { HaloLookupsController } from './lookups/halo-lookups.controller';
import { HaloLookupsService } from './lookups/halo-lookups.service';

@Module({
  imports: [TypeOrmModule.forFeature([IntegrationEntity, CompanyMappingEntity, AssetTypeMappingEntity, ComputerLinkEntity]), TenantsModule, SyncModule],
  controllers: [CompaniesController, AssetTypesController, ComputersController, HaloLookupsController],
  providers: [IntegrationContextService, CompaniesService, AssetTypesService, ComputerCatalogue, ComputersService, ExportService, IntegrationProgressService, HaloLookupsService],
  exports: [IntegrationProgressService],
})
export class MappingsModule {}
