import { EnvReader, postgresUrl } from './env-readers';

export interface DatabaseConfig {
  url: string;
}

export function readDatabaseConfig(env: EnvReader): DatabaseConfig {
  return { url: env.read('DATABASE_URL', postgresUrl) };
}
