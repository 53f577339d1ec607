import { z } from 'zod';
import { EnvReader } from './env-readers';

export interface HaloConfig {
  /** Assets per HaloPSA POST (exports and syncs): 10,000 computers take 100 writes at 100. */
  writeBatchSize: number;
}

const batchSize = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().min(1, 'must be at least 1').max(500, 'must be at most 500'));

export function readHaloConfig(env: EnvReader): HaloConfig {
  return { writeBatchSize: env.read('HALO_WRITE_BATCH_SIZE', batchSize, '100') };
}
