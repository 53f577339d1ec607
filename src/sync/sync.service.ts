import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../access/principal';
import { ActiveIntegrationService } from '../integrations/active-integration.service';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { SyncRunItemEntity } from '../persistence/entities/sync-run-item.entity';
import { SyncRunEntity } from '../persistence/entities/sync-run.entity';
import { syncWorkflowId } from '../../workflows/workflow-ids';
import { isValidTimeZone } from './quiet-window';
import { SyncScheduleService } from './sync-schedule.service';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { withinTimeout } from '../temporal/within-timeout';
import { SyncSettingsDto } from './sync.dto';
import { runItemView } from './run-item-view';

/** How long "sync now" waits for the sync workflow to answer the queued run's id. */
const SYNC_NOW_WAIT_MS = 5_000;

export interface SyncNowAnswer {
  workflowId: string;
  /** The queued run's id (null when no worker answered in time: the run is queued all the same). */
  runId: string | null;
  /** Where to follow it. */
  follow: string;
}

export interface SyncSettingsView {
  intervalMinutes: number;
  quietWindow: { start: string; end: string; timeZone: string } | null;
  autoExport: boolean;
  deepCheckHours: number;
  deletedAssetPolicy: 'report' | 'recreate';
  watchIntervalSeconds: number;
  pushEvents: boolean;
  paused: boolean;
  schedule: 'present' | 'absent';
}

