import { EntityManager } from 'typeorm';
import { ComputerLicenseIds } from '../computer-links/computer-license-ids';
import { ComputerLinks } from '../computer-links/computer-links';
import { InventoryComputer } from '../inventory/inventory-types';
import { SyncRunItemEntity } from '../persistence/entities/sync-run-item.entity';
import { observe, ObserveContext } from './observe';
import { planSync } from './plan/sync-plan';
import { ComputerLinkState, SyncPlan } from './plan/sync-plan-types';

/** What planning a run needs besides the Console's computers. */
export interface RunPlanning {
  db: EntityManager;
  runId: string;
  links: ComputerLinks;
  licenseIds: ComputerLicenseIds;
  observeContext: ObserveContext;
  /** What the deep check found, by computer: the reason shown on its item. */
  notes: ReadonlyMap<string, string>;
}

/**
 * A full run's plan, made and stored a page of computers at a time (`planSync` over each page's
 * computers and their links), then for the links whose computer no page listed (gone from the
 * Console), read a page at a time; the license ids kept for computers no page listed are
 * forgotten. Memory holds a page and the ids seen, not the tenant. A computer listed on two pages
 * keeps the later plan. `seen`: the set the page reader already fills with the HIDs it lists, so
 * that they are held once. Returns how many items are pending.
 */
export async function planFullRun(planning: RunPlanning, pages: AsyncIterable<InventoryComputer[]>, seen = new Set<string>()): Promise<number> {
  for await (const computers of pages) {
    const hids = computers.map((computer) => computer.hid);
    await planComputersRun(planning, computers, hids);
    for (const hid of hids) seen.add(hid);
  }
  for await (const links of planning.links.pages()) {
    const gone = links.filter((link) => !seen.has(link.hid));
    if (gone.length === 0) continue;
    await store(planning, plan(planning, [], gone, gone.map((link) => link.hid)), [], gone);
  }
  // Linked or not: a computer no page listed is gone from the Console, and so is its license's id.
  for await (const hids of planning.licenseIds.hidPages()) await planning.licenseIds.forget(hids.filter((hid) => !seen.has(hid)));
  return planning.db.countBy(SyncRunItemEntity, { syncRunId: planning.runId, outcome: 'pending' });
}

/**
 * The plan for some computers (`scope`: an event run's, or a page of a full run's), stored; those
 * in scope but not in `computers` are gone from the Console. Returns how many items it planned.
 */
export async function planComputersRun(planning: RunPlanning, computers: readonly InventoryComputer[], scope: readonly string[]): Promise<number> {
  const links = await planning.links.states(scope);
  const planned = plan(planning, computers, links, scope);
  await store(planning, planned, computers, links);
  await rememberLicenseIds(planning.licenseIds, computers, scope);
  return planned.items.length;
}

/** Each listed computer's license as this run joined it; computers in scope but not listed are gone. */
async function rememberLicenseIds(licenseIds: ComputerLicenseIds, computers: readonly InventoryComputer[], scope: readonly string[]): Promise<void> {
  await licenseIds.remember(computers.map((computer) => ({ hid: computer.hid, licenseId: computer.licenseId ?? null })));
  const listed = new Set(computers.map((computer) => computer.hid));
  await licenseIds.forget(scope.filter((hid) => !listed.has(hid)));
}

function plan(planning: RunPlanning, computers: readonly InventoryComputer[], links: ComputerLinkState[], scope: readonly string[]): SyncPlan {
  return planSync({
    observed: observe(computers, planning.observeContext),
    links,
    autoExport: planning.observeContext.integration.autoExport,
    scope: new Set(scope),
  });
}

/** One item per computer planned or left alone, with its name and company as the run saw them. */
async function store(planning: RunPlanning, { items, leftAlone }: SyncPlan, computers: readonly InventoryComputer[], links: readonly ComputerLinkState[]): Promise<void> {
  const { runId, notes } = planning;
  const computerOf = new Map(computers.map((computer) => [computer.hid, computer]));
  const assetOf = new Map(links.map((link) => [link.hid, link.haloAssetId]));
  const named = (hid: string) => ({ hostName: computerOf.get(hid)?.hostName ?? null, companyName: computerOf.get(hid)?.companyName ?? null });
  const rows: Partial<SyncRunItemEntity>[] = [
    ...items.map((item) => ({ syncRunId: runId, computerHid: item.hid, ...named(item.hid), action: item.action, outcome: 'pending' as const, haloAssetId: item.haloAssetId, changes: item.changes, reason: notes.get(item.hid) ?? null, planned: item })),
    ...leftAlone.map((left) => ({ syncRunId: runId, computerHid: left.hid, ...named(left.hid), action: 'leave', outcome: 'left-alone' as const, haloAssetId: assetOf.get(left.hid) ?? null, changes: [], reason: notes.get(left.hid) ?? left.reason, planned: null })),
  ];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await planning.db.upsert(SyncRunItemEntity, rows.slice(i, i + INSERT_CHUNK), ['syncRunId', 'computerHid']);
}

const INSERT_CHUNK = 1_000;
