import { createHash } from 'node:crypto';
import { constantTimeEqual, generateApiKey, hashApiKey, parseApiKey, verifyApiKey } from '../../../src/security/api-keys';

describe('generateApiKey', () => {
  it('makes hpk_<8 [a-z0-9]>_<43 base64url> keys with their prefix and SHA-256 hash', () => {
    const sut = generateApiKey();
    expect(sut.key).toMatch(/^hpk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(sut.key.startsWith(`hpk_${sut.prefix}_`)).toBe(true);
    expect(sut.hash).toBe(createHash('sha256').update(sut.key).digest('hex'));
    expect(sut.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(sut.key.slice(13), 'base64url')).toHaveLength(32);
  });

  it('never repeats a key or, in practice, a prefix', () => {
    const keys = Array.from({ length: 500 }, () => generateApiKey());
    expect(new Set(keys.map((k) => k.key)).size).toBe(500);
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(500);
  });

  it('parses what it generates', () => {
    const sut = generateApiKey();
    expect(parseApiKey(sut.key)).toEqual({ key: sut.key, prefix: sut.prefix });
  });
});

describe('parseApiKey', () => {
  const { key, prefix } = generateApiKey();

  it.each([
    ['the bare key', key],
    ['a Bearer header', `Bearer ${key}`],
    ['a lower-case bearer with extra spaces', `  bearer    ${key}  `],
    ['a tab and a trailing newline', `Bearer\t${key}\n`],
    ['a one-element header array', [`Bearer ${key}`]],
  ])('reads %s', (_name, header) => {
    expect(parseApiKey(header)).toEqual({ key, prefix });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
    ['only Bearer', 'Bearer '],
    ['another scheme', `Basic ${key}`],
    ['a wrong tag', key.replace(/^hpk_/, 'hpx_')],
    ['an upper-case prefix', key.replace(`_${prefix}_`, `_${prefix.toUpperCase().replace(/[0-9]/g, 'A')}_`)],
    ['a short secret', key.slice(0, -1)],
    ['a long secret', `${key}A`],
    ['two keys', `${key} ${key}`],
    ['a key with a space inside', `${key.slice(0, 20)} ${key.slice(20)}`],
    ['an array of two headers', [key, key]],
    ['a very long value', `Bearer ${'a'.repeat(10_000)}`],
  ])('refuses %s', (_name, header) => {
    expect(parseApiKey(header as string | undefined)).toBeUndefined();
  });
});

describe('hashApiKey and verifyApiKey', () => {
  it('hashes deterministically and verifies in either hex case', () => {
    const { key, hash } = generateApiKey();
    expect(hashApiKey(key)).toBe(hash);
    expect(verifyApiKey(key, hash)).toBe(true);
    expect(verifyApiKey(key, hash.toUpperCase())).toBe(true);
    expect(verifyApiKey(`${key}x`, hash)).toBe(false);
    expect(verifyApiKey(generateApiKey().key, hash)).toBe(false);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['equal strings', 'abc', 'abc', true],
    ['empty strings', '', '', true],
    ['different strings', 'abc', 'abd', false],
    ['different lengths', 'abc', 'abcd', false],
    ['a prefix', 'ab', 'abc', false],
    ['unicode', 'ü', 'ü', true],
  ])('compares %s', (_name, a, b, expected) => {
    expect(constantTimeEqual(a, b)).toBe(expected);
  });
});
