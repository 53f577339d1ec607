import fc from 'fast-check';
import { applyPlan, planSync } from '../../../src/sync/plan/sync-plan';
import type { ComputerLinkState, DesiredAsset, LinkState, ObservedComputer, PlanInput, SyncPlan, WrittenAsset } from '../../../src/sync/plan/sync-plan-types';

/**
 * Random integrations: ids, companies, customers, sites, field values and link states drawn from
 * small pools, so that observations and links of the same computer meet often and every rule is
 * exercised (links in every state, with and without an asset id or a last write; full and partial
 * runs; auto-export on and off).
 */
const HIDS = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'd1', 'd2', 'e1', 'e2', 'f1', 'f2'];
const FIELD_IDS = [301, 302, 303, 304];

const hid = fc.constantFrom(...HIDS);
const small = (values: readonly number[]) => fc.constantFrom(...values);
const value = fc.constantFrom('', 'Windows', 'Linux', 'Yes', 'No', '2025-06-01T22:00:00.000Z');
const customFields: fc.Arbitrary<Record<number, string>> = fc.dictionary(fc.constantFrom(...FIELD_IDS.map(String)), value, { maxKeys: 4 });
const hostName = fc.constantFrom('WS-1', 'WS-2', 'ws-1', 'SRV');

const desiredFor = (id: string): fc.Arbitrary<DesiredAsset> =>
  fc.record({
    hid: fc.constant(id),
    companyId: fc.constantFrom('co-a', 'co-b', 'co-c'),
    customerId: small([10, 11, 12]),
    siteId: small([100, 101, 102]),
    assetTypeId: fc.option(small([7, 8]), { nil: null }),
    keyFieldId: fc.option(small([1, 2]), { nil: null }),
    hostName,
    customFields,
  });

const observation = (id: string): fc.Arbitrary<ObservedComputer> =>
  fc.oneof(
    { weight: 3, arbitrary: desiredFor(id).map((desired): ObservedComputer => ({ hid: id, desired })) },
    { weight: 1, arbitrary: fc.constantFrom('no-agent', 'company-unmapped').map((why): ObservedComputer => ({ hid: id, desired: null, notTakingPart: why })) },
  );

const written: fc.Arbitrary<WrittenAsset> = fc.record({ customerId: small([10, 11, 12]), siteId: small([100, 101, 102]), hostName, customFields, inactive: fc.boolean() });

/** What the service may have written: nothing known, anything, or (often) what the Console says now, maybe with one difference. */
const lastWrittenFor = (desired: DesiredAsset | null): fc.Arbitrary<WrittenAsset | null> => {
  const anything = fc.option(written, { nil: null, freq: 4 });
  if (desired === null) return anything;
  const same: WrittenAsset = { customerId: desired.customerId, siteId: desired.siteId, hostName: desired.hostName, customFields: { ...desired.customFields }, inactive: false };
  const oneDifference = fc.oneof(
    written.map((other) => ({ ...same, customerId: other.customerId, siteId: other.siteId })),
    hostName.map((name) => ({ ...same, hostName: name })),
    fc.constant({ ...same, inactive: true }),
    fc.tuple(fc.constantFrom(...FIELD_IDS), value).map(([id, text]) => ({ ...same, customFields: { ...same.customFields, [id]: text } })),
  );
  return fc.oneof(anything, fc.constant(same), oneDifference);
};

const linkFor = (id: string, desired: DesiredAsset | null): fc.Arbitrary<ComputerLinkState> =>
  fc.record({
    hid: fc.constant(id),
    state: fc.constantFrom<LinkState>('claimed', 'linked', 'excluded', 'retired'),
    haloAssetId: fc.option(fc.integer({ min: 20000, max: 20999 }), { nil: null, freq: 6 }),
    lastWritten: lastWrittenFor(desired),
  });

const planInput: fc.Arbitrary<PlanInput> = fc
  .record({
    observedHids: fc.uniqueArray(hid),
    linkHids: fc.uniqueArray(hid),
    autoExport: fc.boolean(),
    scope: fc.option(fc.uniqueArray(hid), { nil: undefined, freq: 2 }),
  })
  .chain(({ observedHids, linkHids, autoExport, scope }) =>
    fc.tuple(...observedHids.map(observation)).chain((observed) =>
      fc.record({
        observed: fc.constant(observed),
        links: fc.tuple(...linkHids.map((id) => linkFor(id, observed.find((o) => o.hid === id)?.desired ?? null))),
        autoExport: fc.constant(autoExport),
        scope: fc.constant(scope === undefined ? undefined : new Set(scope)),
      }),
    ),
  )
  .map(({ observed, links, autoExport, scope }): PlanInput => ({ observed, links, autoExport, ...(scope ? { scope } : {}) }));

/** Every computer the plan names, items and left-alone together. */
function hidsOf(plan: SyncPlan): string[] {
  return [...plan.items.map((i) => i.hid), ...plan.leftAlone.map((l) => l.hid)];
}

/** Custom fields without empty values: '' and "not there" are the same asset in Halo. */
function nonEmpty(fields: Record<number, string>): Record<number, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, text]) => text !== ''));
}

/** Asset ids Halo would give to created computers: distinct, deterministic. */
const createdIds = (id: string): number => 90000 + HIDS.indexOf(id);

