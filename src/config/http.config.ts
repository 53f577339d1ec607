import { z } from 'zod';
import { EnvReader, port, positiveInt } from './env-readers';

export interface HttpConfig {
  host: string;
  port: number;
  /** How long in-flight requests may take to finish after SIGTERM. */
  shutdownGraceMs: number;
}

export function readHttpConfig(env: EnvReader): HttpConfig {
  return {
    host: env.read('HOST', z.string().min(1), '127.0.0.1'),
    port: env.read('PORT', port, '3000'),
    shutdownGraceMs: env.read('SHUTDOWN_GRACE_MS', positiveInt, '10000'),
  };
}
