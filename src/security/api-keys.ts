import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * API keys for the integration's own HTTP API.
 *
 * Shape: `hpk_<prefix>_<secret>`: `hpk_` marks the product (secret scanners can match it),
 * `<prefix>` is 8 random characters of [a-z0-9] shown in the UI and logs so an operator can tell
 * keys apart, `<secret>` is 32 random bytes as base64url (43 characters, 256 bits).
 *
 * Only `hash` is stored. It is a plain SHA-256 (hex), not bcrypt/scrypt/argon2, on purpose: slow
 * password hashes exist to make guessing *low-entropy* human passwords expensive. A 256-bit random
 * key cannot be guessed whatever the hash speed, and a fast hash lets every request be verified
 * in microseconds and looked up by an indexed, unique `hash` column (look up by hash, not by
 * prefix: prefixes are for display and are not guaranteed unique).
 */

export const API_KEY_TAG = 'hpk';
const PREFIX_LENGTH = 8;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_BYTES = 32;
const API_KEY_PATTERN = /^hpk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
/** Longer input is rejected before any parsing: a header value is never worth scanning at length. */
const MAX_HEADER_LENGTH = 512;

export interface GeneratedApiKey {
  /** The full key: shown to the user once, never stored. */
  key: string;
  /** Display/lookup hint, e.g. `a1b2c3d4`; not secret. */
  prefix: string;
  /** SHA-256 of `key`, lower-case hex: what the database stores. */
  hash: string;
}

export interface ParsedApiKey {
  key: string;
  prefix: string;
}

export function generateApiKey(): GeneratedApiKey {
  let prefix = '';
  for (let i = 0; i < PREFIX_LENGTH; i++) prefix += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const key = `${API_KEY_TAG}_${prefix}_${secret}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** SHA-256 hex of the whole key (see the module comment for why a fast hash is right here). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Reads an API key from a header value (`Authorization: Bearer hpk_...` or `X-Api-Key: hpk_...`):
 * tolerant of surrounding whitespace and a case-insensitive `Bearer ` scheme; undefined for anything
 * that is not exactly one well-formed key.
 */
export function parseApiKey(headerValue: string | readonly string[] | null | undefined): ParsedApiKey | undefined {
  const value = Array.isArray(headerValue) ? (headerValue.length === 1 ? headerValue[0] : undefined) : headerValue;
  if (typeof value !== 'string' || value.length > MAX_HEADER_LENGTH) return undefined;
  const key = value.trim().replace(/^bearer\s+/i, '').trim();
  const match = API_KEY_PATTERN.exec(key);
  return match ? { key, prefix: match[1] } : undefined;
}

/**
 * Constant-time string equality. Both sides are hashed first, so neither the contents nor the
 * lengths of the inputs affect the time taken (timingSafeEqual itself requires equal lengths).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB);
}

/** True when `key` hashes to `storedHash` (hex, any case), compared in constant time. */
export function verifyApiKey(key: string, storedHash: string): boolean {
  return constantTimeEqual(hashApiKey(key), storedHash.toLowerCase());
}
