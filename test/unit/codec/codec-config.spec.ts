import { randomBytes } from 'node:crypto';
import { codecKeyring, createPayloadCodec, deriveCodecKey } from '../../../src/codec/codec-keys';
import { loadApiConfig, loadWorkerConfig } from '../../../src/config/app-config';
import { parseSecretKeys } from '../../../src/security/key-ring';
import { problemsOf } from '../../support/config-problems';

const b64 = (): string => randomBytes(32).toString('base64');
const secretKeys = `s1:${b64()},s2:${b64()}`;
const valid = {
  DATABASE_URL: 'postgres://u@db:5432/app',
  TEMPORAL_ADDRESS: 'temporal:7233',
  OPERATOR_TOKEN: 'o'.repeat(32),
  SECRET_KEYS: secretKeys,
  PUBLIC_BASE_URL: 'https://integration.example.com/',
};


describe('payload codec configuration', () => {
  it('uses TEMPORAL_CODEC_KEYS, the last key active unless TEMPORAL_CODEC_ACTIVE_KEY_ID names one', () => {
    const keys = `c1:${b64()},c2:${b64()}`;
    expect(loadWorkerConfig({ ...valid, TEMPORAL_CODEC_KEYS: keys }).codec).toEqual({ keySource: 'TEMPORAL_CODEC_KEYS', keys, activeKeyId: 'c2' });
    expect(loadApiConfig({ ...valid, TEMPORAL_CODEC_KEYS: keys, TEMPORAL_CODEC_ACTIVE_KEY_ID: 'c1' }).codec.activeKeyId).toBe('c1');
    const codec = createPayloadCodec(loadWorkerConfig({ ...valid, TEMPORAL_CODEC_KEYS: keys }).codec);
    expect(codec.keyIds).toEqual(['c1', 'c2']);
    expect(codec.activeKeyId).toBe('c2');
  });

  it('derives its keys from SECRET_KEYS when TEMPORAL_CODEC_KEYS is unset: same ids, never the same bytes', () => {
    const config = loadWorkerConfig({ ...valid, SECRET_ACTIVE_KEY_ID: 's1' }).codec;
    expect(config).toEqual({ keySource: 'SECRET_KEYS', keys: secretKeys, activeKeyId: 's1' });
    const ring = codecKeyring(config);
    const secrets = parseSecretKeys(secretKeys);
    expect(Object.keys(ring)).toEqual(['s1', 's2']);
    expect(ring.s1.equals(secrets.s1)).toBe(false);
    expect(ring.s1.equals(deriveCodecKey(secrets.s1))).toBe(true);
    expect(ring.s1).toHaveLength(32);
  });

  it('names a wrong codec variable', () => {
    expect(problemsOf(() => loadWorkerConfig({ ...valid, TEMPORAL_CODEC_KEYS: 'c1:short' }))).toEqual([expect.stringMatching(/^TEMPORAL_CODEC_KEYS: .*32/)]);
    expect(problemsOf(() => loadWorkerConfig({ ...valid, TEMPORAL_CODEC_KEYS: `c1:${b64()}`, TEMPORAL_CODEC_ACTIVE_KEY_ID: 's1' }))).toEqual([
      'TEMPORAL_CODEC_ACTIVE_KEY_ID: must name one of the keys in TEMPORAL_CODEC_KEYS',
    ]);
    expect(problemsOf(() => loadWorkerConfig({ ...valid, TEMPORAL_CODEC_ACTIVE_KEY_ID: 's1' }))).toEqual([expect.stringMatching(/^TEMPORAL_CODEC_ACTIVE_KEY_ID: applies only with TEMPORAL_CODEC_KEYS/)]);
  });

  it('never echoes key material in its messages', () => {
    const material = b64().slice(0, 20);
    const problems = problemsOf(() => loadWorkerConfig({ ...valid, TEMPORAL_CODEC_KEYS: material }));
    expect(problems.join(' ')).not.toContain(material);
  });

  it('lets the Temporal UI origins call the codec endpoint (TEMPORAL_UI_ORIGIN, the dev UI by default)', () => {
    expect(loadApiConfig(valid).codecEndpoint).toEqual({ uiOrigins: ['http://127.0.0.1:8233'] });
    expect(loadApiConfig({ ...valid, TEMPORAL_UI_ORIGIN: 'https://temporal.example.com/, http://localhost:8080' }).codecEndpoint.uiOrigins).toEqual([
      'https://temporal.example.com',
      'http://localhost:8080',
    ]);
    for (const wrong of ['temporal.example.com', 'https://temporal.example.com/ui', 'ftp://x', '*']) {
      expect(problemsOf(() => loadApiConfig({ ...valid, TEMPORAL_UI_ORIGIN: wrong }))).toEqual([expect.stringMatching(/^TEMPORAL_UI_ORIGIN: must be a comma-separated list of browser origins/)]);
    }
  });
});
