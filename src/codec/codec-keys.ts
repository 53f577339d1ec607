import { hkdfSync } from 'node:crypto';
import { CodecConfig } from '../config/codec.config';
import { KeysById, parseSecretKeys } from '../security/key-ring';
import { AesGcmPayloadCodec } from './aes-gcm-payload-codec';

/** HKDF "info": codec keys derived from SECRET_KEYS never equal the keys that seal stored secrets. */
const DERIVATION_INFO = 'halopsa-integration/temporal-payload-codec/v1';

/** The codec's key ring: `TEMPORAL_CODEC_KEYS` as given, or one key derived per `SECRET_KEYS` key (same ids). */
export function codecKeyring(config: CodecConfig): KeysById {
  const keys = parseSecretKeys(config.keys);
  if (config.keySource === 'TEMPORAL_CODEC_KEYS') return keys;
  return Object.fromEntries(Object.entries(keys).map(([keyId, key]) => [keyId, deriveCodecKey(key)]));
}

export function deriveCodecKey(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), DERIVATION_INFO, 32));
}

export function createPayloadCodec(config: CodecConfig): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec({ keys: codecKeyring(config), activeKeyId: config.activeKeyId });
}
