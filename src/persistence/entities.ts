import { ApiKeyEntity } from './entities/api-key.entity';
import { IntegrationEntity } from './entities/integration.entity';
import { TenantEntity } from './entities/tenant.entity';

/** Every TypeORM entity, listed explicitly so compiled and test builds load the same set. */
export const ENTITIES = [TenantEntity, ApiKeyEntity, IntegrationEntity];
