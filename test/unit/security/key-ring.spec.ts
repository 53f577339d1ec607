import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { isKeyId, KeyRing, parseSecretKeys, SecretKeyError } from '../../../src/security/key-ring';

const NAMES = { owner: 'payload codec', key: 'payload codec key' };

describe('KeyRing', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('looks keys up by id, encrypts with the active one, and lists the ids in the order given', () => {
    const ring = new KeyRing({ k2, k1 }, 'k1', NAMES);
    expect(ring.keyFor('k2')?.equals(k2)).toBe(true);
    expect(ring.keyFor('k3')).toBeUndefined();
    expect(ring.activeKeyId).toBe('k1');
    expect(ring.activeKey.equals(k1)).toBe(true);
    expect(ring.keyIds).toEqual(['k2', 'k1']);
  });

  it('copies the keys it is given', () => {
    const mutable = Buffer.from(k1);
    const ring = new KeyRing({ k1: mutable }, 'k1', NAMES);
    mutable.fill(0);
    expect(ring.activeKey.equals(k1)).toBe(true);
  });

  it.each([
    ['no keys', {}, 'k1', 'The payload codec needs at least one key'],
    ['a 16-byte key', { k1: randomBytes(16) }, 'k1', 'Payload codec key "k1" must be 32 bytes (got 16 bytes)'],
    ['a key that is not a Buffer', { k1: 'x'.repeat(32) }, 'k1', 'Payload codec key "k1" must be 32 bytes (got not a Buffer)'],
    ['a key id with a space', { 'k 1': randomBytes(32) }, 'k 1', 'A payload codec key id is invalid: use 1-32 letters, digits, "_" or "-"'],
    ['a missing active key', { k1: randomBytes(32) }, 'k2', 'Active payload codec key id "k2" is not among the configured keys (k1)'],
    ['key material as the active key id', { k1: randomBytes(32) }, randomBytes(32).toString('base64'), 'Active payload codec key id (not a valid key id) is not among the configured keys (k1)'],
  ])('refuses %s, in the words of its owner', (_name, keys, activeKeyId, message) => {
    const build = () => new KeyRing(keys as Record<string, Buffer>, activeKeyId, NAMES);
    expect(build).toThrow(SecretKeyError);
    expect(build).toThrow(message);
  });

  it('never shows key material', () => {
    const ring = new KeyRing({ k1 }, 'k1', NAMES);
    const shown = [JSON.stringify(ring), inspect(ring, { showHidden: true, depth: 5 }), ring.describe('Holder')].join(' ');
    expect(ring.describe('Holder')).toBe("Holder { activeKeyId: 'k1', keyIds: ['k1'] }");
    expect(JSON.parse(JSON.stringify(ring))).toEqual({ activeKeyId: 'k1', keyIds: ['k1'] });
    expect(shown).not.toContain(k1.toString('base64'));
    expect(shown).not.toContain(k1.toString('hex'));
  });

  it('knows a key id when it sees one', () => {
    for (const id of ['k1', '2025-06', 'A_b-9', 'x'.repeat(32)]) expect(isKeyId(id)).toBe(true);
    for (const id of ['', 'k.1', 'k 1', 'x'.repeat(33), randomBytes(32).toString('base64')]) expect(isKeyId(id)).toBe(false);
  });
});

describe('parseSecretKeys', () => {
  const a = randomBytes(32);
  const b = randomBytes(32);

  it('reads one or more keyId:base64 entries, with spaces and base64url tolerated', () => {
    const keys = parseSecretKeys(` k1:${a.toString('base64')} , k2 : ${b.toString('base64url')} `);
    expect(Object.keys(keys)).toEqual(['k1', 'k2']);
    expect(keys.k1.equals(a)).toBe(true);
    expect(keys.k2.equals(b)).toBe(true);
    expect(new KeyRing(keys, 'k2', NAMES).activeKey.equals(b)).toBe(true);
  });

  it.each([
    ['an empty spec', '', /no secret keys given/],
    ['blank', '   ', /no secret keys given/],
    ['an entry without a colon', 'k1', /entry 1 has no ":"/],
    ['an empty entry', `k1:${a.toString('base64')},,`, /entry 2 is empty/],
    ['a missing key', 'k1:', /entry 1: key "k1" has no key material/],
    ['a bad key id', `k 1:${a.toString('base64')}`, /entry 1: the key id before ":" is invalid/],
    ['a duplicate id', `k1:${a.toString('base64')},k1:${b.toString('base64')}`, /entry 2: key id "k1" appears twice/],
    ['non-base64 text', 'k1:this is not base64!', /entry 1: key "k1" is not base64/],
    ['a 16-byte key', `k1:${randomBytes(16).toString('base64')}`, /decodes to 16 bytes; it must be 32/],
    ['a 48-byte key', `k1:${randomBytes(48).toString('base64')}`, /decodes to 48 bytes; it must be 32/],
  ])('explains %s', (_name, spec, message) => {
    expect(() => parseSecretKeys(spec)).toThrow(SecretKeyError);
    expect(() => parseSecretKeys(spec)).toThrow(message);
  });

  it('never echoes key material, even when it sits where the key id should be', () => {
    const material = a.toString('base64');
    for (const spec of [`${material}:k1`, `${material}`, `k1:${material.slice(0, 20)}`, `k1:${material}!`]) {
      expect(() => parseSecretKeys(spec)).toThrow(SecretKeyError);
      expect(() => parseSecretKeys(spec)).not.toThrow(material.slice(0, 12));
    }
  });
});
