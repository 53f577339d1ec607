import { ApiKeyEntity } from './entities/api-key.entity';
import { AssetTypeMappingEntity } from './entities/asset-type-mapping.entity';
import { CompanyMappingEntity } from './entities/company-mapping.entity';
import { ConsoleEventEntity } from './entities/console-event.entity';
import { ComputerLinkEntity } from './entities/computer-link.entity';
import { ExportItemEntity } from './entities/export-item.entity';
import { ExportRunEntity } from './entities/export-run.entity';
import { HaloInstanceBudgetEntity } from './entities/halo-instance-budget.entity';
import { IntegrationEntity } from './entities/integration.entity';
import { RemovalEntity } from './entities/removal.entity';
import { SyncRunItemEntity } from './entities/sync-run-item.entity';
import { SyncRunEntity } from './entities/sync-run.entity';
import { TenantEntity } from './entities/tenant.entity';

/** Every TypeORM entity, listed explicitly so compiled and test builds load the same set. */
export const ENTITIES = [
  TenantEntity,
  ApiKeyEntity,
  IntegrationEntity,
  CompanyMappingEntity,
  AssetTypeMappingEntity,
  ComputerLinkEntity,
  ExportRunEntity,
  ExportItemEntity,
  SyncRunEntity,
  SyncRunItemEntity,
  ConsoleEventEntity,
  RemovalEntity,
  HaloInstanceBudgetEntity,
];
