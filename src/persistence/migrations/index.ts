import { CreateTenantsAndIntegrations1764220000000 } from './1764220000000-create-tenants-and-integrations';

/** Every migration, in order; append, never edit one that has shipped. */
export const MIGRATIONS = [CreateTenantsAndIntegrations1764220000000];
