import { z } from 'zod';
import { parseSecretKeys, SecretKeyError } from '../security/key-ring';
import { EnvReader } from './env-readers';

/**
 * A `keyId:base64,…` variable, checked by the key ring's own parser so that the problem names the
 * entry at fault (never its key material). The value stays a string: each process parses it.
 */
export const keyRingSpec = z.string().superRefine((value, context) => {
  if (value === '') return;
  try {
    parseSecretKeys(value);
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    context.addIssue({ code: 'custom', message: error.message });
  }
});

/**
 * The id of the key that encrypts: `activeVariable` when set (it must name a key of
 * `keysVariable`), else the last key listed, so rotation is "append a key". Empty when the keys
 * themselves are wrong (that problem is already reported).
 */
export function readActiveKeyId(env: EnvReader, keysVariable: string, keys: string | undefined, activeVariable: string): string {
  if (typeof keys !== 'string') return '';
  const keyIds = keys.split(',').map((entry) => entry.split(':')[0].trim());
  return env.read(activeVariable, z.string().refine((id) => keyIds.includes(id), `must name one of the keys in ${keysVariable}`), keyIds[keyIds.length - 1]);
}
