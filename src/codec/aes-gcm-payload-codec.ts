import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { METADATA_ENCODING_KEY, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { isKeyId, KeyRing, KeysById } from '../security/key-ring';

/** The `encoding` metadata of a payload this codec encrypted (the name Temporal's samples use). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata naming the key a payload was encrypted with. */
export const ENCRYPTION_KEY_ID_METADATA = 'encryption-key-id';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface AesGcmPayloadCodecOptions {
  keys: KeysById;
  activeKeyId: string;
}

/** A payload could not be decrypted. The message names the reason and the key id, never data or key material. */
export class PayloadDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadDecryptionError';
  }
}

/**
 * Temporal payload codec: AES-256-GCM over the whole serialised payload (its data and its
 * metadata, so the original encoding is hidden too), following Temporal's `encryption` sample.
 *
 * Encrypted payload: metadata `encoding: binary/encrypted` and `encryption-key-id: <keyId>`;
 * data `iv (12 random bytes) ‖ ciphertext ‖ GCM tag (16 bytes)`. The key id is the GCM additional
 * authenticated data, so a payload relabelled with another key id fails instead of decrypting.
 *
 * - Encodes with the active key; decodes with whichever configured key the payload names, so a
 *   rotation is "add a key and make it active": old histories keep decoding.
 * - Decoding passes payloads without the encrypted encoding through unchanged: histories recorded
 *   before the codec was switched on still replay and still read.
 * - A payload that names an unknown key, or fails authentication, throws `PayloadDecryptionError`:
 *   never silently garbage.
 *
 * The keys live in a `KeyRing` in a private field: neither `JSON.stringify`, `util.inspect` nor a
 * logger reaches them.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  readonly #ring: KeyRing;

  constructor(options: AesGcmPayloadCodecOptions) {
    this.#ring = new KeyRing(options.keys, options.activeKeyId, { owner: 'payload codec', key: 'payload codec key' });
  }

  get activeKeyId(): string {
    return this.#ring.activeKeyId;
  }

  get keyIds(): string[] {
    return this.#ring.keyIds;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? this.decrypt(payload) : payload));
  }

  private encrypt(payload: Payload): Payload {
    const keyId = this.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#ring.activeKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(keyId, 'utf8'));
    const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING, 'utf8'),
        [ENCRYPTION_KEY_ID_METADATA]: Buffer.from(keyId, 'utf8'),
      },
      data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    const keyIdBytes = payload.metadata?.[ENCRYPTION_KEY_ID_METADATA];
    if (!keyIdBytes) throw new PayloadDecryptionError(`An encrypted payload has no "${ENCRYPTION_KEY_ID_METADATA}" metadata`);
    const keyId = Buffer.from(keyIdBytes).toString('utf8');
    if (!isKeyId(keyId)) throw new PayloadDecryptionError('An encrypted payload names an invalid key id');
    const key = this.#ring.keyFor(keyId);
    if (!key) {
      throw new PayloadDecryptionError(`A payload was encrypted with key "${keyId}", which is not configured (configured: ${this.keyIds.join(', ')}); add it back to the codec keys`);
    }
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptionError(`An encrypted payload (key "${keyId}") is too short to hold an IV and a tag`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(keyId, 'utf8'));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plaintext = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plaintext);
    } catch {
      throw new PayloadDecryptionError(`An encrypted payload failed authentication under key "${keyId}": it was altered, or encrypted with a different key of that id`);
    }
  }

  toJSON(): { activeKeyId: string; keyIds: string[] } {
    return this.#ring.toJSON();
  }

  [inspect.custom](): string {
    return this.#ring.describe('AesGcmPayloadCodec');
  }
}

/** True when the payload carries this codec's encoding. */
export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
  return encoding !== undefined && encoding !== null && Buffer.from(encoding).toString('utf8') === ENCRYPTED_ENCODING;
}
