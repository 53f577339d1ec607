import { CodecConfig, CodecEndpointConfig, readCodecConfig, readCodecEndpointConfig } from './codec.config';
import { ConfigError } from './config-error';
import { ConnectConfig, readConnectConfig } from './connect.config';
import { DatabaseConfig, readDatabaseConfig } from './database.config';
import { HaloConfig, readHaloConfig } from './halo.config';
import { Env, EnvReader } from './env-readers';
import { HttpConfig, readHttpConfig } from './http.config';
import { LoggingConfig, readLoggingConfig } from './logging.config';
import { OperatorConfig, readOperatorConfig } from './operator.config';
import { PublicUrlConfig, readPublicUrlConfig } from './public-url.config';
import { HaloPolicyConfig, readHaloPolicyConfig, readSecretsConfig, SecretsConfig } from './security.config';
import { readRemovalConfig, RemovalConfig } from './removal.config';
import { readTemporalConfig, TemporalConfig } from './temporal.config';
import { readWorkerConfig, WorkerConfig } from './worker.config';

/** What both processes need. */
export interface SharedConfig {
  database: DatabaseConfig;
  temporal: TemporalConfig;
  logging: LoggingConfig;
  secrets: SecretsConfig;
  haloPolicy: HaloPolicyConfig;
  publicUrl: PublicUrlConfig;
  halo: HaloConfig;
  codec: CodecConfig;
}

export interface ApiConfig extends SharedConfig {
  http: HttpConfig;
  operator: OperatorConfig;
  connect: ConnectConfig;
  removal: RemovalConfig;
  codecEndpoint: CodecEndpointConfig;
}

export interface WorkerProcessConfig extends SharedConfig {
  worker: WorkerConfig;
}

function validated<T>(env: Env, read: (reader: EnvReader) => T): T {
  const reader = new EnvReader(env);
  const config = read(reader);
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

function readShared(r: EnvReader): SharedConfig {
  const shared = {
    database: readDatabaseConfig(r),
    temporal: readTemporalConfig(r),
    logging: readLoggingConfig(r),
    secrets: readSecretsConfig(r),
    haloPolicy: readHaloPolicyConfig(r),
    publicUrl: readPublicUrlConfig(r),
    halo: readHaloConfig(r),
  };
  return { ...shared, codec: readCodecConfig(r, shared.secrets) };
}

export function loadApiConfig(env: Env = process.env): ApiConfig {
  return validated(env, (r) => ({ http: readHttpConfig(r), ...readShared(r), operator: readOperatorConfig(r), connect: readConnectConfig(r), removal: readRemovalConfig(r), codecEndpoint: readCodecEndpointConfig(r) }));
}

export function loadWorkerConfig(env: Env = process.env): WorkerProcessConfig {
  return validated(env, (r) => ({ worker: readWorkerConfig(r), ...readShared(r) }));
}
