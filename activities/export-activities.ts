import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../workflows/failures';
import { DataSource } from 'typeorm';
import { IntegrationHaloClientFactory } from '../src/integrations/integration-halo-client';
import { ComputerLinks } from '../src/computer-links/computer-links';
import { ExportItemEntity, ExportOutcome, PlannedAsset } from '../src/persistence/entities/export-item.entity';
import { ExportRunEntity } from '../src/persistence/entities/export-run.entity';
import { IntegrationEntity } from '../src/persistence/entities/integration.entity';
import { writeAssets } from './asset-batch-writer';
import { WrittenAsset } from '../src/sync/plan/sync-plan-types';
import { withHaloFailures } from './halo-failure';

export interface ExportActivityDependencies {
  dataSource: DataSource;
  haloClients: IntegrationHaloClientFactory;
  /** Mappings changed: the sync schedule may now be due (or no longer). */
  onExportFinished: (integrationId: string) => Promise<void>;
}

export interface ExportBatchInput {
  integrationId: string;
  exportRunId: string;
  batchSize: number;
}

/** What an export wrote, kept so the first sync writes only what changed since. */
function writtenByExport(planned: PlannedAsset): WrittenAsset {
  return {
    customerId: planned.customerId,
    siteId: planned.siteId,
    hostName: planned.hostName,
    customFields: Object.fromEntries(planned.customfields.map((f) => [f.id, f.value])),
    inactive: false,
  };
}

export function createExportActivities(deps: ExportActivityDependencies) {
  const db = deps.dataSource.manager;

  async function settle(exportRunId: string, hid: string, outcome: ExportOutcome, haloAssetId: number | null, reason: string | null): Promise<void> {
    await db.update(ExportItemEntity, { exportRunId, computerHid: hid }, { outcome, haloAssetId, reason });
  }

  return {
    /** Exports the next batch of pending computers (one Halo POST); answers how many are left. */
    async exportNextBatch(input: ExportBatchInput): Promise<{ processed: number; remaining: number }> {
      const items = await db.find(ExportItemEntity, { where: { exportRunId: input.exportRunId, outcome: 'pending' }, order: { computerHid: 'ASC' }, take: input.batchSize });
      if (items.length === 0) return { processed: 0, remaining: 0 };
      const integration = await db.findOneBy(IntegrationEntity, { id: input.integrationId });
      if (!integration?.computerIdFieldId) throw ApplicationFailure.nonRetryable('The integration is gone or not set up.', FAILURE_TYPES.integrationGone);
      const computerLinks = new ComputerLinks(db, integration.id);
      const links = new Map((await computerLinks.find(items.map((i) => i.computerHid))).map((l) => [l.computerHid, l]));
      const toWrite: ExportItemEntity[] = [];
      for (const item of items) {
        const link = links.get(item.computerHid);
        if (link?.state === 'linked') await settle(input.exportRunId, item.computerHid, 'skipped', link.haloAssetId, `already linked to asset ${link.haloAssetId}`);
        else if (link?.state === 'excluded' || link?.state === 'retired') await settle(input.exportRunId, item.computerHid, 'skipped', link.haloAssetId, link.state);
        else toWrite.push(item);
      }
      const plannedByHid = new Map(toWrite.map((item) => [item.computerHid, item.planned]));
      await withHaloFailures(() =>
        writeAssets(
          { links: computerLinks, halo: deps.haloClients.forIntegration(integration), integration },
          toWrite.map(({ computerHid, planned }) => ({
            hid: computerHid,
            customerId: planned.customerId,
            write: { client_id: planned.customerId, site_id: planned.siteId, assettype_id: planned.assetTypeId, inactive: false, fields: planned.fields, customfields: planned.customfields },
          })),
          async (results) => {
            for (const result of results) {
              if (!result.ok) {
                await settle(input.exportRunId, result.hid, 'failed', null, result.reason);
                continue;
              }
              await computerLinks.recordExportWrite(result.hid, writtenByExport(plannedByHid.get(result.hid) as PlannedAsset));
              await settle(input.exportRunId, result.hid, 'created', result.assetId, null);
            }
          },
        ),
      );
      const remaining = await db.countBy(ExportItemEntity, { exportRunId: input.exportRunId, outcome: 'pending' });
      return { processed: items.length, remaining };
    },

    async finishExport(input: { integrationId: string; exportRunId: string; error: string | null }): Promise<void> {
      await db.update(ExportRunEntity, { id: input.exportRunId }, { state: input.error ? 'failed' : 'completed', lastError: input.error, finishedAt: new Date() });
      await deps.onExportFinished(input.integrationId);
    },
  };
}

export type ExportActivities = ReturnType<typeof createExportActivities>;
