import fc from 'fast-check';
import { CompanyLike, CustomerLike, planAutoMap, suggestCustomers } from '../../../src/matching/company-matching';

const customers: CustomerLike[] = [
  { id: 10, name: 'Acme Dental' },
  { id: 11, name: 'Blue River Law LLP' },
  { id: 12, name: 'blue river law llp ' },
  { id: 13, name: 'The Acme Dental' },
  { id: 14, name: '  Northwind   Traders ' },
  { id: 15, name: 'Our MSP (Internal)' },
  { id: 16, name: '' },
];

describe('suggestCustomers', () => {
  it.each<[string, ReturnType<typeof suggestCustomers>]>([
    ['Acme Dental', { kind: 'exact', customer: { id: 10, name: 'Acme Dental' } }],
    ['  ACME DENTAL ', { kind: 'exact', customer: { id: 10, name: 'Acme Dental' } }],
    ['Northwind Traders', { kind: 'exact', customer: { id: 14, name: '  Northwind   Traders ' } }],
    ['Blue River Law LLP', { kind: 'ambiguous', candidates: [{ id: 11, name: 'Blue River Law LLP' }, { id: 12, name: 'blue river law llp ' }] }],
    ['Acme', { kind: 'none' }],
    ['Acme Dental Group', { kind: 'none' }],
    ['', { kind: 'none' }],
    ['   ', { kind: 'none' }],
  ])('%j', (name, expected) => {
    expect(suggestCustomers({ name }, customers)).toEqual(expected);
  });

  it('orders ambiguous candidates by id, whatever the input order', () => {
    const shuffled = [customers[2], customers[0], customers[1]];
    expect(suggestCustomers({ name: 'blue river law llp' }, shuffled)).toEqual({ kind: 'ambiguous', candidates: [customers[1], customers[2]] });
  });

  it('counts one customer listed twice once (not ambiguous)', () => {
    expect(suggestCustomers({ name: 'Acme Dental' }, [customers[0], { ...customers[0] }])).toEqual({ kind: 'exact', customer: customers[0] });
  });

  it('returns the caller’s customer objects (extra fields kept)', () => {
    const rich = [{ id: 1, name: 'Acme', main_site_id: 7 }];
    const suggestion = suggestCustomers({ name: 'acme' }, rich);
    expect(suggestion.kind === 'exact' && suggestion.customer.main_site_id).toBe(7);
  });
});

