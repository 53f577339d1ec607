import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { Principal } from '../access/principal';
import { ApiConfig } from '../config/app-config';
import { CompanyMappingEntity } from '../persistence/entities/company-mapping.entity';
import { ComputerLinkEntity } from '../persistence/entities/computer-link.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { RemovalEntity } from '../persistence/entities/removal.entity';
import { removalWorkflowId, syncScheduleId } from '../../workflows/workflow-ids';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { ManualAction } from '../../workflows/removal-messages';

export interface RemovalPreview {
  dryRun: true;
  willRemove: string[];
  willStay: string[];
}

export interface RemovalView {
  removalId: string;
  state: 'removing' | 'removed';
  workflowId: string;
  startedAt: Date;
  finishedAt: Date | null;
  steps: RemovalEntity['steps'];
  manualActions: ManualAction[];
  waitingUntil: string | null;
  assetsRemaining: number | null;
}

@Injectable()
export class RemovalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflows: WorkflowGateway,
    private readonly config: ConfigService<ApiConfig, true>,
  ) {}

  async preview(principal: Principal): Promise<RemovalPreview> {
    const integration = await this.connected(principal);
    const db = this.dataSource.manager;
    const [mappings, linked] = await Promise.all([
      db.countBy(CompanyMappingEntity, { integrationId: integration.id }),
      db.countBy(ComputerLinkEntity, { integrationId: integration.id, state: 'linked' }),
    ]);
    const fields = [integration.computerIdFieldId, ...Object.values(integration.inventoryFieldIds ?? {})].filter((id) => id !== null);
    return {
      dryRun: true,
      willRemove: [
        `the sync schedule ${syncScheduleId(integration.id)} and any sync in progress (stopped after its current batch)`,
        integration.connectButtonId ? `the "Connect to computer" button in HaloPSA (id ${integration.connectButtonId})` : 'no button (none was created)',
        `${fields.length} asset custom fields in HaloPSA (ids ${fields.join(', ') || 'none'})`,
        `the HaloPSA credentials, ${mappings} company mappings and the links of ${linked} computers`,
      ],
      willStay: [
        `${linked} HaloPSA assets, as they are (no longer synced), but without the Console data this integration wrote into them: deleting its ${fields.length} custom fields empties those values (computer id, OS, agent versions, last backup…) on every asset`,
        'the tenant and its API keys, so HaloPSA can be connected again',
      ],
    };
  }

  /** Starts remove:<integrationId>; a second call answers the removal already under way. */
  async start(principal: Principal): Promise<RemovalView> {
    const integration = await this.dataSource.manager.findOneBy(IntegrationEntity, { tenantId: principal.tenantId });
    if (!integration) throw new NotFoundException('There is no HaloPSA integration to remove.');
    const workflowId = removalWorkflowId(integration.id);
    const removal = await this.dataSource.transaction(async (db) => {
      const existing = await db.findOneBy(RemovalEntity, { integrationId: integration.id });
      if (existing) return existing;
      await db.update(IntegrationEntity, { id: integration.id }, { state: 'removing' });
      return db.save(db.create(RemovalEntity, { tenantId: principal.tenantId, integrationId: integration.id, state: 'removing', workflowId, steps: [], manualActions: [] }));
    });
    await this.workflows.startRemoval(integration, removal.id, this.config.get('removal', { infer: true }).manualActionWaitSeconds);
    return this.view(removal);
  }

  async current(principal: Principal): Promise<RemovalView> {
    const removal = await this.latest(principal);
    return this.view(removal);
  }

  async act(principal: Principal, actionId: string, how: 'retry' | 'resolve'): Promise<ManualAction> {
    const removal = await this.latest(principal);
    if (removal.state !== 'removing') throw new ConflictException('This removal has finished; its open manual actions remain for you to do in HaloPSA.');
    try {
      return await this.workflows.settleManualAction(removal.workflowId, how, actionId);
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new BadRequestException(error.cause?.message ?? error.message);
      throw error;
    }
  }

  private async connected(principal: Principal): Promise<IntegrationEntity> {
    const integration = await this.dataSource.manager.findOneBy(IntegrationEntity, { tenantId: principal.tenantId });
    if (!integration) throw new NotFoundException('There is no HaloPSA integration to remove.');
    return integration;
  }

  private async latest(principal: Principal): Promise<RemovalEntity> {
    const removal = await this.dataSource.manager.findOne(RemovalEntity, { where: { tenantId: principal.tenantId }, order: { startedAt: 'DESC' } });
    if (!removal) throw new NotFoundException('No removal has been started.');
    return removal;
  }

  /** The stored record, with the workflow's live state while it runs. */
  private async view(removal: RemovalEntity): Promise<RemovalView> {
    const live = removal.state === 'removing' ? await this.workflows.removalState(removal.workflowId) : null;
    return {
      removalId: removal.id,
      state: removal.state,
      workflowId: removal.workflowId,
      startedAt: removal.startedAt,
      finishedAt: removal.finishedAt,
      steps: live?.steps ?? removal.steps,
      manualActions: live?.manualActions ?? removal.manualActions,
      waitingUntil: live?.waitingUntil ?? null,
      assetsRemaining: live?.assetsRemaining ?? removal.assetsRemaining,
    };
  }
}
