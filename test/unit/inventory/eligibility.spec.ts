import { companyOf, indexCompaniesByName, isEligible } from '../../../src/inventory/eligibility';

describe('isEligible', () => {
  it.each([
    [true, true, true],
    [true, false, true],
    [false, true, true],
    [false, false, false],
  ])('backup %s, RMM %s → %s', (hasBackupAgent, hasRmmAgent, expected) => {
    expect(isEligible({ hasBackupAgent, hasRmmAgent })).toBe(expected);
  });
});

describe('companyOf', () => {
  const acme = { id: 'co-1', name: 'Acme Dental' };
  const blue = { id: 'co-2', name: 'Blue River Law' };
  const twinA = { id: 'co-3', name: 'Contoso' };
  const twinB = { id: 'co-4', name: ' CONTOSO ' };
  const index = indexCompaniesByName([acme, blue, twinA, twinB, { id: 'co-5', name: '  ' }, { ...acme }]);

  it.each<[string, { id: string; name: string } | undefined]>([
    ['Acme Dental', acme],
    ['  acme   DENTAL ', acme],
    ['Blue River Law', blue],
    ['Blue River', undefined],
    ['Contoso', undefined], // two companies share the name: never guessed
    ['', undefined],
    ['   ', undefined],
  ])('%j', (companyName, expected) => {
    expect(companyOf({ companyName }, index)).toEqual(expected);
  });

  it('indexes by normalised name; a company listed twice is not ambiguous with itself', () => {
    expect([...index.keys()].sort()).toEqual(['acme dental', 'blue river law']);
  });

  it('keeps a name out even when a third company repeats it', () => {
    const three = indexCompaniesByName([twinA, twinB, { id: 'co-9', name: 'contoso' }]);
    expect(three.size).toBe(0);
  });
});
