import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { SecretKeyError } from '../../../src/security/key-ring';
import { SecretCipher, SecretDecryptionError } from '../../../src/security/secret-cipher';

const CONTEXT = 'integration:5f0c6a1e-93a4-4b8e-9a51-0d0b8f3c2e11:halo-client-secret';
const PLAINTEXT = 'halo-client-secret-Üñí©ødé-🔐';

function key(): Buffer {
  return randomBytes(32);
}

/** Flips one bit of the base64url part at `index` of a sealed value, keeping it well-formed. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index], 'base64url');
  bytes[0] ^= 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('SecretCipher', () => {
  const k1 = key();
  const sut = new SecretCipher({ keys: { k1 }, activeKeyId: 'k1' });

  it('round-trips a secret, with a fresh IV each time', () => {
    const a = sut.encrypt(PLAINTEXT, CONTEXT);
    const b = sut.encrypt(PLAINTEXT, CONTEXT);
    expect(a).not.toBe(b);
    expect(sut.decrypt(a, CONTEXT)).toBe(PLAINTEXT);
    expect(sut.decrypt(b, CONTEXT)).toBe(PLAINTEXT);
  });

  it('round-trips the empty string', () => {
    expect(sut.decrypt(sut.encrypt('', CONTEXT), CONTEXT)).toBe('');
  });

  it('produces v1.<keyId>.<iv>.<tag>.<ciphertext> in base64url, without the plaintext', () => {
    const sealed = sut.encrypt(PLAINTEXT, CONTEXT);
    const parts = sealed.split('.');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('v1');
    expect(parts[1]).toBe('k1');
    for (const part of parts.slice(2)) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(parts[2], 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[3], 'base64url')).toHaveLength(16);
    expect(sealed).not.toContain('halo-client-secret-');
    expect(sut.keyIdOf(sealed)).toBe('k1');
  });

  it.each([
    ['the IV', 2],
    ['the tag', 3],
    ['the ciphertext', 4],
  ])('refuses a value whose %s was altered', (_name, index) => {
    const sealed = tamper(sut.encrypt(PLAINTEXT, CONTEXT), index);
    const error = captureError(() => sut.decrypt(sealed, CONTEXT));
    expect(error).toBeInstanceOf(SecretDecryptionError);
    expect((error as SecretDecryptionError).reason).toBe('authentication_failed');
    expect(error.message).not.toContain(PLAINTEXT);
  });

  it('refuses a value moved to another context', () => {
    const sealed = sut.encrypt(PLAINTEXT, CONTEXT);
    const error = captureError(() => sut.decrypt(sealed, 'integration:other:halo-client-secret'));
    expect(error).toBeInstanceOf(SecretDecryptionError);
    expect((error as SecretDecryptionError).reason).toBe('authentication_failed');
  });

  it('refuses a value sealed under a different key with the same id', () => {
    const other = new SecretCipher({ keys: { k1: key() }, activeKeyId: 'k1' });
    expect(() => other.decrypt(sut.encrypt(PLAINTEXT, CONTEXT), CONTEXT)).toThrow(SecretDecryptionError);
  });

  it('refuses a value whose key id was switched to another configured key', () => {
    const two = new SecretCipher({ keys: { k1, k2: key() }, activeKeyId: 'k1' });
    const sealed = two.encrypt(PLAINTEXT, CONTEXT).replace(/^v1\.k1\./, 'v1.k2.');
    expect(() => two.decrypt(sealed, CONTEXT)).toThrow(SecretDecryptionError);
  });

  it('refuses a truncated tag even when it is a prefix of the right one', () => {
    const sealed = sut.encrypt(PLAINTEXT, CONTEXT);
    const parts = sealed.split('.');
    parts[3] = Buffer.from(parts[3], 'base64url').subarray(0, 8).toString('base64url');
    const error = captureError(() => sut.decrypt(parts.join('.'), CONTEXT));
    expect((error as SecretDecryptionError).reason).toBe('malformed');
  });

  it.each([
    ['empty', ''],
    ['plain text', 'not-sealed'],
    ['four parts', 'v1.k1.aaaa.bbbb'],
    ['six parts', 'v1.k1.a.b.c.d'],
    ['another version', 'v2.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA'],
    ['a bad key id', 'v1.k 1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA'],
    ['a short IV', 'v1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AA'],
    ['padding in base64url', 'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA==.AA'],
    ['characters outside base64url', 'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.A+/A'],
  ])('calls %s malformed', (_name, sealed) => {
    const error = captureError(() => sut.decrypt(sealed, CONTEXT));
    expect(error).toBeInstanceOf(SecretDecryptionError);
    expect((error as SecretDecryptionError).reason).toBe('malformed');
  });

  it('does not echo a plaintext passed to decrypt by mistake', () => {
    const oops = 'Sup3r.S3cret.Pass.Word.Here';
    const error = captureError(() => sut.decrypt(oops, CONTEXT));
    for (const piece of oops.split('.')) expect(error.message).not.toContain(piece);
  });

  it('names an unknown key id and the configured ones', () => {
    const other = new SecretCipher({ keys: { k9: key() }, activeKeyId: 'k9' });
    const error = captureError(() => sut.decrypt(other.encrypt(PLAINTEXT, CONTEXT), CONTEXT)) as SecretDecryptionError;
    expect(error.reason).toBe('unknown_key');
    expect(error.message).toContain('"k9"');
    expect(error.message).toContain('k1');
  });

  it('requires a non-empty context', () => {
    expect(() => sut.encrypt(PLAINTEXT, '')).toThrow(TypeError);
    expect(() => sut.decrypt(sut.encrypt(PLAINTEXT, CONTEXT), '')).toThrow(TypeError);
  });

  it('never shows key material when serialised or inspected', () => {
    const shown = `${JSON.stringify(sut)} ${inspect(sut, { showHidden: true, depth: 5 })}`;
    expect(shown).toContain('k1');
    expect(shown).not.toContain(k1.toString('base64'));
    expect(shown).not.toContain(k1.toString('hex'));
  });

  it('copies the keys it is given', () => {
    const mutable = key();
    const cipher = new SecretCipher({ keys: { k1: mutable }, activeKeyId: 'k1' });
    const sealed = cipher.encrypt(PLAINTEXT, CONTEXT);
    mutable.fill(0);
    expect(cipher.decrypt(sealed, CONTEXT)).toBe(PLAINTEXT);
  });

  describe('rotation', () => {
    const old = key();
    const next = key();

    it('keeps decrypting old values after a new key becomes active, and seals new ones with it', () => {
      const before = new SecretCipher({ keys: { '2024-01': old }, activeKeyId: '2024-01' });
      const sealedBefore = before.encrypt(PLAINTEXT, CONTEXT);

      const after = new SecretCipher({ keys: { '2024-01': old, '2025-06': next }, activeKeyId: '2025-06' });
      expect(after.decrypt(sealedBefore, CONTEXT)).toBe(PLAINTEXT);
      expect(after.needsRotation(sealedBefore)).toBe(true);

      const resealed = after.encrypt(after.decrypt(sealedBefore, CONTEXT), CONTEXT);
      expect(after.keyIdOf(resealed)).toBe('2025-06');
      expect(after.needsRotation(resealed)).toBe(false);

      const retired = new SecretCipher({ keys: { '2025-06': next }, activeKeyId: '2025-06' });
      expect(retired.decrypt(resealed, CONTEXT)).toBe(PLAINTEXT);
      expect(() => retired.decrypt(sealedBefore, CONTEXT)).toThrow(SecretDecryptionError);
    });
  });

  describe('construction', () => {
    it.each([
      ['no keys', {}, 'k1', /at least one key/],
      ['a 16-byte key', { k1: randomBytes(16) }, 'k1', /"k1" must be 32 bytes \(got 16 bytes\)/],
      ['a 33-byte key', { k1: randomBytes(33) }, 'k1', /must be 32 bytes/],
      ['a missing active key', { k1: randomBytes(32) }, 'k2', /Active secret key id "k2" is not among the configured keys \(k1\)/],
      ['a key id with a dot', { 'k.1': randomBytes(32) }, 'k.1', /key id is invalid/],
    ])('refuses %s', (_name, keys, activeKeyId, message) => {
      expect(() => new SecretCipher({ keys: keys as Record<string, Buffer>, activeKeyId })).toThrow(SecretKeyError);
      expect(() => new SecretCipher({ keys: keys as Record<string, Buffer>, activeKeyId })).toThrow(message);
    });
  });
});
