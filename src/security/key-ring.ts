/** Every key of a ring is an AES-256 key. */
const KEY_BYTES = 32;
/**
 * Key ids travel next to ciphertext (in a sealed secret, in a payload's metadata): letters,
 * digits, `_` and `-`. At most 32 characters, so that a valid id can never be a whole key pasted
 * into the wrong place (a 32-byte key is 43 characters of base64): only valid ids are ever echoed
 * in messages.
 */
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export type KeysById = Record<string /* keyId */, Buffer /* 32 bytes */>;

/** How a ring's messages name its user and its keys, e.g. the "secret cipher" and its "secret key"s. */
export interface KeyRingNames {
  owner: string;
  key: string;
}

/** A key ring or key spec is unusable (bad length, unknown active key, malformed config string). */
export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

export function isKeyId(text: string): boolean {
  return KEY_ID_PATTERN.test(text);
}

/**
 * The keys of one cipher and the one that encrypts: every key is 32 bytes under a valid id, and the
 * active key is among them. Rotation is "add a key and make it active": the others still decrypt.
 * Keys are copied in (later changes to the caller's buffers do not leak in) and kept in a private
 * field: neither `JSON.stringify`, `util.inspect` nor a logger's serializer reaches them, and the
 * ciphers that hold a ring show only `toJSON` and `describe`.
 */
export class KeyRing {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #activeKeyId: string;

  constructor(keys: KeysById, activeKeyId: string, names: KeyRingNames) {
    const entries = Object.entries(keys ?? {});
    if (entries.length === 0) throw new SecretKeyError(`The ${names.owner} needs at least one key`);
    const copies = new Map<string, Buffer>();
    for (const [keyId, key] of entries) {
      if (!isKeyId(keyId)) throw new SecretKeyError(`A ${names.key} id is invalid: use 1-32 letters, digits, "_" or "-"`);
      if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
        const length = Buffer.isBuffer(key) ? `${key.length} bytes` : 'not a Buffer';
        throw new SecretKeyError(`${capitalised(names.key)} "${keyId}" must be ${KEY_BYTES} bytes (got ${length})`);
      }
      copies.set(keyId, Buffer.from(key));
    }
    if (!copies.has(activeKeyId)) {
      const named = isKeyId(String(activeKeyId)) ? `"${activeKeyId}"` : '(not a valid key id)';
      throw new SecretKeyError(`Active ${names.key} id ${named} is not among the configured keys (${[...copies.keys()].join(', ')})`);
    }
    this.#keys = copies;
    this.#activeKeyId = activeKeyId;
  }

  get activeKeyId(): string {
    return this.#activeKeyId;
  }

  get activeKey(): Buffer {
    return this.#keys.get(this.#activeKeyId) as Buffer;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  /** The key of that id, or undefined when it is not configured. */
  keyFor(keyId: string): Buffer | undefined {
    return this.#keys.get(keyId);
  }

  toJSON(): { activeKeyId: string; keyIds: string[] } {
    return { activeKeyId: this.#activeKeyId, keyIds: this.keyIds };
  }

  /** What `util.inspect` shows of a cipher holding this ring: its name, the active key id and the key ids. */
  describe(holder: string): string {
    return `${holder} { activeKeyId: '${this.#activeKeyId}', keyIds: [${this.keyIds.map((id) => `'${id}'`).join(', ')}] }`;
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
export function parseSecretKeys(spec: string): KeysById {
  if (typeof spec !== 'string' || spec.trim() === '') {
    throw new SecretKeyError('no secret keys given: expected "keyId:base64key[,keyId:base64key...]"');
  }
  const keys: KeysById = {};
  const entries = spec.split(',');
  entries.forEach((rawEntry, index) => {
    const entry = rawEntry.trim();
    const where = `entry ${index + 1}`;
    if (entry === '') throw new SecretKeyError(`${where} is empty: expected "keyId:base64key", separated by commas`);
    const colon = entry.indexOf(':');
    if (colon < 0) throw new SecretKeyError(`${where} has no ":": expected "keyId:base64key"`);
    const keyId = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    if (!isKeyId(keyId)) {
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

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
