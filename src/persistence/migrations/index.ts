import { CreateTenantsAndIntegrations1764220000000 } from './1764220000000-create-tenants-and-integrations';
import { CreateMappings1764230000000 } from './1764230000000-create-mappings';
import { CreateSync1764240000000 } from './1764240000000-create-sync';
import { CreateRemovals1764250000000 } from './1764250000000-create-removals';

/** Every migration, in order; append, never edit one that has shipped. */
export const MIGRATIONS = [CreateTenantsAndIntegrations1764220000000, CreateMappings1764230000000, CreateSync1764240000000, CreateRemovals1764250000000];
