import { z } from 'zod';
import { EnvReader } from './env-readers';

export interface OperatorConfig {
  /** Bearer token of the service's operators (tenant creation). */
  token: string;
}

export function readOperatorConfig(env: EnvReader): OperatorConfig {
  return { token: env.read('OPERATOR_TOKEN', z.string().min(32, 'must be at least 32 characters')) };
}
