import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ApiConfig } from '../../config/app-config';
import { AssetTypeMappingEntity } from '../../persistence/entities/asset-type-mapping.entity';
import { ExportItemEntity } from '../../persistence/entities/export-item.entity';
import { ExportRunEntity } from '../../persistence/entities/export-run.entity';
import { WorkflowGateway } from '../../temporal/workflow-gateway';
import { ComputerCatalogue } from '../computers/computer-catalogue';
import { IntegrationContext } from '../integration-context.service';
import { EXPORT_WAIT_MS } from './export-settings';
import { ExportPlan, ExportRequest, planExport } from './export-plan';

export interface ExportRunView {
  exportRunId: string;
  state: string;
  workflowId: string | null;
  lastError: string | null;
  counts: Record<string, number>;
  items: { hid: string; outcome: string; haloAssetId: number | null; reason: string | null }[];
}

export type ExportAnswer = { dryRun: true; plan: ExportPlan } | {
      dryRun: false;
      finished: boolean;
      run: ExportRunView;
      skipped: ExportPlan['skipped'];
      /** Left out of this export; each says the request that fixes it. */
      missingAssetType: ExportPlan['missingAssetType'];
    };

@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: ComputerCatalogue,
    private readonly workflows: WorkflowGateway,
    private readonly config: ConfigService<ApiConfig, true>,
  ) {}

  async export(context: IntegrationContext, request: ExportRequest, dryRun: boolean): Promise<ExportAnswer> {
    const plan = await this.plan(context, request);
    if (dryRun) return { dryRun: true, plan };
    const run = await this.dataSource.transaction(async (db) => {
      const saved = await db.save(db.create(ExportRunEntity, { integrationId: context.integration.id, state: 'running', requestedCount: plan.create.length, workflowId: null, lastError: null, finishedAt: null }));
      if (plan.create.length > 0) {
        await db.insert(ExportItemEntity, plan.create.map((c) => ({ exportRunId: saved.id, computerHid: c.hid, outcome: 'pending' as const, haloAssetId: null, reason: null, planned: c.asset })));
      }
      return saved;
    });
    const finished = await this.runWorkflow(context, run.id, plan.create.length);
    return { dryRun: false, finished, run: await this.view(context, run.id), skipped: plan.skipped, missingAssetType: plan.missingAssetType };
  }

  async view(context: IntegrationContext, exportRunId: string): Promise<ExportRunView> {
    const run = await this.dataSource.manager.findOneBy(ExportRunEntity, { id: exportRunId, integrationId: context.integration.id });
    if (!run) throw new NotFoundException(`No export ${exportRunId}.`);
    const items = await this.dataSource.manager.find(ExportItemEntity, { where: { exportRunId }, order: { computerHid: 'ASC' } });
    const counts: Record<string, number> = {};
    for (const item of items) counts[item.outcome] = (counts[item.outcome] ?? 0) + 1;
    return {
      exportRunId: run.id,
      state: run.state,
      workflowId: run.workflowId,
      lastError: run.lastError,
      counts,
      items: items.map((i) => ({ hid: i.computerHid, outcome: i.outcome, haloAssetId: i.haloAssetId, reason: i.reason })),
    };
  }

  private async plan(context: IntegrationContext, request: ExportRequest): Promise<ExportPlan> {
    const [entries, assetTypes, defaults] = await Promise.all([
      this.catalogue.entries(context),
      context.halo.listAssetTypes(),
      this.dataSource.manager.findBy(AssetTypeMappingEntity, { integrationId: context.integration.id }),
    ]);
    if (request.assetTypeId !== undefined && !assetTypes.some((t) => t.id === request.assetTypeId)) {
      throw new BadRequestException(`assetTypeId: HaloPSA has no asset type ${request.assetTypeId}.`);
    }
    return planExport(context.integration, entries, request, assetTypes, new Map(defaults.map((d) => [d.licenseType, d.haloAssetTypeId])));
  }

  /** Starts export:<runId>; waits a little so a small export answers with its outcomes. */
  private async runWorkflow(context: IntegrationContext, exportRunId: string, count: number): Promise<boolean> {
    const batchSize = this.config.get('halo', { infer: true }).writeBatchSize;
    const handle = await this.workflows.startExport(context.integration, exportRunId, count);
    await this.dataSource.manager.update(ExportRunEntity, { id: exportRunId }, { workflowId: handle.workflowId });
    if (count > batchSize) return false;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), EXPORT_WAIT_MS)));
    const result = handle.result().then(
      () => true,
      (error: unknown) => {
        if (error instanceof WorkflowFailedError) return true;
        throw error;
      },
    );
    try {
      return await Promise.race([result, waited]);
    } finally {
      clearTimeout(timer);
    }
  }
}
