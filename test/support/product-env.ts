import { randomBytes } from 'node:crypto';
import { DataConverter } from '@temporalio/common';
import { createPayloadCodec } from '../../src/codec/codec-keys';
import { createDataConverter } from '../../src/temporal/data-converter';

/** Fresh secrets for a product process under test: nothing fixed, nothing shared between runs. */
export function productSecretsEnv(publicBaseUrl = 'http://127.0.0.1:3000'): { OPERATOR_TOKEN: string; SECRET_KEYS: string; TEMPORAL_CODEC_KEYS: string; PUBLIC_BASE_URL: string } {
  return {
    OPERATOR_TOKEN: randomBytes(32).toString('base64url'),
    SECRET_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    TEMPORAL_CODEC_KEYS: `c1:${randomBytes(32).toString('base64')}`,
    PUBLIC_BASE_URL: publicBaseUrl,
  };
}

/** The data converter the product's processes use with these codec keys, for test clients that read payloads. */
export function productDataConverter(env: { TEMPORAL_CODEC_KEYS: string; TEMPORAL_CODEC_ACTIVE_KEY_ID?: string }): DataConverter {
  const keyIds = env.TEMPORAL_CODEC_KEYS.split(',').map((entry) => entry.split(':')[0].trim());
  return createDataConverter(
    createPayloadCodec({ keySource: 'TEMPORAL_CODEC_KEYS', keys: env.TEMPORAL_CODEC_KEYS, activeKeyId: env.TEMPORAL_CODEC_ACTIVE_KEY_ID ?? keyIds[keyIds.length - 1] }),
  );
}
