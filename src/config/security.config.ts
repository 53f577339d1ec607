import { z } from 'zod';
import { parseSecretKeys, SecretKeyError } from '../security/secret-cipher';
import { EnvReader } from './env-readers';

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

const keySpec = z.string().superRefine((value, context) => {
  try {
    parseSecretKeys(value);
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    context.addIssue({ code: 'custom', message: error.message });
  }
});
const hostList = z
  .string()
  .regex(/^[A-Za-z0-9.:[\]_-]*(,[A-Za-z0-9.:[\]_-]+)*$/, 'must be a comma-separated list of host or host:port')
  .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean));

export function readSecretsConfig(env: EnvReader): SecretsConfig {
  const keys = env.read('SECRET_KEYS', keySpec);
  if (typeof keys !== 'string') return { keys, activeKeyId: '' };
  const keyIds = keys.split(',').map((entry) => entry.split(':')[0].trim());
  const activeKeyId = env.read(
    'SECRET_ACTIVE_KEY_ID',
    z.string().refine((id) => keyIds.includes(id), 'must name one of the keys in SECRET_KEYS'),
    keyIds[keyIds.length - 1],
  );
  return { keys, activeKeyId };
}

export function readHaloPolicyConfig(env: EnvReader): HaloPolicyConfig {
  return { allowedInsecureHosts: env.read('ALLOWED_INSECURE_HOSTS', hostList, '') };
}
