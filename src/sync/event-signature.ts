import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureProblem = 'missing headers' | 'stale timestamp' | 'bad signature';

/** Checks `X-Console-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` and the timestamp's age. */
export function checkEventSignature(secret: string, timestamp: string | undefined, signature: string | undefined, rawBody: Buffer, now: Date): SignatureProblem | undefined {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing headers';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return 'stale timestamp';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  const given = Buffer.from(signature.replace(/^sha256=/, ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'bad signature';
}
