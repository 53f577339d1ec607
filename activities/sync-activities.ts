import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../workflows/failures';
import { DataSource, In, LessThan } from 'typeorm';
import { HaloClient } from '../src/halo/halo-client';
import { HaloAssetWrite } from '../src/halo/halo-entities';
import { IntegrationHaloClientFactory } from '../src/integrations/integration-halo-client';
import { AssetTypeMappingEntity } from '../src/persistence/entities/asset-type-mapping.entity';
import { CompanyMappingEntity } from '../src/persistence/entities/company-mapping.entity';
import { ComputerLicenseIds } from '../src/computer-links/computer-license-ids';
import { ComputerLinks } from '../src/computer-links/computer-links';
import { IntegrationEntity } from '../src/persistence/entities/integration.entity';
import { SyncRunItemEntity } from '../src/persistence/entities/sync-run-item.entity';
import { SyncRunEntity, SyncScope, SyncTrigger } from '../src/persistence/entities/sync-run.entity';
import { ConsoleRunSource, inventoryPages, readComputersNamed } from '../src/sync/console-observation';
import { deepCheckByPage } from '../src/sync/deep-check';
import { planComputersRun, planFullRun, RunPlanning } from '../src/sync/run-planning';
import { needsCurrentAsset, preservingWrite } from '../src/sync/preserving-write';
import { PlanItem } from '../src/sync/plan/sync-plan-types';
import { TenantConsoleService } from '../src/tenants/tenant-console.service';
import { AssetWriteRequest, AssetWriteResult, writeAssets } from './asset-batch-writer';
import { RecentAssetTypes } from './recent-asset-types';
import { withConsoleFailures } from './console-failure';
import { withHaloFailures } from './halo-failure';
import { normaliseComputerId } from '../src/console/computer-id';

export interface SyncActivityDependencies {
  dataSource: DataSource;
  haloClients: IntegrationHaloClientFactory;
  consoles: TenantConsoleService;
  syncRunRetentionDays: number;
  now: () => Date;
}

export interface BeginRunInput {
  integrationId: string;
  runId: string;
  workflowId: string;
  trigger: SyncTrigger;
  /** Absent: a full reconciliation; else the computers an event named. */
  hids?: string[];
  /** A full run in progress whose pending items for these computers this run replaces (they were planned before the event). */
  supersedes?: string;
}

/** How long the asset types a run's planning read are reused by its batches. */
const ASSET_TYPES_FRESH_MS = 10 * 60_000;

function newHostNameOf(plan: PlanItem): string | undefined {
  return plan.changes.includes('hostName') && plan.nextWritten ? plan.nextWritten.hostName : undefined;
}

/** The updates that are built on their asset as it stands: one read each before the batch's POST. */
function updatesReadFirst(plans: PlanItem[]): PlanItem[] {
  return plans.filter((plan) => plan.write && needsCurrentAsset(plan.write, newHostNameOf(plan) !== undefined));
}

/** A full run's plan, the Console read a page at a time; the HIDs listed are held in one set. */
function planFullRunOf(planning: RunPlanning, console: ConsoleRunSource): Promise<number> {
  const seen = new Set<string>();
  return planFullRun(planning, inventoryPages(console, seen), seen);
}

