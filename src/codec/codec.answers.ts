import { z } from 'zod';
import { jsonPayload, JsonPayloads } from './remote-codec-protocol';

export const payloadsAnswer = z.strictObject({ payloads: z.array(jsonPayload) }) satisfies z.ZodType<JsonPayloads>;

export const codecSessionAnswer = z.strictObject({ expiresAt: z.iso.datetime() });
