import { z } from 'zod';
import { EnvReader } from './env-readers';

export interface PublicUrlConfig {
  /** How HaloPSA users' browsers reach this service (the "Connect to computer" button points here). */
  baseUrl: string;
}

const httpUrl = z
  .string()
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));

export function readPublicUrlConfig(env: EnvReader): PublicUrlConfig {
  return { baseUrl: env.read('PUBLIC_BASE_URL', httpUrl) };
}
