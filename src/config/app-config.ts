import { ConfigError } from './config-error';
import { DatabaseConfig, readDatabaseConfig } from './database.config';
import { Env, EnvReader } from './env-readers';
import { HttpConfig, readHttpConfig } from './http.config';
import { LoggingConfig, readLoggingConfig } from './logging.config';
import { readTemporalConfig, TemporalConfig } from './temporal.config';
import { readWorkerConfig, WorkerConfig } from './worker.config';

export interface ApiConfig {
  http: HttpConfig;
  database: DatabaseConfig;
  temporal: TemporalConfig;
  logging: LoggingConfig;
}

export interface WorkerProcessConfig {
  worker: WorkerConfig;
  database: DatabaseConfig;
  temporal: TemporalConfig;
  logging: LoggingConfig;
}

function validated<T>(env: Env, read: (reader: EnvReader) => T): T {
  const reader = new EnvReader(env);
  const config = read(reader);
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

export function loadApiConfig(env: Env = process.env): ApiConfig {
  return validated(env, (r) => ({
    http: readHttpConfig(r),
    database: readDatabaseConfig(r),
    temporal: readTemporalConfig(r),
    logging: readLoggingConfig(r),
  }));
}

export function loadWorkerConfig(env: Env = process.env): WorkerProcessConfig {
  return validated(env, (r) => ({
    worker: readWorkerConfig(r),
    database: readDatabaseConfig(r),
    temporal: readTemporalConfig(r),
    logging: readLoggingConfig(r),
  }));
}
