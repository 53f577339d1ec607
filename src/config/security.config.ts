import { z } from 'zod';
import { EnvReader } from './env-readers';
import { keyRingSpec, readActiveKeyId } from './key-ring-variables';

export interface SecretsConfig {
  /** `keyId:base64-of-32-bytes` pairs, comma separated (validated here, parsed by the security module). */
  keys: string;
  /** Seals new secrets; defaults to the last key listed, so rotation is "append a key". */
  activeKeyId: string;
}

export interface HaloPolicyConfig {
  /** host or host:port that may use http and private/loopback addresses (the simulators, on-premise test rigs). */
  allowedInsecureHosts: string[];
}

const hostList = z
  .string()
  .regex(/^[A-Za-z0-9.:[\]_-]*(,[A-Za-z0-9.:[\]_-]+)*$/, 'must be a comma-separated list of host or host:port')
  .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean));

export function readSecretsConfig(env: EnvReader): SecretsConfig {
  const keys = env.read('SECRET_KEYS', keyRingSpec);
  return { keys, activeKeyId: readActiveKeyId(env, 'SECRET_KEYS', keys, 'SECRET_ACTIVE_KEY_ID') };
}

export function readHaloPolicyConfig(env: EnvReader): HaloPolicyConfig {
  return { allowedInsecureHosts: env.read('ALLOWED_INSECURE_HOSTS', hostList, '') };
}
