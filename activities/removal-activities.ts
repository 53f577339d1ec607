import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../workflows/failures';
import { DataSource } from 'typeorm';
import { HaloError } from '../src/halo/halo-errors';
import { COMPUTER_ID_FIELD, CONNECT_BUTTON } from '../src/integrations/halo-setup-items';
import { IntegrationHaloClientFactory } from '../src/integrations/integration-halo-client';
import { INVENTORY_FIELDS } from '../src/inventory/inventory-field-values';
import { ComputerLinks } from '../src/computer-links/computer-links';
import { IntegrationEntity } from '../src/persistence/entities/integration.entity';
import { RemovalEntity } from '../src/persistence/entities/removal.entity';
import { SyncScheduleService } from '../src/sync/sync-schedule.service';
import { WorkflowGateway } from '../src/temporal/workflow-gateway';
import { sameFieldName } from '../src/halo/halo-client';
import type { RemovalState } from '../workflows/removal-messages';
import { withHaloFailures } from './halo-failure';

export interface RemovalActivityDependencies {
  dataSource: DataSource;
  haloClients: IntegrationHaloClientFactory;
  schedules: SyncScheduleService;
  workflows: WorkflowGateway;
  now: () => Date;
}

interface Target {
  integrationId: string;
}

/** Halo answered 404: already gone, which is what removal wants. */
async function goneIsDone(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!(error instanceof HaloError && error.kind === 'not_found')) throw error;
  }
}

export function createRemovalActivities(deps: RemovalActivityDependencies) {
  const db = deps.dataSource.manager;

  async function integrationOf({ integrationId }: Target): Promise<IntegrationEntity> {
    const integration = await db.findOneBy(IntegrationEntity, { id: integrationId });
    if (!integration) throw ApplicationFailure.nonRetryable('The integration was already forgotten.', FAILURE_TYPES.integrationGone);
    return integration;
  }

  return {
    async deleteSyncSchedule(target: Target): Promise<string> {
      const integration = await integrationOf(target);
      await deps.schedules.reconcile(integration);
      return 'the sync schedule is deleted';
    },

    /** Asks the sync workflow to stop after its current batch, and waits until it has. */
    async stopSync(target: Target): Promise<string> {
      const handle = await deps.workflows.stopSync(target.integrationId);
      if (!handle) return 'no sync was running';
      for (;;) {
        const { status } = await handle.describe();
        if (status.name !== 'RUNNING') return 'the running sync stopped after its current batch, with every item recorded';
        await Context.current().sleep(500);
      }
    },

    async deleteConnectButton(target: Target): Promise<string> {
      const integration = await integrationOf(target);
      const halo = deps.haloClients.forIntegration(integration);
      return withHaloFailures(async () => {
        const ids = integration.connectButtonId
          ? [integration.connectButtonId]
          : (await halo.listAssetButtons()).filter((b) => b.name.toLowerCase() === CONNECT_BUTTON.name.toLowerCase()).map((b) => b.id);
        for (const id of ids) await goneIsDone(() => halo.deleteCustomButton(id));
        await db.update(IntegrationEntity, { id: integration.id }, { connectButtonId: null });
        return ids.length > 0 ? `deleted the "${CONNECT_BUTTON.label}" button (id ${ids.join(', ')})` : 'there was no button to delete';
      });
    },

    async deleteCustomFields(target: Target): Promise<string> {
      const integration = await integrationOf(target);
      const halo = deps.haloClients.forIntegration(integration);
      return withHaloFailures(async () => {
        const names = [COMPUTER_ID_FIELD.name, ...INVENTORY_FIELDS.map((f) => f.name)];
        const fields = (await halo.listAssetCustomFields()).filter((field) => names.some((name) => sameFieldName(field.name, name)));
        for (const field of fields) await goneIsDone(() => halo.deleteCustomField(field.id));
        return fields.length > 0 ? `deleted the asset custom fields ${fields.map((f) => f.name).join(', ')}` : 'there were no custom fields to delete';
      });
    },

    /** Deletes the integration row: its credentials, mappings, links and run history go with it. Halo assets stay. */
    async forgetIntegration(target: Target): Promise<number> {
      const integration = await db.findOneBy(IntegrationEntity, { id: target.integrationId });
      if (!integration) return 0;
      const assetsRemaining = await new ComputerLinks(db, integration.id).countLinked();
      await db.delete(IntegrationEntity, { id: integration.id });
      return assetsRemaining;
    },

    async recordRemoval(input: { removalId: string; state: RemovalState; finished: boolean }): Promise<void> {
      await db.update(
        RemovalEntity,
        { id: input.removalId },
        {
          steps: input.state.steps,
          manualActions: input.state.manualActions,
          assetsRemaining: input.state.assetsRemaining,
          ...(input.finished ? { state: 'removed' as const, finishedAt: deps.now() } : {}),
        },
      );
    },
  };
}

export type RemovalActivities = ReturnType<typeof createRemovalActivities>;
