import { z } from 'zod';
import { EnvReader } from './env-readers';
import { keyRingSpec, readActiveKeyId } from './key-ring-variables';
import { SecretsConfig } from './security.config';

/** The keys of the Temporal payload codec (both processes, and every client that reads histories). */
export interface CodecConfig {
  /**
   * Where the keys come from: `TEMPORAL_CODEC_KEYS`, or, when it is unset, derived from
   * `SECRET_KEYS` (HKDF-SHA256 per key, same key ids), so that payloads are never stored in clear.
   */
  keySource: 'TEMPORAL_CODEC_KEYS' | 'SECRET_KEYS';
  /** `keyId:base64-of-32-bytes` pairs of that source, comma separated (parsed by the codec). */
  keys: string;
  /** Encrypts new payloads; the last key listed unless named. Every listed key still decrypts. */
  activeKeyId: string;
}

/** The API's codec endpoint, which the Temporal UI calls from the operator's browser. */
export interface CodecEndpointConfig {
  /** Browser origins (scheme, host, port) allowed to call `/codec/encode` and `/codec/decode` (CORS). */
  uiOrigins: string[];
}

export const DEFAULT_TEMPORAL_UI_ORIGIN = 'http://127.0.0.1:8233';

const originList = z.string().transform((value, context) => {
  const origins: string[] = [];
  for (const entry of value.split(',').map((item) => item.trim()).filter(Boolean)) {
    const origin = asOrigin(entry);
    if (!origin) {
      context.addIssue({ code: 'custom', message: 'must be a comma-separated list of browser origins such as http://127.0.0.1:8233 (scheme, host and port; no path)' });
      return z.NEVER;
    }
    origins.push(origin);
  }
  return origins;
});

function asOrigin(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return ['http:', 'https:'].includes(url.protocol) && bare ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function readCodecConfig(env: EnvReader, secrets: SecretsConfig): CodecConfig {
  const keys = env.read('TEMPORAL_CODEC_KEYS', keyRingSpec, '');
  if (keys === '') {
    env.read('TEMPORAL_CODEC_ACTIVE_KEY_ID', z.string().max(0, 'applies only with TEMPORAL_CODEC_KEYS (without it the codec follows SECRET_KEYS and SECRET_ACTIVE_KEY_ID)'), '');
    return { keySource: 'SECRET_KEYS', keys: secrets.keys, activeKeyId: secrets.activeKeyId };
  }
  return { keySource: 'TEMPORAL_CODEC_KEYS', keys, activeKeyId: readActiveKeyId(env, 'TEMPORAL_CODEC_KEYS', keys, 'TEMPORAL_CODEC_ACTIVE_KEY_ID') };
}

export function readCodecEndpointConfig(env: EnvReader): CodecEndpointConfig {
  return { uiOrigins: env.read('TEMPORAL_UI_ORIGIN', originList, DEFAULT_TEMPORAL_UI_ORIGIN) };
}
