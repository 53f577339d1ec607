import { ApplicationFailure } from '@temporalio/common';
import { DataSource, In } from 'typeorm';
import { HaloClient } from '../src/halo/halo-client';
import { HaloError } from '../src/halo/halo-errors';
import { IntegrationHaloClientFactory } from '../src/integrations/integration-halo-client';
import { claimComputers, markLinked, releaseClaims } from '../src/mappings/export/computer-claims';
import { ComputerLinkEntity } from '../src/persistence/entities/computer-link.entity';
import { ExportItemEntity, ExportOutcome } from '../src/persistence/entities/export-item.entity';
import { ExportRunEntity } from '../src/persistence/entities/export-run.entity';
import { IntegrationEntity } from '../src/persistence/entities/integration.entity';
import { withHaloFailures } from './halo-failure';

export interface ExportActivityDependencies {
  dataSource: DataSource;
  haloClients: IntegrationHaloClientFactory;
}

export interface ExportBatchInput {
  integrationId: string;
  exportRunId: string;
  batchSize: number;
}

export function createExportActivities(deps: ExportActivityDependencies) {
  const db = deps.dataSource.manager;

  async function settle(exportRunId: string, hid: string, outcome: ExportOutcome, haloAssetId: number | null, reason: string | null): Promise<void> {
    await db.update(ExportItemEntity, { exportRunId, computerHid: hid }, { outcome, haloAssetId, reason });
  }

  /** Finds assets a lost response may have created, by the computer-id custom field, one customer at a time. */
  async function findCreated(halo: HaloClient, integration: IntegrationEntity, items: ExportItemEntity[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    const fieldId = integration.computerIdFieldId as number;
    for (const customerId of new Set(items.map((i) => i.planned.customerId))) {
      for (const asset of await halo.listAssets({ clientId: customerId, includeInactive: true, customFieldIds: [fieldId] })) {
        const hid = halo.customFieldValue(asset, fieldId)?.toLowerCase();
        if (hid) found.set(hid, asset.id);
      }
    }
    return found;
  }

  /** One POST for the batch; a 400 splits it in halves until the bad record is alone, so it fails alone. */
  async function create(halo: HaloClient, integration: IntegrationEntity, exportRunId: string, items: ExportItemEntity[]): Promise<void> {
    if (items.length === 0) return;
    try {
      const saved = await halo.saveAssets(
        items.map(({ planned }) => ({
          client_id: planned.customerId,
          site_id: planned.siteId,
          assettype_id: planned.assetTypeId,
          inactive: false,
          fields: planned.fields,
          customfields: planned.customfields,
        })),
      );
      for (const [index, item] of items.entries()) {
        await markLinked(db, integration.id, item.computerHid, saved[index].id, true);
        await settle(exportRunId, item.computerHid, 'created', saved[index].id, null);
      }
    } catch (error) {
      if (!(error instanceof HaloError) || error.kind !== 'validation') throw error;
      if (items.length === 1) {
        await releaseClaims(db, integration.id, [items[0].computerHid]);
        await settle(exportRunId, items[0].computerHid, 'failed', null, `HaloPSA refused the asset: ${error.message}`);
        return;
      }
      const middle = Math.ceil(items.length / 2);
      await create(halo, integration, exportRunId, items.slice(0, middle));
      await create(halo, integration, exportRunId, items.slice(middle));
    }
  }

  return {
    /** Exports the next batch of pending computers; answers how many are left. */
    async exportNextBatch(input: ExportBatchInput): Promise<{ processed: number; remaining: number }> {
      const items = await db.find(ExportItemEntity, { where: { exportRunId: input.exportRunId, outcome: 'pending' }, order: { computerHid: 'ASC' }, take: input.batchSize });
      if (items.length === 0) return { processed: 0, remaining: 0 };
      const integration = await db.findOneBy(IntegrationEntity, { id: input.integrationId });
      if (!integration?.computerIdFieldId) throw ApplicationFailure.nonRetryable('The integration is gone or not set up.', 'IntegrationGone');
      const halo = deps.haloClients.forIntegration(integration);
      await withHaloFailures(async () => {
        const fresh = await claimComputers(db, integration.id, items.map((i) => i.computerHid));
        const earlier = items.filter((i) => !fresh.has(i.computerHid));
        const links = new Map(
          (await db.findBy(ComputerLinkEntity, { integrationId: integration.id, computerHid: In(earlier.map((i) => i.computerHid)) })).map((l) => [l.computerHid, l]),
        );
        const uncertain: ExportItemEntity[] = [];
        for (const item of earlier) {
          const link = links.get(item.computerHid);
          if (link?.state === 'linked') await settle(input.exportRunId, item.computerHid, 'skipped', link.haloAssetId, `already linked to asset ${link.haloAssetId}`);
          else if (link?.state === 'excluded') await settle(input.exportRunId, item.computerHid, 'skipped', null, 'excluded');
          else uncertain.push(item);
        }
        const created = uncertain.length > 0 ? await findCreated(halo, integration, uncertain) : new Map<string, number>();
        for (const item of uncertain.filter((i) => created.has(i.computerHid))) {
          const assetId = created.get(item.computerHid) as number;
          await markLinked(db, integration.id, item.computerHid, assetId, true);
          await settle(input.exportRunId, item.computerHid, 'created', assetId, null);
        }
        const toCreate = [...items.filter((i) => fresh.has(i.computerHid)), ...uncertain.filter((i) => !created.has(i.computerHid))];
        await create(halo, integration, input.exportRunId, toCreate);
      });
      const remaining = await db.countBy(ExportItemEntity, { exportRunId: input.exportRunId, outcome: 'pending' });
      return { processed: items.length, remaining };
    },

    async finishExport(input: { exportRunId: string; error: string | null }): Promise<void> {
      await db.update(ExportRunEntity, { id: input.exportRunId }, { state: input.error ? 'failed' : 'completed', lastError: input.error, finishedAt: new Date() });
    },
  };
}

export type ExportActivities = ReturnType<typeof createExportActivities>;
