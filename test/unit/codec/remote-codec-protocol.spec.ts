import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from '../../../src/codec/aes-gcm-payload-codec';
import { convertPayloadsJson, fromJsonPayload, parsePayloadsJson, RemoteCodecRequestError, toJsonPayload } from '../../../src/codec/remote-codec-protocol';

describe("Temporal's remote codec protocol (Payloads as proto3 JSON)", () => {
  const codec = new AesGcmPayloadCodec({ keys: { k1: randomBytes(32) }, activeKeyId: 'k1' });
  const json = toJsonPayload(defaultPayloadConverter.toPayload({ integrationId: 'abc' }));

  it('converts payloads to and from base64 JSON', () => {
    expect(json).toEqual({ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('{"integrationId":"abc"}').toString('base64') });
    expect(defaultPayloadConverter.fromPayload(fromJsonPayload(json))).toEqual({ integrationId: 'abc' });
    expect(fromJsonPayload({})).toEqual({ metadata: {}, data: Buffer.alloc(0) });
  });

  it('encodes then decodes through the JSON bodies', async () => {
    const encoded = await convertPayloadsJson(codec, 'encode', { payloads: [json] });
    expect(Buffer.from(encoded.payloads[0].metadata?.encoding ?? '', 'base64').toString()).toBe('binary/encrypted');
    expect(await convertPayloadsJson(codec, 'decode', encoded)).toEqual({ payloads: [json] });
  });

  it('answers payloads it does not decode exactly as they came, unknown fields included', async () => {
    const foreign = { ...json, externalPayloads: [{ sizeBytes: '12' }] };
    const decoded = await convertPayloadsJson(codec, 'decode', { payloads: [foreign] });
    expect(decoded.payloads[0]).toEqual(foreign);
  });

  it('reads {} as no payloads, as proto3 JSON writes an empty list (the CLI, for a signal without arguments)', async () => {
    expect(await convertPayloadsJson(codec, 'decode', {})).toEqual({ payloads: [] });
  });

  it.each([
    ['no body', undefined],
    ['an empty list instead of an object', []],
    ['payloads not a list', { payloads: 'x' }],
    ['data not base64', { payloads: [{ data: 'not base64!' }] }],
    ['metadata not base64', { payloads: [{ metadata: { encoding: '%%' } }] }],
    ['too many payloads', { payloads: Array.from({ length: 1_001 }, () => json) }],
  ])('refuses a body with %s', (_, body) => {
    expect(() => parsePayloadsJson(body)).toThrow(RemoteCodecRequestError);
  });
});
