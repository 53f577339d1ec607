import { planSync } from '../../../src/sync/plan/sync-plan';
import type { PlanItem, SyncPlan } from '../../../src/sync/plan/sync-plan-types';
import { CF_COMPUTER_ID, CF_ONLINE, CF_OS, desired, HID, input, link, notTaking, taking, writtenOf } from './sync-plan-fixtures';

/** The plan's only item (and nothing left alone). */
function onlyItem(plan: SyncPlan): PlanItem {
  expect(plan.leftAlone).toEqual([]);
  expect(plan.items).toHaveLength(1);
  return plan.items[0];
}

const CUSTOMFIELDS = [
  { id: CF_COMPUTER_ID, value: HID },
  { id: CF_OS, value: 'Windows' },
  { id: CF_ONLINE, value: 'Yes' },
];

describe('planSync', () => {
  describe('a computer taking part without a link', () => {
    it('is created under the mapping, with the default asset type, host name in the key field and every custom field', () => {
      expect(onlyItem(planSync(input({ observed: [taking()] })))).toEqual({
        hid: HID,
        action: 'create',
        haloAssetId: null,
        write: { client_id: 12, site_id: 5012, assettype_id: 101, inactive: false, fields: [{ id: 1, value: 'ACME-WS-014' }], customfields: CUSTOMFIELDS },
        changes: ['customer', 'site', 'hostName', 'customField:301', 'customField:302', 'customField:303'],
        nextWritten: writtenOf(desired()),
      });
    });

    it('is created without a key field when the asset type has none known', () => {
      const item = onlyItem(planSync(input({ observed: [taking(desired({ keyFieldId: null }))] })));
      expect(item.action).toBe('create');
      expect(item.write).not.toHaveProperty('fields');
    });

    it.each([
      [false, 101, 'auto-export-off'],
      [false, null, 'auto-export-off'],
      [true, null, 'no-asset-type'],
    ] as const)('auto-export %s, asset type %s → left alone (%s)', (autoExport, assetTypeId, reason) => {
      expect(planSync(input({ autoExport, observed: [taking(desired({ assetTypeId }))] }))).toEqual({ items: [], leftAlone: [{ hid: HID, reason }] });
    });

    it.each([
      [true, false, 'left alone (auto-export-off)'],
      [false, true, 'created'],
    ] as const)("the integration's auto-export %s, the company's own %s → %s", (integrations, companys, _outcome) => {
      const plan = planSync(input({ autoExport: integrations, observed: [taking(desired({ autoExport: companys }))] }));
      if (companys) expect(onlyItem(plan).action).toBe('create');
      else expect(plan.leftAlone).toEqual([{ hid: HID, reason: 'auto-export-off' }]);
    });
  });

  describe('a claimed computer (an earlier create whose outcome is unknown)', () => {
    it('is created again: the applier looks the asset up first', () => {
      const item = onlyItem(planSync(input({ observed: [taking()], links: [link('claimed')] })));
      expect(item).toMatchObject({ action: 'create', haloAssetId: null });
      expect(item.write).not.toHaveProperty('id');
    });

    it('follows auto-export and the asset type like a new one', () => {
      expect(planSync(input({ autoExport: false, observed: [taking()], links: [link('claimed')] })).leftAlone).toEqual([{ hid: HID, reason: 'auto-export-off' }]);
      expect(planSync(input({ observed: [taking(desired({ assetTypeId: null }))], links: [link('claimed')] })).leftAlone).toEqual([{ hid: HID, reason: 'no-asset-type' }]);
    });

    it('is reported, not retired, when the Console no longer lists it', () => {
      expect(planSync(input({ links: [link('claimed')] }))).toEqual({ items: [], leftAlone: [{ hid: HID, reason: 'not-taking-part' }] });
    });
  });

  it('an excluded computer is left alone', () => {
    expect(planSync(input({ observed: [taking()], links: [link('excluded')] }))).toEqual({ items: [], leftAlone: [{ hid: HID, reason: 'excluded' }] });
  });

  describe('a linked computer', () => {
    it('is left alone when nothing changed since the last write', () => {
      expect(planSync(input({ observed: [taking()], links: [link('linked')] }))).toEqual({ items: [], leftAlone: [{ hid: HID, reason: 'unchanged' }] });
    });

    it('is left alone when auto-export is off and nothing changed (auto-export only gates creates)', () => {
      expect(planSync(input({ autoExport: false, observed: [taking()], links: [link('linked')] })).leftAlone).toEqual([{ hid: HID, reason: 'unchanged' }]);
    });

    it.each([
      ['a custom field (OS)', desired({ customFields: { [CF_COMPUTER_ID]: HID, [CF_OS]: 'Linux', [CF_ONLINE]: 'Yes' } }), ['customField:302']],
      ['two custom fields', desired({ customFields: { [CF_COMPUTER_ID]: HID, [CF_OS]: 'Linux', [CF_ONLINE]: 'No' } }), ['customField:302', 'customField:303']],
      ['a newly managed custom field with a value', desired({ customFields: { ...desired().customFields, 304: 'Server' } }), ['customField:304']],
      ['a custom field no longer managed', desired({ customFields: { [CF_COMPUTER_ID]: HID, [CF_OS]: 'Windows' } }), ['customField:303']],
      ['the host name', desired({ hostName: 'ACME-WS-015' }), ['hostName']],
    ])('is updated when %s changed, listing exactly that', (_what, now, changes) => {
      const item = onlyItem(planSync(input({ observed: [taking(now)], links: [link('linked')] })));
      expect(item).toMatchObject({ hid: HID, action: 'update', haloAssetId: 20001, changes, nextWritten: writtenOf(now) });
      expect(item.write).toMatchObject({ id: 20001, client_id: 12, site_id: 5012, inactive: false });
      expect(item.write).not.toHaveProperty('assettype_id');
    });

    it('sends every managed custom field on an update, not only the changed one', () => {
      const now = desired({ customFields: { [CF_COMPUTER_ID]: HID, [CF_OS]: 'Linux', [CF_ONLINE]: 'Yes' } });
      const item = onlyItem(planSync(input({ observed: [taking(now)], links: [link('linked')] })));
      expect(item.write?.customfields).toEqual([
        { id: CF_COMPUTER_ID, value: HID },
        { id: CF_OS, value: 'Linux' },
        { id: CF_ONLINE, value: 'Yes' },
      ]);
      expect(item.write).not.toHaveProperty('fields');
    });

    it('writes the key field only when the host name changed', () => {
      const item = onlyItem(planSync(input({ observed: [taking(desired({ hostName: 'ACME-WS-015' }))], links: [link('linked')] })));
      expect(item.write?.fields).toEqual([{ id: 1, value: 'ACME-WS-015' }]);
    });

    it("treats an empty value and a missing one as the same (Halo keeps no empty values)", () => {
      const now = desired({ customFields: { ...desired().customFields, 304: '' } });
      expect(planSync(input({ observed: [taking(now)], links: [link('linked')] })).leftAlone).toEqual([{ hid: HID, reason: 'unchanged' }]);
    });

    it('is updated once, writing everything, when nothing is known about the last write', () => {
      const item = onlyItem(planSync(input({ observed: [taking()], links: [link('linked', { lastWritten: null })] })));
      expect(item).toMatchObject({ action: 'update', changes: ['customer', 'site', 'hostName', 'customField:301', 'customField:302', 'customField:303'] });
      expect(item.write).toEqual({ id: 20001, client_id: 12, site_id: 5012, inactive: false, fields: [{ id: 1, value: 'ACME-WS-014' }], customfields: CUSTOMFIELDS });
    });

    it('is updated (made active) when the last write left it inactive', () => {
      const item = onlyItem(planSync(input({ observed: [taking()], links: [link('linked', { lastWritten: writtenOf(desired(), { inactive: true }) })] })));
      expect(item).toMatchObject({ action: 'update', changes: ['inactive'], write: { inactive: false } });
    });

    it.each([
      ['customer and site', { customerId: 13, siteId: 5013 }, ['customer', 'site']],
      ['site only', { siteId: 5099 }, ['site']],
    ])('moves when its %s changed, with every custom field', (_what, fields, changes) => {
      const now = desired({ companyId: 'co-blue', ...fields });
      const item = onlyItem(planSync(input({ observed: [taking(now)], links: [link('linked')] })));
      expect(item).toEqual({
        hid: HID,
        action: 'move',
        haloAssetId: 20001,
        write: { id: 20001, client_id: now.customerId, site_id: now.siteId, inactive: false, customfields: CUSTOMFIELDS },
        changes,
        nextWritten: writtenOf(now),
      });
    });

    it('moves and lists the other changes with it', () => {
      const now = desired({ customerId: 13, siteId: 5013, hostName: 'BLUE-WS-1', customFields: { [CF_COMPUTER_ID]: HID, [CF_OS]: 'Windows', [CF_ONLINE]: 'No' } });
      const item = onlyItem(planSync(input({ observed: [taking(now)], links: [link('linked')] })));
      expect(item.action).toBe('move');
      expect(item.changes).toEqual(['customer', 'site', 'hostName', 'customField:303']);
      expect(item.write?.fields).toEqual([{ id: 1, value: 'BLUE-WS-1' }]);
    });

    it('is unlinked, its asset left as it is, when its company is no longer mapped', () => {
      expect(onlyItem(planSync(input({ observed: [notTaking('company-unmapped')], links: [link('linked')] })))).toEqual({
        hid: HID,
        action: 'unlink',
        haloAssetId: 20001,
        changes: [],
        nextWritten: null,
      });
    });

    it.each([
      ['it has no agent any more', [notTaking('no-agent')]],
      ['the Console no longer lists it', []],
    ])('is retired (set inactive as last written, never deleted) when %s', (_why, observed) => {
      const last = writtenOf(desired());
      expect(onlyItem(planSync(input({ observed, links: [link('linked', { lastWritten: last })] })))).toEqual({
        hid: HID,
        action: 'retire',
        haloAssetId: 20001,
        write: { id: 20001, client_id: 12, site_id: 5012, inactive: true, customfields: CUSTOMFIELDS },
        changes: ['inactive'],
        nextWritten: { ...last, inactive: true },
      });
    });

    it('retires even when auto-export is off', () => {
      expect(onlyItem(planSync(input({ autoExport: false, links: [link('linked')] }))).action).toBe('retire');
    });

    it('is retired with nothing but inactive when its last write is unknown (linked by a person, or changed in Halo since)', () => {
      for (const observed of [[], [notTaking('no-agent')]]) {
        expect(onlyItem(planSync(input({ observed, links: [link('linked', { lastWritten: null })] })))).toEqual({
          hid: HID,
          action: 'retire',
          haloAssetId: 20001,
          write: { id: 20001, inactive: true },
          changes: ['inactive'],
          nextWritten: null,
        });
      }
    });

    it('without an asset id is planned as claimed (never a write without an id)', () => {
      const broken = link('linked', { haloAssetId: null });
      expect(onlyItem(planSync(input({ observed: [taking()], links: [broken] }))).action).toBe('create');
      expect(planSync(input({ links: [broken] })).leftAlone).toEqual([{ hid: HID, reason: 'not-taking-part' }]);
      expect(planSync(input({ observed: [notTaking('company-unmapped')], links: [broken] })).leftAlone).toEqual([{ hid: HID, reason: 'not-taking-part' }]);
    });
  });

  describe('a retired computer', () => {
    const retired = link('retired', { lastWritten: writtenOf(desired(), { inactive: true }) });

    it('is reactivated when it is back, with a full write', () => {
      expect(onlyItem(planSync(input({ observed: [taking()], links: [retired] })))).toEqual({
        hid: HID,
        action: 'reactivate',
        haloAssetId: 20001,
        write: { id: 20001, client_id: 12, site_id: 5012, inactive: false, customfields: CUSTOMFIELDS },
        changes: ['inactive'],
        nextWritten: writtenOf(desired()),
      });
    });

    it('is reactivated under its new company, listing what changed', () => {
      const now = desired({ customerId: 13, siteId: 5013, hostName: 'BLUE-WS-1' });
      const item = onlyItem(planSync(input({ autoExport: false, observed: [taking(now)], links: [retired] })));
      expect(item).toMatchObject({ action: 'reactivate', changes: ['customer', 'site', 'hostName', 'inactive'], write: { client_id: 13, site_id: 5013, fields: [{ id: 1, value: 'BLUE-WS-1' }] } });
    });

    it('is reactivated writing everything when nothing is known about the last write', () => {
      const item = onlyItem(planSync(input({ observed: [taking()], links: [link('retired', { lastWritten: null })] })));
      expect(item.changes).toEqual(['customer', 'site', 'hostName', 'inactive', 'customField:301', 'customField:302', 'customField:303']);
    });

    it('is left as it is while gone or not taking part', () => {
      expect(planSync(input({ links: [retired] }))).toEqual({ items: [], leftAlone: [] });
      expect(planSync(input({ observed: [notTaking('no-agent')], links: [retired] }))).toEqual({ items: [], leftAlone: [{ hid: HID, reason: 'not-taking-part' }] });
    });
  });

  describe('computers not taking part', () => {
    it.each(['no-agent', 'company-unmapped'] as const)('without a link (%s) → left alone', (why) => {
      expect(planSync(input({ observed: [notTaking(why)] }))).toEqual({ items: [], leftAlone: [{ hid: HID, reason: 'not-taking-part' }] });
    });

    it.each(['claimed', 'excluded', 'retired'] as const)('with a %s link → left alone', (state) => {
      expect(planSync(input({ observed: [notTaking('no-agent')], links: [link(state)] })).leftAlone).toEqual([{ hid: HID, reason: 'not-taking-part' }]);
    });

    it('an excluded link whose computer is gone is not reported', () => {
      expect(planSync(input({ links: [link('excluded')] }))).toEqual({ items: [], leftAlone: [] });
    });
  });

  describe('partial (event) runs', () => {
    const a = desired({ hid: 'aaaa' });
    const b = desired({ hid: 'bbbb' });

    it('plans only the scoped computers', () => {
      const plan = planSync(input({ observed: [taking(a), taking(b)], links: [link('linked', { hid: 'cccc' })], scope: new Set(['bbbb']) }));
      expect(plan.items.map((i) => [i.hid, i.action])).toEqual([['bbbb', 'create']]);
      expect(plan.leftAlone).toEqual([]);
    });

    it('retires a scoped linked computer the Console no longer lists, and nothing outside the scope', () => {
      const plan = planSync(input({ links: [link('linked', { hid: 'aaaa' }), link('linked', { hid: 'bbbb' })], scope: new Set(['aaaa']) }));
      expect(plan.items.map((i) => [i.hid, i.action])).toEqual([['aaaa', 'retire']]);
    });

    it('compares scoped ids normalised (braces, case)', () => {
      const plan = planSync(input({ links: [link('linked', { hid: 'aaaa' })], scope: new Set(['{AAAA}']) }));
      expect(plan.items.map((i) => [i.hid, i.action])).toEqual([['aaaa', 'retire']]);
    });

    it('a scoped computer with neither an observation nor a link gives nothing', () => {
      expect(planSync(input({ scope: new Set(['dddd']) }))).toEqual({ items: [], leftAlone: [] });
    });
  });

  describe('whole plans', () => {
    it('orders items and left-alone computers by id', () => {
      const plan = planSync(
        input({
          observed: [taking(desired({ hid: 'cccc' })), notTaking('no-agent', 'bbbb'), taking(desired({ hid: 'aaaa' })), taking(desired({ hid: 'eeee' }))],
          links: [link('excluded', { hid: 'eeee' }), link('linked', { hid: 'dddd' })],
        }),
      );
      expect(plan.items.map((i) => [i.hid, i.action])).toEqual([
        ['aaaa', 'create'],
        ['cccc', 'create'],
        ['dddd', 'retire'],
      ]);
      expect(plan.leftAlone).toEqual([
        { hid: 'bbbb', reason: 'not-taking-part' },
        { hid: 'eeee', reason: 'excluded' },
      ]);
    });

    it('matches links and observations by normalised id: a differently spelled link is never a second create', () => {
      const plan = planSync(input({ observed: [taking(desired({ hid: HID }))], links: [link('linked', { hid: `{${HID.toUpperCase()}}` })] }));
      expect(plan).toEqual({ items: [], leftAlone: [{ hid: HID, reason: 'unchanged' }] });
    });

    it('keeps one entry per computer when the same id is listed twice, whatever the order', () => {
      const observed = [notTaking('no-agent'), taking()];
      const links = [link('claimed'), link('linked')];
      const plan = planSync(input({ observed, links }));
      expect(plan).toEqual({ items: [], leftAlone: [{ hid: HID, reason: 'unchanged' }] });
      expect(planSync(input({ observed: [...observed].reverse(), links: [...links].reverse() }))).toEqual(plan);
    });

    it('does not change its input', () => {
      const given = input({ observed: [taking(desired({ hostName: 'NEW' }))], links: [link('linked')] });
      const copy = structuredClone(given);
      planSync(given);
      expect(given).toEqual(copy);
    });
  });
});
