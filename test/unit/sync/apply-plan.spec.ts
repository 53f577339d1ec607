import { applyPlan, planSync } from '../../../src/sync/plan/sync-plan';
import type { ComputerLinkState, SyncPlan } from '../../../src/sync/plan/sync-plan-types';
import { desired, input, link, notTaking, taking, writtenOf } from './sync-plan-fixtures';

const noCreates = (hid: string): number => {
  throw new Error(`unexpected create of ${hid}`);
};

describe('applyPlan', () => {
  it('links a created computer to the asset Halo returned, with what was written', () => {
    const asset = desired({ hid: 'aaaa' });
    const plan = planSync(input({ observed: [taking(asset)], links: [link('claimed', { hid: 'aaaa' })] }));
    expect(applyPlan([link('claimed', { hid: 'aaaa' })], plan, (hid) => (hid === 'aaaa' ? 777 : 0))).toEqual([
      { hid: 'aaaa', state: 'linked', haloAssetId: 777, lastWritten: writtenOf(asset) },
    ]);
  });

  it.each([
    ['update', desired({ hid: 'aaaa', hostName: 'NEW' }), link('linked', { hid: 'aaaa' })],
    ['move', desired({ hid: 'aaaa', customerId: 99, siteId: 9900 }), link('linked', { hid: 'aaaa' })],
    ['reactivate', desired({ hid: 'aaaa' }), link('retired', { hid: 'aaaa' })],
  ] as const)('keeps the asset of an %s and records the new write', (action, now, before) => {
    const plan = planSync(input({ observed: [taking(now)], links: [before] }));
    expect(plan.items.map((i) => i.action)).toEqual([action]);
    expect(applyPlan([before], plan, noCreates)).toEqual([{ hid: 'aaaa', state: 'linked', haloAssetId: 20001, lastWritten: writtenOf(now) }]);
  });

  it('marks a retired computer retired, its last write inactive', () => {
    const before = link('linked', { hid: 'aaaa' });
    const after = applyPlan([before], planSync(input({ links: [before] })), noCreates);
    expect(after).toEqual([{ hid: 'aaaa', state: 'retired', haloAssetId: 20001, lastWritten: { ...before.lastWritten, inactive: true } }]);
  });

  it('marks a computer retired without a known last write retired, its last write still unknown', () => {
    const before = link('linked', { hid: 'aaaa', lastWritten: null });
    expect(applyPlan([before], planSync(input({ links: [before] })), noCreates)).toEqual([{ ...before, state: 'retired' }]);
  });

  it('removes an unlinked computer’s link', () => {
    const before = link('linked', { hid: 'aaaa' });
    const plan = planSync(input({ observed: [notTaking('company-unmapped', 'aaaa')], links: [before] }));
    expect(applyPlan([before], plan, noCreates)).toEqual([]);
  });

  it('keeps links the plan does not name, ordered by id, and does not change its input', () => {
    const links: ComputerLinkState[] = [link('excluded', { hid: 'cccc' }), link('retired', { hid: 'bbbb' }), link('claimed', { hid: 'aaaa' })];
    const copy = structuredClone(links);
    const empty: SyncPlan = { items: [], leftAlone: [{ hid: 'cccc', reason: 'excluded' }] };
    expect(applyPlan(links, empty, noCreates)).toEqual([copy[2], copy[1], copy[0]]);
    expect(links).toEqual(copy);
  });
});
