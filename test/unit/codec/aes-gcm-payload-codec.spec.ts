import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { ApplicationFailure, defaultPayloadConverter, METADATA_ENCODING_KEY, Payload } from '@temporalio/common';
import { decodeFailure, decodeOptionalFailureToOptionalError, encodeErrorToFailure, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, ENCRYPTION_KEY_ID_METADATA, PayloadDecryptionError } from '../../../src/codec/aes-gcm-payload-codec';
import { createDataConverter } from '../../../src/temporal/data-converter';

const key = (): Buffer => randomBytes(32);
const text = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const fromPayload = (payload: Payload): unknown => defaultPayloadConverter.fromPayload(payload);

describe('AesGcmPayloadCodec', () => {
  const k1 = key();
  const k2 = key();
  const codec = new AesGcmPayloadCodec({ keys: { k1 }, activeKeyId: 'k1' });
  const input = { integrationId: '5f0c2a9e-1111-4a4a-9b9b-0123456789ab', tenantId: 'acme' };

  it('round-trips any payload, hiding its data and its original encoding', async () => {
    const payloads = [toPayload(input), toPayload('plain text'), toPayload(undefined), toPayload(new Uint8Array([1, 2, 3]))];
    const encoded = await codec.encode(payloads);
    for (const payload of encoded) {
      expect(text(payload.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
      expect(text(payload.metadata?.[ENCRYPTION_KEY_ID_METADATA])).toBe('k1');
      expect(Object.keys(payload.metadata ?? {}).sort()).toEqual([ENCRYPTION_KEY_ID_METADATA, METADATA_ENCODING_KEY].sort());
    }
    expect(Buffer.from(encoded[0].data as Uint8Array).toString('latin1')).not.toContain(input.integrationId);
    const decoded = await codec.decode(encoded);
    expect(decoded.map(fromPayload)).toEqual([input, 'plain text', undefined, new Uint8Array([1, 2, 3])]);
  });

  it('uses a fresh IV for every payload', async () => {
    const [a, b] = await codec.encode([toPayload(input), toPayload(input)]);
    expect(Buffer.from(a.data as Uint8Array).equals(Buffer.from(b.data as Uint8Array))).toBe(false);
    expect(Buffer.from(a.data as Uint8Array).subarray(0, 12).equals(Buffer.from(b.data as Uint8Array).subarray(0, 12))).toBe(false);
  });

  it('refuses a payload whose ciphertext, IV or tag was altered', async () => {
    const [encoded] = await codec.encode([toPayload(input)]);
    const data = Buffer.from(encoded.data as Uint8Array);
    for (const index of [0, 12, data.length - 1]) {
      const altered = Buffer.from(data);
      altered[index] ^= 0x01;
      await expect(codec.decode([{ ...encoded, data: altered }])).rejects.toThrow(PayloadDecryptionError);
    }
    await expect(codec.decode([{ ...encoded, data: data.subarray(0, 20) }])).rejects.toThrow(/too short/);
  });

  it('refuses a payload relabelled with another key id (the id is authenticated)', async () => {
    const both = new AesGcmPayloadCodec({ keys: { k1, k2: k1 }, activeKeyId: 'k1' });
    const [encoded] = await both.encode([toPayload(input)]);
    const relabelled = { ...encoded, metadata: { ...encoded.metadata, [ENCRYPTION_KEY_ID_METADATA]: Buffer.from('k2') } };
    await expect(both.decode([relabelled])).rejects.toThrow(/failed authentication under key "k2"/);
  });

  it('names an unknown or missing key id, never data or key material', async () => {
    const [encoded] = await new AesGcmPayloadCodec({ keys: { old: k2 }, activeKeyId: 'old' }).encode([toPayload(input)]);
    const error = await codec.decode([encoded]).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(PayloadDecryptionError);
    expect((error as Error).message).toMatch(/key "old", which is not configured \(configured: k1\)/);
    expect((error as Error).message).not.toContain(k1.toString('base64'));
    const unnamed = { ...encoded, metadata: { [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING) } };
    await expect(codec.decode([unnamed])).rejects.toThrow(/no "encryption-key-id" metadata/);
  });

  it('rotates by adding a key: old payloads still decode, new ones use the active key', async () => {
    const [before] = await codec.encode([toPayload(input)]);
    const rotated = new AesGcmPayloadCodec({ keys: { k1, k2 }, activeKeyId: 'k2' });
    const [after] = await rotated.encode([toPayload(input)]);
    expect(text(after.metadata?.[ENCRYPTION_KEY_ID_METADATA])).toBe('k2');
    expect((await rotated.decode([before, after])).map(fromPayload)).toEqual([input, input]);
    await expect(codec.decode([after])).rejects.toThrow(/key "k2", which is not configured/);
  });

  it('passes payloads it did not encrypt through unchanged (histories from before the codec)', async () => {
    const plain = [toPayload(input), toPayload(null), { metadata: { [METADATA_ENCODING_KEY]: Buffer.from('json/protobuf') }, data: Buffer.from('{}') }];
    const decoded = await codec.decode(plain);
    decoded.forEach((payload, index) => expect(payload).toBe(plain[index]));
  });

  it('refuses bad key rings', () => {
    expect(() => new AesGcmPayloadCodec({ keys: {}, activeKeyId: 'k1' })).toThrow(/at least one key/);
    expect(() => new AesGcmPayloadCodec({ keys: { k1: randomBytes(16) }, activeKeyId: 'k1' })).toThrow(/32 bytes/);
    expect(() => new AesGcmPayloadCodec({ keys: { k1 }, activeKeyId: 'k9' })).toThrow(/not among the configured keys \(k1\)/);
    expect(() => new AesGcmPayloadCodec({ keys: { 'bad id': k1 }, activeKeyId: 'bad id' })).toThrow(/key id is invalid/);
  });

  it('never shows its keys', () => {
    const shown = [JSON.stringify(codec), inspect(codec), String(codec)].join(' ');
    expect(shown).toContain('k1');
    expect(shown).not.toContain(k1.toString('base64'));
    expect(shown).not.toContain(k1.toString('hex'));
  });
});

describe("the product's data converter", () => {
  const codec = new AesGcmPayloadCodec({ keys: { k1: key() }, activeKeyId: 'k1' });
  const converter = loadDataConverter(createDataConverter(codec));

  it('encodes failure messages and stack traces, and decodes them back', async () => {
    const error = ApplicationFailure.nonRetryable('HaloPSA refused integration 5f0c2a9e: invalid_client', 'HaloAuth');
    const failure = await encodeErrorToFailure(converter, error);
    expect(failure.message).toBe('HaloAuth (message encrypted: decode it with the codec endpoint)');
    expect(failure.stackTrace).toBe('');
    expect(JSON.stringify(failure)).not.toContain('5f0c2a9e');
    expect(text(failure.encodedAttributes?.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);

    const decoded = await decodeFailure(converter.payloadCodecs, failure);
    expect(JSON.stringify(fromPayload(decoded.encodedAttributes as Payload))).toContain('invalid_client');
    const back = await decodeOptionalFailureToOptionalError(converter, failure);
    expect(back?.message).toBe('HaloPSA refused integration 5f0c2a9e: invalid_client');
    expect(back).toMatchObject({ type: 'HaloAuth', nonRetryable: true });
  });

  it('loads the failure converter from a workflow-safe module', () => {
    const source = readFileSync(require.resolve('../../../src/temporal/failure-converter'), 'utf8');
    expect(source.match(/from '([^']+)'/g)).toEqual(["from '@temporalio/common'"]);
  });
});
