import { ApplicationFailure } from '@temporalio/common';
import { Repository } from 'typeorm';
import { HaloClient } from '../src/halo/halo-client';
import { readHaloCapabilities } from '../src/halo/halo-capabilities';
import { sameFieldName } from '../src/halo/halo-client';
import { connectButtonUrl, COMPUTER_ID_FIELD, CONNECT_BUTTON } from '../src/integrations/halo-setup-items';
import { IntegrationHaloClientFactory } from '../src/integrations/integration-halo-client';
import { describeMissing, haloRequirementsFor } from '../src/integrations/permissions/permission-report';
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
    if (!integration) throw ApplicationFailure.nonRetryable('The integration no longer exists.', 'IntegrationGone');
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
          if (error instanceof UrlPolicyError) throw ApplicationFailure.nonRetryable(error.message, 'HaloUrlRefused');
          throw error;
        }
      }
    },

    async checkCreatePermissions(target: Target): Promise<void> {
      await withHalo(target, async (halo) => {
        const requirements = haloRequirementsFor(await readHaloCapabilities(halo), 'create');
        if (requirements.some((r) => r.holds !== true)) {
          throw ApplicationFailure.nonRetryable(`HaloPSA refuses setup: ${describeMissing(requirements)}.`, 'HaloPermissionMissing');
        }
      });
    },

    async ensureComputerIdField(target: Target): Promise<number> {
      return withHalo(target, async (halo) => {
        const existing = (await halo.listAssetCustomFields()).find((field) => sameFieldName(field.name, COMPUTER_ID_FIELD.name));
        const id = existing?.id ?? (await halo.createAssetCustomField(COMPUTER_ID_FIELD)).id;
        await deps.integrations.update(target.integrationId, { computerIdFieldId: id });
        return id;
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