@Injectable()
export class SyncService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schedules: SyncScheduleService,
    private readonly workflows: WorkflowGateway,
    private readonly active: ActiveIntegrationService,
  ) {}

  integration(principal: Principal): Promise<IntegrationEntity> {
    return this.active.of(principal.tenantId);
  }

  async settings(principal: Principal): Promise<SyncSettingsView> {
    const integration = await this.integration(principal);
    return this.view(integration, (await this.schedules.operational(integration)) ? 'present' : 'absent');
  }

  async updateSettings(principal: Principal, input: SyncSettingsDto): Promise<SyncSettingsView> {
    if (input.quietWindow && !isValidTimeZone(input.quietWindow.timeZone)) {
      throw new BadRequestException(`quietWindow.timeZone: "${input.quietWindow.timeZone}" is not a time zone (use an IANA name such as Europe/London).`);
    }
    const integration = await this.integration(principal);
    const changes: Partial<
      Pick<IntegrationEntity, 'syncIntervalMinutes' | 'syncQuietWindow' | 'autoExport' | 'deepCheckHours' | 'deletedAssetPolicy' | 'watchIntervalSeconds' | 'pushEvents'>
    > = {
      ...(input.intervalMinutes !== undefined ? { syncIntervalMinutes: input.intervalMinutes } : {}),
      ...(input.quietWindow !== undefined ? { syncQuietWindow: input.quietWindow } : {}),
      ...(input.autoExport !== undefined ? { autoExport: input.autoExport } : {}),
      ...(input.deepCheckHours !== undefined ? { deepCheckHours: input.deepCheckHours } : {}),
      ...(input.deletedAssetPolicy !== undefined ? { deletedAssetPolicy: input.deletedAssetPolicy } : {}),
      ...(input.watchIntervalSeconds !== undefined ? { watchIntervalSeconds: input.watchIntervalSeconds } : {}),
      ...(input.pushEvents !== undefined ? { pushEvents: input.pushEvents } : {}),
    };
    await this.dataSource.manager.update(IntegrationEntity, { id: integration.id }, changes);
    return this.follow({ ...integration, ...changes } as IntegrationEntity, { wakeWatcher: true });
  }

  async syncNow(principal: Principal): Promise<SyncNowAnswer> {
    const integration = await this.integration(principal);
    if (integration.state !== 'connected') throw new BadRequestException(`The integration is ${integration.state}: fix it first (GET /api/v1/halopsa says why).`);
    if (integration.syncPaused) {
      throw new ConflictException('Syncing is paused, so nothing would run: POST /api/v1/halopsa/sync/resume first (resuming catches up at once with what changed meanwhile).');
    }
    const queued = await this.workflows.queueFull(integration, 'manual', SYNC_NOW_WAIT_MS);
    return { ...queued, follow: queued.runId ? `/api/v1/halopsa/sync-runs/${queued.runId}` : '/api/v1/halopsa/sync-runs' };
  }

  async setPaused(principal: Principal, paused: boolean): Promise<SyncSettingsView> {
    const integration = await this.integration(principal);
    await this.dataSource.manager.update(IntegrationEntity, { id: integration.id }, { syncPaused: paused });
    // Resuming wakes the watcher, so what changed while paused reaches HaloPSA at once.
    return this.follow({ ...integration, syncPaused: paused } as IntegrationEntity, { wakeWatcher: !paused });
  }

  /** The schedule (and watcher) follow the saved settings; a woken watcher polls now with them. */
  private async follow(updated: IntegrationEntity, options: { wakeWatcher: boolean }): Promise<SyncSettingsView> {
    const schedule = await this.schedules.reconcile(updated);
    if (options.wakeWatcher && schedule === 'present') await this.workflows.wakeWatcher(updated);
    return this.view(updated, schedule);
  }

  async runs(principal: Principal, page: number, pageSize: number) {
    const integration = await this.active.of(principal.tenantId, 'forReading');
    const [rows, total] = await this.dataSource.manager.findAndCount(SyncRunEntity, {
      where: { integrationId: integration.id },
      order: { startedAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { total, page, pageSize, items: rows.map((run) => runView(run)) };
  }

  async run(principal: Principal, runId: string, page: number, pageSize: number) {
    const integration = await this.active.of(principal.tenantId, 'forReading');
    const find = () => this.dataSource.manager.findOneBy(SyncRunEntity, { id: runId, integrationId: integration.id });
    let run = await find();
    if (!run) {
      const queued = await this.queuedRun(integration.id, runId, page, pageSize);
      if (queued) return queued;
      // It may have begun since the first read.
      run = await find();
      if (!run) throw new NotFoundException(`No sync run ${runId}.`);
    }
    const [items, total] = await this.dataSource.manager.findAndCount(SyncRunItemEntity, {
      where: { syncRunId: runId },
      order: { computerHid: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      ...runView(run),
      progress: run.state === 'running' ? await this.workflows.syncProgress(integration.id) : null,
      items: { total, page, pageSize, items: items.map((item) => runItemView(item, integration)) },
    };
  }

  /**
   * A run that "sync now" queued and that has no record yet: only the sync workflow knows its id.
   * A workflow that cannot answer soon (no worker, Temporal down) knows of none.
   */
  private async queuedRun(integrationId: string, runId: string, page: number, pageSize: number) {
    const progress = await withinTimeout(this.workflows.syncProgress(integrationId)).catch(() => null);
    const { fullRunId, beginningRunId } = progress?.queued ?? {};
    if (runId !== fullRunId && runId !== beginningRunId) return null;
    return {
      runId,
      trigger: null,
      scope: 'full',
      state: 'queued',
      deepCheck: null,
      startedAt: null,
      finishedAt: null,
      counts: {},
      error: null,
      workflowId: syncWorkflowId(integrationId),
      progress,
      items: { total: 0, page, pageSize, items: [] },
    };
  }

  private view(integration: IntegrationEntity, schedule: 'present' | 'absent'): SyncSettingsView {
    return {
      intervalMinutes: integration.syncIntervalMinutes,
      quietWindow: integration.syncQuietWindow,
      autoExport: integration.autoExport,
      deepCheckHours: integration.deepCheckHours,
      deletedAssetPolicy: integration.deletedAssetPolicy,
      watchIntervalSeconds: integration.watchIntervalSeconds,
      pushEvents: integration.pushEvents,
      paused: integration.syncPaused,
      schedule,
    };
  }
}

function runView(run: SyncRunEntity) {
  return {
    runId: run.id,
    trigger: run.trigger,
    scope: run.scope,
    state: run.state,
    deepCheck: run.deepCheck,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    counts: run.counts,
    error: run.error,
    workflowId: run.workflowId,
  };
}
