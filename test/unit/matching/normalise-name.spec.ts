import fc from 'fast-check';
import { normaliseName } from '../../../src/matching/normalise-name';

describe('normaliseName', () => {
  it.each<[string | null | undefined, string]>([
    ['Acme Dental', 'acme dental'],
    ['  Acme Dental  ', 'acme dental'],
    ['ACME   DENTAL', 'acme dental'],
    ['Acme\tDental\n', 'acme dental'],
    ['Acme\u00a0Dental', 'acme dental'], // no-break space is whitespace
    ['Caf\u0065\u0301', 'caf\u00e9'], // decomposed é → NFC
    ['CAF\u00c9', 'caf\u00e9'],
    ['Ünïcode GmbH', 'ünïcode gmbh'],
    ['İstanbul', 'i̇stanbul'], // en locale: never the Turkish dotless rules
    ['ACME-WS-014', 'acme-ws-014'],
    ['', ''],
    ['   ', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normaliseName(normaliseName(s)) === normaliseName(s)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normaliseName(normaliseName(s)) === normaliseName(s)));
  });

  it('ignores case, surrounding and repeated whitespace', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9&.'-]{1,8}$/);
    const space = fc.constantFrom(' ', '  ', '\t', '\u00a0', ' \n ');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), space, space, space, (words, before, between, after) => {
        const spaced = `${before}${words.join(between)}${after}`;
        return normaliseName(spaced) === normaliseName(words.join(' ').toUpperCase());
      }),
    );
  });

  it('never leaves surrounding or double whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const n = normaliseName(s);
        return n === n.trim() && !/\s{2}/.test(n) && !/[\t\n\r]/.test(n);
      }),
    );
  });
});
