import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

/**
 * Envelope encryption of stored secrets (HaloPSA client secrets, Console passwords, webhook
 * secrets) with AES-256-GCM.
 *
 * Sealed format, compact and self-describing (every part base64url, no padding):
 *
 *     v1.<keyId>.<iv: 12 bytes>.<tag: 16 bytes>.<ciphertext>
 *
 * - The `context` (e.g. `integration:<uuid>:halo-client-secret`) is the GCM additional
 *   authenticated data: a sealed value copied to another row or another field fails to decrypt,
 *   so a database writer cannot swap one tenant's secret into another's integration.
 * - The key id picks the key on decryption. Rotation: add a new key, make it active; old values
 *   keep decrypting with the old key until they are re-sealed (`needsRotation`), then the old key
 *   can be removed.
 * - The key id in the header is not itself authenticated, but swapping it only selects another
 *   key, under which the tag cannot verify.
 *
 * Keys live in a private field: neither `JSON.stringify`, `util.inspect` nor a logger's
 * serializer can reach them. Errors never carry plaintext or key material.
 */

export const SECRET_FORMAT_VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * Key ids appear in the sealed string, which is dot-separated: letters, digits, `_` and `-`. At most
 * 32 characters, so that a valid id can never be a whole key pasted into the wrong place (a 32-byte
 * key is 43 characters of base64): only valid ids are ever echoed in messages.
 */
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

export type SecretKeyring = Record<string /* keyId */, Buffer /* 32 bytes */>;

export interface SecretCipherOptions {
  keys: SecretKeyring;
  activeKeyId: string;
}

export type SecretDecryptionFailure = 'malformed' | 'unknown_key' | 'authentication_failed';

/** A sealed secret could not be opened. The message names the reason, never the plaintext or a key. */
export class SecretDecryptionError extends Error {
  constructor(
    readonly reason: SecretDecryptionFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SecretDecryptionError';
  }
}

/** A key ring or key spec is unusable (bad length, unknown active key, malformed config string). */
export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

export class SecretCipher {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #activeKeyId: string;

