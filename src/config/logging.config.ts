import { EnvReader, logLevel } from './env-readers';

export interface LoggingConfig {
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export function readLoggingConfig(env: EnvReader): LoggingConfig {
  return { level: env.read('LOG_LEVEL', logLevel, 'info') };
}