describe('planAutoMap', () => {
  const companies: CompanyLike[] = [
    { id: 'c-acme', name: 'Acme Dental' },
    { id: 'c-blue', name: 'Blue River Law LLP' },
    { id: 'c-none', name: 'Zephyr Bakery' },
    { id: 'c-north', name: 'Northwind Traders' },
    { id: 'c-msp', name: 'Our MSP (Internal)' },
  ];

  it('applies unique exact matches and says why it skips the others', () => {
    expect(planAutoMap(companies, customers, new Set(['c-msp']))).toEqual({
      apply: [
        { companyId: 'c-acme', customerId: 10 },
        { companyId: 'c-north', customerId: 14 },
      ],
      skipped: [
        { companyId: 'c-blue', reason: 'ambiguous' },
        { companyId: 'c-none', reason: 'no-match' },
        { companyId: 'c-msp', reason: 'already-mapped' },
      ],
    });
  });

  it('skips two companies whose names match the same customer (ambiguous the other way)', () => {
    const twins: CompanyLike[] = [
      { id: 'a', name: 'Acme Dental' },
      { id: 'b', name: 'ACME  dental' },
    ];
    expect(planAutoMap(twins, customers, new Set())).toEqual({
      apply: [],
      skipped: [
        { companyId: 'a', reason: 'ambiguous' },
        { companyId: 'b', reason: 'ambiguous' },
      ],
    });
  });

  it('plans a company listed twice once', () => {
    const plan = planAutoMap([companies[0], companies[0]], customers, new Set());
    expect(plan).toEqual({ apply: [{ companyId: 'c-acme', customerId: 10 }], skipped: [] });
  });

  it('does nothing without companies or customers', () => {
    expect(planAutoMap([], customers, new Set())).toEqual({ apply: [], skipped: [] });
    expect(planAutoMap(companies, [], new Set()).apply).toEqual([]);
  });

  // ------------------------------------------------------------------------------------ properties

  /** Few distinct names in varied spellings, so that matches, ambiguities and near misses all occur. */
  const baseName = fc.constantFrom('Acme Dental', 'Blue River', 'Northwind', 'Zephyr', 'Contoso Ltd', 'Café Noir', 'The Acme Dental');
  const spelled = fc
    .tuple(baseName, fc.constantFrom<(s: string) => string>((s) => s, (s) => s.toUpperCase(), (s) => s.toLowerCase(), (s) => `  ${s} `, (s) => s.replace(' ', '   ')))
    .map(([name, form]) => form(name));
  const customerList = fc.array(fc.record({ id: fc.integer({ min: 1, max: 40 }), name: spelled }), { maxLength: 12 });
  const companyId: fc.Arbitrary<string> = fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8');
  const companyList = fc.array(fc.record({ id: companyId, name: spelled }), { maxLength: 10 });
  const mapped = fc.uniqueArray(companyId, { maxLength: 4 });
  const input = fc
    .tuple(companyList, customerList, mapped)
    .map(([cos, cus, m]) => ({ companies: cos as CompanyLike[], customers: cus as CustomerLike[], mapped: new Set<string>(m) as ReadonlySet<string> }));

  it('never maps a company twice, and lists every company exactly once', () => {
    fc.assert(
      fc.property(input, ({ companies: cos, customers: cus, mapped: m }) => {
        const plan = planAutoMap(cos, cus, m);
        const applied = plan.apply.map((a) => a.companyId);
        const all = [...applied, ...plan.skipped.map((s) => s.companyId)];
        expect(new Set(applied).size).toBe(applied.length);
        expect(all.sort()).toEqual([...new Set(cos.map((c) => c.id))].sort());
      }),
    );
  });

  it('never touches an already-mapped company', () => {
    fc.assert(
      fc.property(input, ({ companies: cos, customers: cus, mapped: m }) => {
        const plan = planAutoMap(cos, cus, m);
        expect(plan.apply.filter((a) => m.has(a.companyId))).toEqual([]);
        for (const skip of plan.skipped) expect(skip.reason === 'already-mapped').toBe(m.has(skip.companyId));
      }),
    );
  });

  it('never applies an ambiguous match: each applied customer is the only one of that name', () => {
    fc.assert(
      fc.property(input, ({ companies: cos, customers: cus, mapped: m }) => {
        const plan = planAutoMap(cos, cus, m);
        for (const { companyId, customerId } of plan.apply) {
          const company = cos.find((c) => c.id === companyId)!;
          const suggestion = suggestCustomers(company, cus);
          expect(suggestion).toEqual({ kind: 'exact', customer: expect.objectContaining({ id: customerId }) });
        }
        for (const skip of plan.skipped.filter((s) => s.reason === 'no-match')) {
          expect(suggestCustomers(cos.find((c) => c.id === skip.companyId)!, cus).kind).toBe('none');
        }
      }),
    );
  });

  it('is idempotent: re-planning after applying applies nothing and changes no other outcome', () => {
    fc.assert(
      fc.property(input, ({ companies: cos, customers: cus, mapped: m }) => {
        const first = planAutoMap(cos, cus, m);
        const after = new Set([...m, ...first.apply.map((a) => a.companyId)]);
        const second = planAutoMap(cos, cus, after);
        expect(second.apply).toEqual([]);
        const reasons = new Map(second.skipped.map((s) => [s.companyId, s.reason]));
        for (const a of first.apply) expect(reasons.get(a.companyId)).toBe('already-mapped');
        for (const s of first.skipped) expect(reasons.get(s.companyId)).toBe(s.reason);
      }),
    );
  });

  it('does not depend on the order of the customers', () => {
    fc.assert(
      fc.property(input, ({ companies: cos, customers: cus, mapped: m }) => {
        expect(planAutoMap(cos, [...cus].reverse(), m)).toEqual(planAutoMap(cos, cus, m));
      }),
    );
  });
});
