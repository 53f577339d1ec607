import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyMappingEntity } from '../persistence/entities/company-mapping.entity';
import { ComputerLinkEntity } from '../persistence/entities/computer-link.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { WorkflowGateway } from '../temporal/workflow-gateway';

/**
 * One Temporal Schedule per integration, present exactly while the mandatory steps are done (see
 * WorkflowGateway for how it runs).
 */
@Injectable()
export class SyncScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowGateway,
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
    if (!(await this.operational(integration))) {
      await this.workflows.deleteSyncSchedule(integration.id);
      return 'absent';
    }
    await this.workflows.upsertSyncSchedule(integration);
    await this.workflows.startWatcher(integration);
    return 'present';
  }
}