  constructor(options: SecretCipherOptions) {
    const entries = Object.entries(options?.keys ?? {});
    if (entries.length === 0) throw new SecretKeyError('SecretCipher needs at least one key');
    const keys = new Map<string, Buffer>();
    for (const [keyId, key] of entries) {
      if (!KEY_ID_PATTERN.test(keyId)) {
        throw new SecretKeyError(`A secret key id is invalid: use 1-32 letters, digits, "_" or "-"`);
      }
      if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
        const length = Buffer.isBuffer(key) ? `${key.length} bytes` : 'not a Buffer';
        throw new SecretKeyError(`Secret key "${keyId}" must be ${KEY_BYTES} bytes (got ${length})`);
      }
      keys.set(keyId, Buffer.from(key)); // a copy: later changes to the caller's buffer do not leak in
    }
    if (!keys.has(options.activeKeyId)) {
      const named = KEY_ID_PATTERN.test(String(options.activeKeyId)) ? `"${options.activeKeyId}"` : '(not a valid key id)';
      throw new SecretKeyError(`Active secret key id ${named} is not among the configured keys (${[...keys.keys()].join(', ')})`);
    }
    this.#keys = keys;
    this.#activeKeyId = options.activeKeyId;
  }

  get activeKeyId(): string {
    return this.#activeKeyId;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  /** Seals `plaintext` under the active key, bound to `context`. */
  encrypt(plaintext: string, context: string): string {
    if (typeof plaintext !== 'string') throw new TypeError('SecretCipher.encrypt: plaintext must be a string');
    assertContext(context);
    const key = this.#keys.get(this.#activeKeyId) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [SECRET_FORMAT_VERSION, this.#activeKeyId, b64url(iv), b64url(tag), b64url(ciphertext)].join('.');
  }

  /** Opens a value sealed by `encrypt` with the same `context`; throws `SecretDecryptionError` otherwise. */
  decrypt(sealed: string, context: string): string {
    assertContext(context);
    const parts = parseSealed(sealed);
    const key = this.#keys.get(parts.keyId);
    if (!key) {
      throw new SecretDecryptionError(
        'unknown_key',
        `Secret for context "${safeSnippet(context)}" was sealed with key "${parts.keyId}", which is not configured (configured: ${this.keyIds.join(', ')})`,
      );
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(parts.tag);
      return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // Node's own message ("Unsupported state or unable to authenticate data") says nothing useful;
      // ours names what can be wrong, and nothing secret.
      throw new SecretDecryptionError(
        'authentication_failed',
        `Secret for context "${safeSnippet(context)}" failed authentication under key "${parts.keyId}": it was altered, sealed for another context, or sealed with a different key of that id`,
      );
    }
  }

  /** The key id a sealed value names (without decrypting it). Throws `SecretDecryptionError` when malformed. */
  keyIdOf(sealed: string): string {
    return parseSealed(sealed).keyId;
  }

  /** True when `sealed` is not under the active key, i.e. should be re-sealed after a rotation. */
  needsRotation(sealed: string): boolean {
    return this.keyIdOf(sealed) !== this.#activeKeyId;
  }

  toJSON(): { activeKeyId: string; keyIds: string[] } {
    return { activeKeyId: this.#activeKeyId, keyIds: this.keyIds };
  }

  [inspect.custom](): string {
    return `SecretCipher { activeKeyId: '${this.#activeKeyId}', keyIds: [${this.keyIds.map((id) => `'${id}'`).join(', ')}] }`;
  }
}

/**
 * Parses a key ring from configuration: `keyId1:base64key1,keyId2:base64key2` (standard base64 or
 * base64url, each decoding to exactly 32 bytes; whitespace around entries ignored). Generate a key
 * with `openssl rand -base64 32` or `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`.
 * Throws `SecretKeyError` naming the offending entry by position and key id, never its key material.
 *
 * Note: the result is a plain object, so integer-like key ids ("1", "2") enumerate in numeric
 * order, not in spec order. Choose the active key explicitly; do not rely on order.
 */
export function parseSecretKeys(spec: string): SecretKeyring {
  if (typeof spec !== 'string' || spec.trim() === '') {
    throw new SecretKeyError('no secret keys given: expected "keyId:base64key[,keyId:base64key...]"');
  }
  const keys: SecretKeyring = {};
  const entries = spec.split(',');
  entries.forEach((rawEntry, index) => {
    const entry = rawEntry.trim();
    const where = `entry ${index + 1}`;
    if (entry === '') throw new SecretKeyError(`${where} is empty: expected "keyId:base64key", separated by commas`);
    const colon = entry.indexOf(':');
    if (colon < 0) throw new SecretKeyError(`${where} has no ":": expected "keyId:base64key"`);
    const keyId = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    if (!KEY_ID_PATTERN.test(keyId)) {
      // The invalid id is not echoed: it may be key material typed on the wrong side of the ":".
      throw new SecretKeyError(`${where}: the key id before ":" is invalid: use 1-32 letters, digits, "_" or "-"`);
    }
    if (Object.prototype.hasOwnProperty.call(keys, keyId)) throw new SecretKeyError(`${where}: key id "${keyId}" appears twice`);
    if (encoded === '') throw new SecretKeyError(`${where}: key "${keyId}" has no key material after ":"`);
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) {
      throw new SecretKeyError(`${where}: key "${keyId}" is not base64 (use e.g. \`openssl rand -base64 32\`)`);
    }
    const key = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length !== KEY_BYTES) {
      throw new SecretKeyError(`${where}: key "${keyId}" decodes to ${key.length} bytes; it must be ${KEY_BYTES} (use e.g. \`openssl rand -base64 32\`)`);
    }
    keys[keyId] = key;
  });
  return keys;
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function parseSealed(sealed: string): SealedParts {
  const malformed = (what: string): SecretDecryptionError =>
    new SecretDecryptionError('malformed', `Sealed secret is malformed: ${what} (expected "v1.<keyId>.<iv>.<tag>.<ciphertext>")`);
  if (typeof sealed !== 'string') throw malformed('not a string');
  const parts = sealed.trim().split('.');
  if (parts.length !== 5) throw malformed(`${parts.length} dot-separated parts instead of 5`);
  const [version, keyId, iv, tag, ciphertext] = parts;
  // Nothing from the input is echoed: a plaintext passed here by mistake must not reach a log.
  if (version !== SECRET_FORMAT_VERSION) throw malformed(`unknown version (expected "${SECRET_FORMAT_VERSION}")`);
  if (!KEY_ID_PATTERN.test(keyId)) throw malformed('invalid key id');
  const decoded = {
    iv: fromB64url(iv),
    tag: fromB64url(tag),
    ciphertext: fromB64url(ciphertext),
  };
  if (decoded.iv?.length !== IV_BYTES) throw malformed(`the IV must be ${IV_BYTES} bytes of base64url`);
  if (decoded.tag?.length !== TAG_BYTES) throw malformed(`the tag must be ${TAG_BYTES} bytes of base64url`);
  if (decoded.ciphertext === undefined) throw malformed('the ciphertext is not base64url');
  return { keyId, iv: decoded.iv, tag: decoded.tag, ciphertext: decoded.ciphertext };
}

function b64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/** Strict base64url: the alphabet only, and canonical (re-encodes to the same text). */
function fromB64url(text: string): Buffer | undefined {
  if (!BASE64URL_PATTERN.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

function assertContext(context: string): void {
  if (typeof context !== 'string' || context.length === 0) {
    throw new TypeError('SecretCipher: context must be a non-empty string, e.g. "integration:<uuid>:halo-client-secret"');
  }
}

/** Identifiers echoed into messages are shortened, in case a caller passed something long by mistake. */
function safeSnippet(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