describe('planSync properties', () => {
  it('never names a computer twice', () => {
    fc.assert(
      fc.property(planInput, (given) => {
        const hids = hidsOf(planSync(given));
        expect(new Set(hids).size).toBe(hids.length);
      }),
    );
  });

  it('retires only computers the service linked, setting their asset inactive', () => {
    fc.assert(
      fc.property(planInput, (given) => {
        for (const item of planSync(given).items.filter((i) => i.action === 'retire')) {
          const link = given.links.find((l) => l.hid === item.hid);
          expect(link).toMatchObject({ state: 'linked', haloAssetId: item.haloAssetId });
          expect(item.write?.inactive).toBe(true);
        }
      }),
    );
  });

  it('writes with an asset id except to create; unlinks write nothing', () => {
    fc.assert(
      fc.property(planInput, (given) => {
        for (const item of planSync(given).items) {
          if (item.action === 'create') {
            expect(item.haloAssetId).toBeNull();
            expect(item.write?.id).toBeUndefined();
            expect(item.write?.assettype_id).toEqual(expect.any(Number));
          } else if (item.action === 'unlink') {
            expect(item.write).toBeUndefined();
            expect(item.nextWritten).toBeNull();
          } else {
            expect(item.haloAssetId).toEqual(expect.any(Number));
            if (item.action !== 'retire' || item.nextWritten !== null) expect(item.write).toMatchObject({ client_id: expect.any(Number), site_id: expect.any(Number), customfields: expect.any(Array) });
            expect(item.write?.id).toBe(item.haloAssetId);
            expect(item.write).not.toHaveProperty('assettype_id');
          }
        }
      }),
    );
  });

  it('creates only with auto-export on, and never for an excluded computer', () => {
    fc.assert(
      fc.property(planInput, (given) => {
        for (const item of planSync(given).items.filter((i) => i.action === 'create')) {
          expect(given.autoExport).toBe(true);
          expect(given.links.find((l) => l.hid === item.hid)?.state).not.toBe('excluded');
        }
      }),
    );
  });

  it('has no work left after the plan is applied (same Console, same scope)', () => {
    fc.assert(
      fc.property(planInput, (given) => {
        const links = applyPlan(given.links, planSync(given), createdIds);
        const again = planSync({ ...given, links });
        expect(again.items).toEqual([]);
        expect(applyPlan(links, again, createdIds)).toEqual(links);
      }),
    );
  });

  it('brings every linked computer that takes part to what the Console says, active', () => {
    fc.assert(
      fc.property(planInput, (given) => {
        const links = applyPlan(given.links, planSync(given), createdIds);
        for (const { hid: id, desired } of given.observed) {
          const link = links.find((l) => l.hid === id);
          // A linked row without an asset id is a claim in disguise: it is only resolved by a create.
          if (!desired || link?.state !== 'linked' || link.haloAssetId === null || (given.scope && !given.scope.has(id))) continue;
          expect(link.lastWritten && { ...link.lastWritten, customFields: nonEmpty(link.lastWritten.customFields) }).toEqual({
            customerId: desired.customerId,
            siteId: desired.siteId,
            hostName: desired.hostName,
            customFields: nonEmpty(desired.customFields),
            inactive: false,
          });
        }
      }),
    );
  });

  it('a partial run touches nothing outside its scope', () => {
    fc.assert(
      fc.property(planInput, fc.uniqueArray(hid), (given, scope) => {
        const plan = planSync({ ...given, scope: new Set(scope) });
        for (const id of hidsOf(plan)) expect(scope).toContain(id);
      }),
    );
  });

  it('a partial run plans its computers as the full run does', () => {
    fc.assert(
      fc.property(planInput, fc.uniqueArray(hid), (given, scope) => {
        const { scope: _ignored, ...full } = given;
        const inScope = new Set(scope);
        const partial = planSync({ ...full, observed: full.observed.filter((o) => inScope.has(o.hid)), scope: inScope });
        const whole = planSync(full);
        expect(partial).toEqual({ items: whole.items.filter((i) => inScope.has(i.hid)), leftAlone: whole.leftAlone.filter((l) => inScope.has(l.hid)) });
      }),
    );
  });

  it('does not depend on input order', () => {
    const shuffled = planInput.chain((given) =>
      fc.record({
        given: fc.constant(given),
        observed: fc.shuffledSubarray(given.observed, { minLength: given.observed.length }),
        links: fc.shuffledSubarray(given.links, { minLength: given.links.length }),
      }),
    );
    fc.assert(
      fc.property(shuffled, ({ given, observed, links }) => {
        expect(planSync({ ...given, observed, links })).toEqual(planSync(given));
      }),
    );
  });

  it('lists items and left-alone computers in id order, and says what changed for every write', () => {
    fc.assert(
      fc.property(planInput, (given) => {
        const plan = planSync(given);
        for (const list of [plan.items.map((i) => i.hid), plan.leftAlone.map((l) => l.hid)]) expect(list).toEqual([...list].sort());
        for (const item of plan.items.filter((i) => i.action !== 'unlink')) expect(item.changes.length).toBeGreaterThan(0);
      }),
    );
  });
});
