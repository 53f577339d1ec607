import { z } from 'zod';
import { EnvReader } from './env-readers';

export interface HaloConfig {
  /** Assets per HaloPSA POST (exports and syncs): 10,000 computers take 100 writes at 100. */
  writeBatchSize: number;
  /** The share of a HaloPSA instance's rate limit the product keeps to, where none was set for the instance. */
  defaultRequestBudget: { requestsPerWindow: number; windowSeconds: number };
}

const batchSize = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().min(1, 'must be at least 1').max(500, 'must be at most 500'));

const requestBudget = z
  .string()
  .regex(/^\d+\/\d+$/, 'must be <requests>/<seconds>, e.g. 240/300')
  .transform((text) => text.split('/').map(Number))
  .refine(([requests, seconds]) => requests >= 1 && seconds >= 1 && seconds <= 3600, 'needs at least 1 request, and a window of 1 to 3600 seconds')
  .transform(([requestsPerWindow, windowSeconds]) => ({ requestsPerWindow, windowSeconds }));

export function readHaloConfig(env: EnvReader): HaloConfig {
  return {
    writeBatchSize: env.read('HALO_WRITE_BATCH_SIZE', batchSize, '100'),
    defaultRequestBudget: env.read('HALO_REQUEST_BUDGET', requestBudget, '240/300'),
  };
}
