import { z } from 'zod';
import { EnvReader, hostPort, positiveInt } from './env-readers';

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /** Long-lived workflows continue as new past this many history events (Temporal's limit is 51,200). */
  historyLimit: number;
}

const name = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'may hold letters, digits, ".", "_" and "-" only');

export function readTemporalConfig(env: EnvReader): TemporalConfig {
  return {
    address: env.read('TEMPORAL_ADDRESS', hostPort),
    namespace: env.read('TEMPORAL_NAMESPACE', name, 'default'),
    taskQueue: env.read('TEMPORAL_TASK_QUEUE', name, 'halopsa-integration'),
    historyLimit: env.read('TEMPORAL_HISTORY_LIMIT', positiveInt, '10000'),
  };
}
