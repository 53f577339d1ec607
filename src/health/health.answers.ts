import { z } from 'zod';
import { HealthReport } from './dependency-status';

const dependency = z.strictObject({ status: z.enum(['up', 'down']), latencyMs: z.number(), error: z.string().optional() });

export const healthAnswer = z.strictObject({ status: z.enum(['ok', 'unavailable']), postgres: dependency, temporal: dependency }) satisfies z.ZodType<HealthReport>;
