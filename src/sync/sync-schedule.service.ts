import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, ScheduleNotFoundError, ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ApiConfig } from '../config/app-config';
import { CompanyMappingEntity } from '../persistence/entities/company-mapping.entity';
import { ComputerLinkEntity } from '../persistence/entities/computer-link.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { syncScheduleId, syncTriggerWorkflowId } from '../../workflows/workflow-ids';
import { ownerOf, ownerSearchAttributes } from '../temporal/product-workflow-start';
import type { scheduledSync } from '../../workflows/scheduled-sync';
import { SyncSignaller } from './sync-signaller';

/**
 * One Temporal Schedule per integration, present exactly while the mandatory steps are done.
 * Overlap SKIP: a tick while the previous trigger still runs is dropped (the sync workflow queues
 * and merges requests anyway). Catch-up window 1 minute: after downtime the missed ticks are not
 * replayed one by one; the next tick reconciles everything.
 */
@Injectable()
export class SyncScheduleService {
  constructor(
    private readonly temporal: Client,
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<ApiConfig, true>,
    private readonly signaller: SyncSignaller,
  ) {}

  /** Whether authentication, company mapping and computer mapping are all done. */
  async operational(integration: IntegrationEntity): Promise<boolean> {
    if (integration.state !== 'connected') return false;
    const [companies, computers] = await Promise.all([
      this.dataSource.manager.existsBy(CompanyMappingEntity, { integrationId: integration.id }),
      this.dataSource.manager.existsBy(ComputerLinkEntity, { integrationId: integration.id }),
    ]);
    return companies && computers;
  }

  /**
   * Creates, updates or deletes the schedule to match the integration; an operational one also
   * gets its Console watcher started when it is not running.
   */
  async reconcile(integration: IntegrationEntity): Promise<'present' | 'absent'> {
    const handle = this.temporal.schedule.getHandle(syncScheduleId(integration.id));
    if (!(await this.operational(integration))) {
      await this.deleteSchedule(integration.id);
      return 'absent';
    }
    const options = this.options(integration);
    try {
      await handle.update((previous) => ({ ...previous, spec: options.spec, state: { ...previous.state, paused: integration.syncPaused } }));
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
      await this.temporal.schedule.create(options);
    }
    await this.signaller.startWatcher(integration);
    return 'present';
  }

  /** Deletes the integration's schedule, if there is one (also when the integration itself is gone). */
  async deleteSchedule(integrationId: string): Promise<void> {
    await this.temporal.schedule
      .getHandle(syncScheduleId(integrationId))
      .delete()
      .catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
  }

  private options(integration: IntegrationEntity): ScheduleOptions {
    return {
      scheduleId: syncScheduleId(integration.id),
      spec: { intervals: [{ every: `${integration.syncIntervalMinutes}m` }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'scheduledSync',
        workflowId: syncTriggerWorkflowId(integration.id),
        taskQueue: this.config.get('temporal', { infer: true }).taskQueue,
        args: [{ integrationId: integration.id, tenantId: integration.tenantId }] as Parameters<typeof scheduledSync>,
        typedSearchAttributes: ownerSearchAttributes(ownerOf(integration)),
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
      state: { paused: integration.syncPaused, note: 'Full reconciliation of the HaloPSA integration' },
      typedSearchAttributes: ownerSearchAttributes(ownerOf(integration)),
    };
  }
}
