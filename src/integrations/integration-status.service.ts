import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '../access/principal';
import { IntegrationProgressService } from '../mappings/integration-progress.service';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { integrationStatus, IntegrationStatus, ProgressReading } from './integration-status';
import { IntegrationWorkflowsReader } from './integration-workflows';
import { withinTimeout } from '../temporal/within-timeout';

const PROGRESS_TIMEOUT_MS = 5_000;

/** GET /api/v1/halopsa: the stored integration, the mapping counts and the workflows, read side by side. */
@Injectable()
export class IntegrationStatusService {
  constructor(
    @InjectRepository(IntegrationEntity) private readonly integrations: Repository<IntegrationEntity>,
    private readonly progress: IntegrationProgressService,
    private readonly workflows: IntegrationWorkflowsReader,
  ) {}

  async status(principal: Principal): Promise<IntegrationStatus> {
    const integration = await this.integrations.findOneBy({ tenantId: principal.tenantId });
    const [reading, workflows] = await Promise.all([this.read(principal, integration), integration ? this.workflows.describe(integration) : null]);
    return integrationStatus(integration, reading, workflows);
  }

  private async read(principal: Principal, integration: IntegrationEntity | null): Promise<ProgressReading> {
    if (integration?.state !== 'connected') return { progress: null, unreadable: 'HaloPSA is not connected.' };
    try {
      return { progress: await withinTimeout(this.progress.progress(principal), PROGRESS_TIMEOUT_MS), unreadable: null };
    } catch (error) {
      return { progress: null, unreadable: `The Console could not be read (${error instanceof Error ? error.message : 'unknown error'}); the counts are shown again once it answers.` };
    }
  }
}
