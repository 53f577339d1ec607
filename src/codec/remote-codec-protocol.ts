import { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';

/**
 * Temporal's remote codec protocol (what the Temporal UI and `temporal --codec-endpoint` send to
 * `<endpoint>/encode` and `<endpoint>/decode`): a `Payloads` protobuf as proto3 JSON, i.e.
 * `{ "payloads": [{ "metadata": { "<key>": "<base64>" }, "data": "<base64>" }] }`.
 */
export interface JsonPayload {
  metadata?: Record<string, string> | null;
  data?: string | null;
  [field: string]: unknown;
}

export interface JsonPayloads {
  payloads: JsonPayload[];
}

/** The request is not a `Payloads` JSON (answered 400, as the protocol says). */
export class RemoteCodecRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteCodecRequestError';
  }
}

const MAX_PAYLOADS = 1_000;
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
export const jsonPayload = z.looseObject({
  metadata: z.record(z.string(), base64).nullish(),
  data: base64.nullish(),
});
const jsonPayloads = z.preprocess(
  // proto3 JSON leaves an empty list out: `{}` is no payloads (the CLI sends it for a signal without arguments).
  (body) => (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0 ? { payloads: [] } : body),
  z.looseObject({ payloads: z.array(jsonPayload).max(MAX_PAYLOADS) }),
);

export function parsePayloadsJson(body: unknown): JsonPayloads {
  const parsed = jsonPayloads.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw new RemoteCodecRequestError(`Expected a Payloads JSON body {"payloads": [{"metadata": {...base64}, "data": "<base64>"}]}: ${problems.slice(0, 5).join('; ')}`);
  }
  return parsed.data as JsonPayloads;
}

export function fromJsonPayload(json: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(json.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
    data: Buffer.from(json.data ?? '', 'base64'),
  };
}

export function toJsonPayload(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
    data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
  };
}

/**
 * Runs the codec over a protocol body. Payloads the codec hands back untouched (on decode: those it
 * did not encrypt) are answered exactly as they came, with any fields this service does not know.
 */
export async function convertPayloadsJson(codec: PayloadCodec, direction: 'encode' | 'decode', body: unknown): Promise<JsonPayloads> {
  const request = parsePayloadsJson(body);
  const payloads = request.payloads.map(fromJsonPayload);
  const converted = direction === 'encode' ? await codec.encode(payloads) : await codec.decode(payloads);
  return { payloads: converted.map((payload, index) => (payload === payloads[index] ? request.payloads[index] : toJsonPayload(payload))) };
}
