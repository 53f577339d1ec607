import { DataSource } from 'typeorm';
import { ComputerLinks, linkState } from '../../../src/computer-links/computer-links';
import { dataSourceOptions } from '../../../src/persistence/data-source-options';
import { applyPlan, planSync } from '../../../src/sync/plan/sync-plan';
import type { PlanItem } from '../../../src/sync/plan/sync-plan-types';
import { insertIntegrationRow } from '../../support/integration-row';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { desired, notTaking, taking } from '../../unit/sync/sync-plan-fixtures';

describe('ComputerLinks (PostgreSQL): every state change of a computer link', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let links: ComputerLinks;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    links = new ComputerLinks(dataSource.manager, await insertIntegrationRow(dataSource));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const stateOf = async (hid: string) => (await links.find([hid])).map(linkState)[0];

  it('lets one claim win, records the created asset at once, and gives back only claims', async () => {
    expect([...(await links.claim(['a', 'b']))].sort()).toEqual(['a', 'b']);
    expect([...(await links.claim(['a', 'c']))]).toEqual(['c']);
    await links.markCreated([{ hid: 'a', haloAssetId: 101 }]);
    await links.release(['a', 'b']);
    expect(await stateOf('a')).toEqual({ hid: 'a', state: 'linked', haloAssetId: 101, lastWritten: null });
    expect(await stateOf('b')).toBeUndefined();
    expect((await links.find(['a']))[0].createdByService).toBe(true);
  });

  it("records a sync's writes with the plan's own transition (applyPlan agrees)", async () => {
    await links.setByHand('d', { state: 'linked', haloAssetId: 104 });
    await links.setByHand('e', { state: 'linked', haloAssetId: 105 });
    const before = (await links.find()).map(linkState);
    const plan = planSync({
      observed: [taking(desired({ hid: 'a', hostName: 'A-2' })), taking(desired({ hid: 'c' })), notTaking('no-agent', 'd'), taking(desired({ hid: 'e' }))],
      links: before,
      autoExport: true,
    });
    expect(plan.items.map((i) => `${i.hid} ${i.action}`)).toEqual(['a update', 'c create', 'd retire', 'e update']);
    await links.markCreated([{ hid: 'c', haloAssetId: 103 }]);
    for (const planned of plan.items) await links.recordWrite(planned, planned.haloAssetId ?? 103);
    expect((await links.find()).map(linkState).sort((x, y) => x.hid.localeCompare(y.hid))).toEqual(applyPlan(before, plan, () => 103));
  });

  it("applies a deep check's findings under either deleted-asset policy", async () => {
    await links.applyDeepCheck({ edited: ['e'], deleted: ['a'] }, 'recreate');
    expect(await stateOf('e')).toMatchObject({ state: 'linked', haloAssetId: 105, lastWritten: null });
    expect(await stateOf('a')).toEqual({ hid: 'a', state: 'claimed', haloAssetId: null, lastWritten: null });
    await links.applyDeepCheck({ edited: [], deleted: ['c'] }, 'report');
    expect(await stateOf('c')).toMatchObject({ state: 'excluded', haloAssetId: 103, lastWritten: null });
  });

  it('finds the computer linked to an asset, counts links, and forgets links (the assets stay)', async () => {
    expect((await links.findLinkedTo(105))?.computerHid).toBe('e');
    expect(await links.countLinked()).toBe(1);
    const unlink: PlanItem = { ...planSync({ observed: [notTaking('company-unmapped', 'e')], links: [await stateOf('e')], autoExport: true }).items[0] };
    expect(unlink.action).toBe('unlink');
    await links.recordWrite(unlink, 105);
    await links.forget(['c']);
    expect(await links.findLinkedTo(105)).toBeNull();
    expect((await links.find()).map((l) => l.computerHid).sort()).toEqual(['a', 'd']);
  });
});