export function createSyncActivities(deps: SyncActivityDependencies) {
  const db = deps.dataSource.manager;
  const recentAssetTypes = new RecentAssetTypes(ASSET_TYPES_FRESH_MS, deps.now);

  async function integrationOf(integrationId: string): Promise<IntegrationEntity> {
    const integration = await db.findOneBy(IntegrationEntity, { id: integrationId });
    if (!integration) throw ApplicationFailure.nonRetryable('The integration no longer exists.', FAILURE_TYPES.integrationGone);
    return integration;
  }

  /**
   * Reads HaloPSA's assets (one paged listing of all of them, far fewer requests than one listing
   * per customer, compared a page at a time) and makes the links agree with what people did there.
   */
  async function runDeepCheck(halo: HaloClient, integration: IntegrationEntity, links: ComputerLinks): Promise<Map<string, string>> {
    const findings = await deepCheckByPage(halo.assetPages({ includeInactive: true }), links);
    await links.applyDeepCheck(findings, integration.deletedAssetPolicy);
    const notes = new Map<string, string>();
    for (const hid of findings.edited) notes.set(hid, 'changed in HaloPSA by a person: rewritten');
    const deletedNote = integration.deletedAssetPolicy === 'recreate' ? 'deleted in HaloPSA: created again' : 'deleted in HaloPSA: left out of syncs until you link or unlink it (policy "report")';
    for (const hid of findings.deleted) notes.set(hid, deletedNote);
    await db.update(IntegrationEntity, { id: integration.id }, { lastDeepCheckAt: deps.now() });
    return notes;
  }

  /**
   * The planned writes, each update built on its asset as it stands (one read per updated asset):
   * values that people or other tools set on it are sent back unchanged, and a new host name goes
   * to the key field of the asset's own type.
   */
  async function preservingWrites(halo: HaloClient, integrationId: string, plans: PlanItem[]): Promise<AssetWriteRequest[]> {
    const updates = updatesReadFirst(plans);
    const current = await halo.getAssets(updates.map((plan) => plan.write?.id as number));
    const renaming = updates.some((plan) => newHostNameOf(plan) !== undefined);
    const types = renaming ? await recentAssetTypes.get(integrationId, () => halo.listAssetTypes()) : [];
    const keyFields = new Map(types.map((t) => [t.id, t.keyfield_id ?? null]));
    return plans.map((plan) => {
      const write: HaloAssetWrite = plan.write ?? {};
      const asset = write.id === undefined ? undefined : current.get(write.id);
      const hostName = newHostNameOf(plan);
      const keyField = asset && hostName !== undefined ? { keyFieldId: keyFields.get(asset.assettype_id) ?? null, hostName } : undefined;
      return { hid: plan.hid, customerId: write.client_id ?? 0, write: asset ? preservingWrite(write, asset, keyField) : write };
    });
  }

  /** The links and run items of written computers, recorded the moment HaloPSA answers: one commit. */
  async function recordSyncWrites(runId: string, links: ComputerLinks, planned: ReadonlyMap<string, PlanItem>, results: readonly AssetWriteResult[]): Promise<void> {
    await links.transaction(async (inTransaction, tx) => {
      for (const result of results) {
        if (!result.ok) {
          await tx.update(SyncRunItemEntity, { syncRunId: runId, computerHid: result.hid }, { outcome: 'failed', reason: result.reason });
          continue;
        }
        await inTransaction.recordWrite(planned.get(result.hid) as PlanItem, result.assetId);
        await tx.update(SyncRunItemEntity, { syncRunId: runId, computerHid: result.hid }, { outcome: 'done', haloAssetId: result.assetId });
      }
    });
  }

  return {
    /** Records the run, reads the Console (and, when due, HaloPSA's assets), plans, and stores one item per computer. */
    async beginSyncRun(input: BeginRunInput): Promise<{ state: 'running' | 'skipped'; pending: number }> {
      const integration = await integrationOf(input.integrationId);
      const scope: SyncScope = input.hids ? 'computers' : 'full';
      if (integration.syncPaused || integration.state !== 'connected') {
        await db.upsert(
          SyncRunEntity,
          { id: input.runId, integrationId: integration.id, trigger: input.trigger, scope, state: 'skipped', workflowId: input.workflowId, error: integration.syncPaused ? 'sync is paused' : `the integration is ${integration.state}`, finishedAt: deps.now() },
          ['id'],
        );
        return { state: 'skipped', pending: 0 };
      }
      const halo = deps.haloClients.forIntegration(integration);
      const deepCheckDue = scope === 'full' && (!integration.lastDeepCheckAt || deps.now().getTime() - integration.lastDeepCheckAt.getTime() >= integration.deepCheckHours * 3_600_000);
      await db.upsert(
        SyncRunEntity,
        { id: input.runId, integrationId: integration.id, trigger: input.trigger, scope, state: 'running', deepCheck: deepCheckDue, workflowId: input.workflowId, counts: {}, error: null, finishedAt: null },
        ['id'],
      );
      await db.delete(SyncRunItemEntity, { syncRunId: input.runId });
      const [console, mappings, defaults] = await Promise.all([
        deps.consoles.clientForTenant(integration.tenantId),
        db.findBy(CompanyMappingEntity, { integrationId: integration.id }),
        db.findBy(AssetTypeMappingEntity, { integrationId: integration.id }),
      ]);
      const scopeHids = input.hids ? [...new Set(input.hids.map(normaliseComputerId))] : undefined;
      const links = new ComputerLinks(db, integration.id);
      const licenseIds = new ComputerLicenseIds(db, integration.id);
      const notes = await withHaloFailures(async () => {
        // Nothing linked yet: nothing a person could have changed or deleted, so no reads.
        return deepCheckDue && (await links.anyWithAsset()) ? runDeepCheck(halo, integration, links) : new Map<string, string>();
      });
      const readAssetTypes = () => halo.listAssetTypes();
      const assetTypes = await withHaloFailures(async () =>
        scopeHids ? recentAssetTypes.get(integration.id, readAssetTypes, defaults.map((d) => d.haloAssetTypeId)) : recentAssetTypes.remember(integration.id, await readAssetTypes()),
      );
      const planning: RunPlanning = {
        db,
        runId: input.runId,
        links,
        licenseIds,
        observeContext: { integration: await integrationOf(integration.id), mappings, defaultTypes: new Map(defaults.map((d) => [d.licenseType, d.haloAssetTypeId])), assetTypes },
        notes,
      };
      const pending = await withConsoleFailures(async () =>
        scopeHids ? planComputersRun(planning, await readComputersNamed(console, scopeHids, await licenseIds.of(scopeHids)), scopeHids) : planFullRunOf(planning, console),
      );
      if (input.supersedes && input.hids) {
        await db.update(
          SyncRunItemEntity,
          { syncRunId: input.supersedes, outcome: 'pending', computerHid: In(input.hids) },
          { outcome: 'left-alone', reason: `synced by event run ${input.runId}` },
        );
      }
      return { state: 'running', pending };
    },

    /** Applies the next batch of planned items: one HaloPSA POST (unlinks need none). */
    async applySyncBatch(input: { integrationId: string; runId: string; batchSize: number }): Promise<{ processed: number; remaining: number }> {
      const items = await db.find(SyncRunItemEntity, { where: { syncRunId: input.runId, outcome: 'pending' }, order: { computerHid: 'ASC' }, take: input.batchSize });
      if (items.length === 0) return { processed: 0, remaining: 0 };
      const integration = await integrationOf(input.integrationId);
      const planned = new Map(items.map((i) => [i.computerHid, i.planned as PlanItem]));
      const links = new ComputerLinks(db, integration.id);
      const unlinks = items.filter((i) => i.action === 'unlink');
      if (unlinks.length > 0) {
        await links.forget(unlinks.map((i) => i.computerHid));
        await db.update(SyncRunItemEntity, { syncRunId: input.runId, computerHid: In(unlinks.map((i) => i.computerHid)) }, { outcome: 'done' });
      }
      const writes = items.map((i) => planned.get(i.computerHid) as PlanItem).filter((plan) => plan.action !== 'unlink');
      const halo = deps.haloClients.forIntegration(integration);
      // The reads and the POST take their places together: a batch the budget's window cannot finish does not begin,
      // so an attempt that waits for the window has read nothing it must read again.
      const requests = writes.length === 0 ? 0 : updatesReadFirst(writes).length + 1;
      await withHaloFailures(() =>
        deps.haloClients.withReservedRequests(integration, requests, async () =>
          writeAssets(
            { links, halo, integration },
            await preservingWrites(halo, integration.id, writes),
            (results) => recordSyncWrites(input.runId, links, planned, results),
          ),
        ),
      );
      const remaining = await db.countBy(SyncRunItemEntity, { syncRunId: input.runId, outcome: 'pending' });
      return { processed: items.length, remaining };
    },

    /** Closes the run with its counts, and forgets runs older than the retention. */
    async finishSyncRun(input: { integrationId: string; runId: string; error: string | null; stopsIntegration: boolean }): Promise<Record<string, number>> {
      const rows: { action: string; outcome: string; count: string }[] = await db.query(
        'SELECT action, outcome, count(*)::text AS count FROM sync_run_items WHERE sync_run_id = $1 GROUP BY action, outcome',
        [input.runId],
      );
      const counts: Record<string, number> = {};
      for (const row of rows) counts[row.outcome === 'done' ? row.action : row.outcome] = (counts[row.outcome === 'done' ? row.action : row.outcome] ?? 0) + Number(row.count);
      const recorded = await db.update(SyncRunEntity, { id: input.runId }, { state: input.error ? 'failed' : 'completed', error: input.error, counts, finishedAt: deps.now() });
      // A run whose planning failed before it was recorded leaves nothing to point at.
      if (!recorded.affected) return counts;
      await db.update(
        IntegrationEntity,
        { id: input.integrationId },
        input.stopsIntegration ? { lastSyncRunId: input.runId, state: 'failed', lastError: input.error } : { lastSyncRunId: input.runId },
      );
      const cutoff = new Date(deps.now().getTime() - deps.syncRunRetentionDays * 86_400_000);
      await db.delete(SyncRunEntity, { integrationId: input.integrationId, startedAt: LessThan(cutoff) });
      return counts;
    },
  };
}

export type SyncActivities = ReturnType<typeof createSyncActivities>;
