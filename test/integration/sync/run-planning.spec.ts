import { DataSource } from 'typeorm';
import { ComputerLicenseIds } from '../../../src/computer-links/computer-license-ids';
import { ComputerLinks } from '../../../src/computer-links/computer-links';
import type { InventoryComputer } from '../../../src/inventory/inventory-types';
import { dataSourceOptions } from '../../../src/persistence/data-source-options';
import type { CompanyMappingEntity } from '../../../src/persistence/entities/company-mapping.entity';
import type { IntegrationEntity } from '../../../src/persistence/entities/integration.entity';
import { SyncRunItemEntity } from '../../../src/persistence/entities/sync-run-item.entity';
import { SyncRunEntity } from '../../../src/persistence/entities/sync-run.entity';
import { observe, ObserveContext } from '../../../src/sync/observe';
import { planSync } from '../../../src/sync/plan/sync-plan';
import { planComputersRun, planFullRun, RunPlanning } from '../../../src/sync/run-planning';
import { insertIntegrationRow } from '../../support/integration-row';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/** A full run planned a page at a time stores exactly what `planSync` over the whole tenant plans. */

const computer = (hid: string, fields: Partial<InventoryComputer> = {}): InventoryComputer => ({
  hid,
  hostName: `host-${hid}`,
  displayName: `host-${hid}`,
  companyName: 'Acme',
  companyId: 'co-acme',
  os: 'windows',
  hasBackupAgent: true,
  hasRmmAgent: false,
  online: true,
  licenseType: 'Desktop',
  ...fields,
});

const observeContext: ObserveContext = {
  integration: { computerIdFieldId: 301, inventoryFieldIds: { os: 302 }, autoExport: true } as unknown as IntegrationEntity,
  mappings: [{ consoleCompanyId: 'co-acme', haloClientId: 12, haloSiteId: 5012 } as CompanyMappingEntity],
  defaultTypes: new Map([['Desktop', 101]]),
  assetTypes: [],
};

describe('run planning (PostgreSQL): a page at a time, the same plan as the whole', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let links: ComputerLinks;
  let licenseIds: ComputerLicenseIds;
  const runIds = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    const integrationId = await insertIntegrationRow(dataSource);
    links = new ComputerLinks(dataSource.manager, integrationId);
    licenseIds = new ComputerLicenseIds(dataSource.manager, integrationId);
    for (const id of runIds) await dataSource.manager.insert(SyncRunEntity, { id, integrationId, trigger: 'manual', scope: 'full', state: 'running', workflowId: 'w', counts: {} });
    await links.setByHand('a', { state: 'linked', haloAssetId: 1 });
    await links.setByHand('b', { state: 'linked', haloAssetId: 2 });
    await links.setByHand('e', { state: 'excluded', haloAssetId: null });
    await links.setByHand('f', { state: 'linked', haloAssetId: 6 });
    // More links than one page of links, all gone from the Console and only claimed: left alone.
    await links.claim(Array.from({ length: 1_200 }, (_, i) => `gone-${String(i).padStart(4, '0')}`));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const planning = (runId: string): RunPlanning => ({ db: dataSource.manager, runId, links, licenseIds, observeContext, notes: new Map([['f', 'a note']]) });
  const storedItems = async (runId: string) =>
    (await dataSource.manager.find(SyncRunItemEntity, { where: { syncRunId: runId }, order: { computerHid: 'ASC' } })).map((row) => ({
      hid: row.computerHid,
      action: row.action,
      outcome: row.outcome,
      planned: row.planned,
      reason: row.reason,
      hostName: row.hostName,
    }));

  it('plans every page, the links no page listed (over two pages of links), and keeps the later entry of a computer listed twice', async () => {
    const pages = [
      [computer('a', { hostName: 'old-name', licenseId: 'lic-a-old' }), computer('e', { licenseId: 'lic-e' })],
      [computer('f', { hasBackupAgent: false }), computer('g', { licenseId: 'lic-g' })],
      [computer('h', { companyId: undefined, companyName: 'Nobody' }), computer('a', { licenseId: 'lic-a' })],
    ];
    await licenseIds.remember([
      { hid: 'b', licenseId: 'lic-b' },
      { hid: 'gone-1100', licenseId: 'lic-gone' },
      { hid: 'f', licenseId: 'lic-f-released' },
      // Never linked, and gone from the Console (after a page of kept ids: the forgetting pages too).
      ...Array.from({ length: 1_100 }, (_, i) => ({ hid: `unlinked-gone-${String(i).padStart(4, '0')}`, licenseId: null })),
    ]);
    const runId = runIds[0];
    async function* listed() {
      yield* pages;
    }
    const pending = await planFullRun(planning(runId), listed());

    const everything = [pages[0][1], ...pages[1], ...pages[2]];
    const whole = planSync({ observed: observe(everything, observeContext), links: (await links.find()).map((l) => ({ hid: l.computerHid, state: l.state, haloAssetId: l.haloAssetId, lastWritten: l.lastWritten })), autoExport: true });
    const stored = await storedItems(runId);
    expect(stored.filter((s) => s.outcome === 'pending').map(({ hid, action, planned }) => ({ hid, action, planned }))).toEqual(whole.items.map((item) => ({ hid: item.hid, action: item.action, planned: item })));
    expect(stored.filter((s) => s.outcome === 'left-alone').map(({ hid }) => hid)).toEqual(whole.leftAlone.map((left) => left.hid));
    expect(pending).toBe(whole.items.length);
    expect(whole.items.map((i) => `${i.hid} ${i.action}`)).toEqual(['a update', 'b retire', 'f retire', 'g create']);
    expect(stored.find((s) => s.hid === 'a')).toMatchObject({ hostName: 'host-a' });
    expect(stored.find((s) => s.hid === 'f')).toMatchObject({ reason: 'a note' });
    expect(stored.filter((s) => s.hid.startsWith('gone-'))).toHaveLength(1_200);
    // Each listed computer's license as joined (null: none); those gone from the Console forgotten.
    expect(Object.fromEntries(await licenseIds.of(['a', 'b', 'e', 'f', 'g', 'h', 'gone-1100']))).toEqual({ a: 'lic-a', e: 'lic-e', f: null, g: 'lic-g', h: null });
    const kept: string[] = [];
    for await (const hids of licenseIds.hidPages()) kept.push(...hids);
    expect(kept).toEqual(['a', 'e', 'f', 'g', 'h']);
  });

  it('plans an event run for its computers only; a named computer not listed is gone', async () => {
    const runId = runIds[1];
    await licenseIds.remember([{ hid: 'b', licenseId: 'lic-b' }]);
    expect(await planComputersRun(planning(runId), [computer('g', { licenseId: 'lic-g-new' })], ['b', 'g'])).toBe(2);
    expect((await storedItems(runId)).map((s) => `${s.hid} ${s.action}`)).toEqual(['b retire', 'g create']);
    expect(Object.fromEntries(await licenseIds.of(['b', 'g']))).toEqual({ g: 'lic-g-new' });
  });
});
