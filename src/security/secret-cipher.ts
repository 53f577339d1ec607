import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { isKeyId, KeyRing, KeysById } from './key-ring';

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
 * The keys live in a `KeyRing` in a private field: neither `JSON.stringify`, `util.inspect` nor a
 * logger's serializer can reach them. Errors never carry plaintext or key material.
 */

export const SECRET_FORMAT_VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

export interface SecretCipherOptions {
  keys: KeysById;
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

export class SecretCipher {
  readonly #ring: KeyRing;

  constructor(options: SecretCipherOptions) {
    this.#ring = new KeyRing(options?.keys, options?.activeKeyId, { owner: 'secret cipher', key: 'secret key' });
  }

  get activeKeyId(): string {
    return this.#ring.activeKeyId;
  }

  get keyIds(): string[] {
    return this.#ring.keyIds;
  }

  /** Seals `plaintext` under the active key, bound to `context`. */
  encrypt(plaintext: string, context: string): string {
    if (typeof plaintext !== 'string') throw new TypeError('SecretCipher.encrypt: plaintext must be a string');
    assertContext(context);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#ring.activeKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [SECRET_FORMAT_VERSION, this.activeKeyId, b64url(iv), b64url(tag), b64url(ciphertext)].join('.');
  }

  /** Opens a value sealed by `encrypt` with the same `context`; throws `SecretDecryptionError` otherwise. */
  decrypt(sealed: string, context: string): string {
    assertContext(context);
    const parts = parseSealed(sealed);
    const key = this.#ring.keyFor(parts.keyId);
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
    return this.keyIdOf(sealed) !== this.activeKeyId;
  }

  toJSON(): { activeKeyId: string; keyIds: string[] } {
    return this.#ring.toJSON();
  }

  [inspect.custom](): string {
    return this.#ring.describe('SecretCipher');
  }
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
  if (!isKeyId(keyId)) throw malformed('invalid key id');
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
