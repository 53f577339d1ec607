import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../workflows/failures';
import { Repository } from 'typeorm';
import { readHaloCapabilities } from '../src/halo/halo-capabilities';
import { HaloClient, sameFieldName } from '../src/halo/halo-client';
import { connectButtonUrl, COMPUTER_ID_FIELD, CONNECT_BUTTON } from '../src/integrations/halo-setup-items';
import { IntegrationHaloClientFactory } from '../src/integrations/integration-halo-client';
import { describeMissing, haloRequirementsFor } from '../src/integrations/permissions/permission-report';
import { INVENTORY_FIELDS } from '../src/inventory/inventory-field-values';
import { IntegrationEntity } from '../src/persistence/entities/integration.entity';
import { UrlPolicy, UrlPolicyError } from '../src/security/url-policy';
import { withHaloFailures } from './halo-failure';

export interface SetupActivityDependencies {
  integrations: Repository<IntegrationEntity>;
  haloClients: IntegrationHaloClientFactory;
  urlPolicy: UrlPolicy;
  publicBaseUrl: string;
  now: () => Date;
}

interface Target {
  integrationId: string;
}

export function createSetupActivities(deps: SetupActivityDependencies) {
  async function load({ integrationId }: Target): Promise<IntegrationEntity> {
    const integration = await deps.integrations.findOneBy({ id: integrationId });
    if (!integration) throw ApplicationFailure.nonRetryable('The integration no longer exists.', FAILURE_TYPES.integrationGone);
    return integration;
  }

  async function withHalo<T>(target: Target, body: (halo: HaloClient, integration: IntegrationEntity) => Promise<T>): Promise<T> {
    const integration = await load(target);
    return withHaloFailures(() => body(deps.haloClients.forIntegration(integration), integration));
  }

  return {
    async validateIntegration(target: Target): Promise<void> {
      const integration = await load(target);
      for (const url of new Set([integration.haloResourceUrl, integration.haloAuthUrl])) {
        try {
          await deps.urlPolicy.check(new URL(url));
        } catch (error) {
          if (error instanceof UrlPolicyError) throw ApplicationFailure.nonRetryable(error.message, FAILURE_TYPES.haloUrlRefused);
          throw error;
        }
      }
    },

    async checkCreatePermissions(target: Target): Promise<void> {
      await withHalo(target, async (halo) => {
        const requirements = haloRequirementsFor(await readHaloCapabilities(halo), 'create');
        if (requirements.some((r) => r.holds !== true)) {
          throw ApplicationFailure.nonRetryable(`HaloPSA refuses setup: ${describeMissing(requirements)}.`, FAILURE_TYPES.haloPermissionMissing);
        }
      });
    },

    async ensureComputerIdField(target: Target): Promise<number> {
      return withHalo(target, async (halo) => {
        const existing = (await halo.listAssetCustomFields()).find((field) => sameFieldName(field.name, COMPUTER_ID_FIELD.name));
        const id = existing?.id ?? (await halo.createAssetCustomField(COMPUTER_ID_FIELD)).id;
        // A field made before it had to be searchable (or changed by a person) is made so again.
        if (existing && existing.searchable !== true) await halo.makeAssetCustomFieldSearchable(existing);
        await deps.integrations.update(target.integrationId, { computerIdFieldId: id });
        return id;
      });
    },

    /** The custom fields that carry Console data (OS, agents, online, backups, license), found by name or created. */
    async ensureInventoryFields(target: Target): Promise<Record<string, number>> {
      return withHalo(target, async (halo) => {
        const existing = await halo.listAssetCustomFields();
        const ids: Record<string, number> = {};
        for (const field of INVENTORY_FIELDS) {
          const found = existing.find((candidate) => sameFieldName(candidate.name, field.name));
          ids[field.key] = found?.id ?? (await halo.createAssetCustomField({ name: field.name, label: field.label, type: COMPUTER_ID_FIELD.type })).id;
        }
        await deps.integrations.update(target.integrationId, { inventoryFieldIds: ids });
        return ids;
      });
    },

    async ensureConnectButton(target: Target): Promise<number> {
      return withHalo(target, async (halo, integration) => {
        const url = connectButtonUrl(deps.publicBaseUrl, integration.connectToken);
        const existing = (await halo.listAssetButtons()).find((button) => button.name.toLowerCase() === CONNECT_BUTTON.name.toLowerCase());
        let id: number;
        if (!existing) id = (await halo.createAssetButton({ ...CONNECT_BUTTON, url, newtab: true })).id;
        else if (existing.url !== url || existing.label !== CONNECT_BUTTON.label) {
          id = (await halo.updateAssetButton({ id: existing.id, ...CONNECT_BUTTON, url, newtab: true })).id;
        } else id = existing.id;
        await deps.integrations.update(target.integrationId, { connectButtonId: id });
        return id;
      });
    },

    async markConnected(target: Target & { computerIdFieldId: number; connectButtonId: number }): Promise<void> {
      await deps.integrations.update(target.integrationId, { state: 'connected', lastError: null, connectedAt: deps.now() });
    },

    async recordSetupFailure(target: Target & { reason: string }): Promise<void> {
      await deps.integrations.update(target.integrationId, { state: 'failed', lastError: target.reason });
    },
  };
}

export type SetupActivities = ReturnType<typeof createSetupActivities>;
