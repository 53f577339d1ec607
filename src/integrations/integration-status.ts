import type { MappingProgress } from '../mappings/integration-progress.service';
import { IntegrationEntity, IntegrationState } from '../persistence/entities/integration.entity';
import { haloBaseUrl } from './halo-urls';
import type { IntegrationWorkflows } from './integration-workflows';
import { PermissionReport } from './permissions/permission-report';

export interface IntegrationStep {
  step: 'authentication-and-permissions' | 'company-mapping' | 'computer-mapping' | 'default-asset-types';
  mandatory: boolean;
  done: boolean;
}

/** The counts behind the steps, or why they could not be read (HaloPSA not connected, Console unreachable). */
export type ProgressReading = { progress: MappingProgress; unreadable: null } | { progress: null; unreadable: string };

export interface IntegrationStatus {
  state: IntegrationState | 'not-connected';
  /** True only when every mandatory step is done. */
  operational: boolean;
  steps: IntegrationStep[];
  /** Companies mapped of those with computers, computers by state, license types with a default asset type; null with `progressUnreadable` when they could not be read. */
  progress: MappingProgress | null;
  progressUnreadable: string | null;
  lastError: string | null;
  halo?: { url: string; authorisationUrl: string; tenant: string | null; clientId: string };
  computerIdFieldId: number | null;
  connectButtonId: number | null;
  permissionReport: PermissionReport | null;
  workflows: IntegrationWorkflows | { setup: null };
  connectedAt: string | null;
}

/**
 * Company mapping is done when every Console company with a computer that has an agent is mapped;
 * computer mapping when no computer of a mapped company is left unlinked (each is linked or excluded);
 * default asset types when every license type with activated licenses has one.
 */
export function integrationStatus(integration: IntegrationEntity | null, reading: ProgressReading, workflows: IntegrationWorkflows | null): IntegrationStatus {
  const connected = integration?.state === 'connected';
  const progress = connected ? reading.progress : null;
  const steps: IntegrationStep[] = [
    { step: 'authentication-and-permissions', mandatory: true, done: connected },
    { step: 'company-mapping', mandatory: true, done: !!progress && progress.companies.mapped === progress.companies.total },
    { step: 'computer-mapping', mandatory: true, done: !!progress && progress.computers.unlinked === 0 },
    { step: 'default-asset-types', mandatory: false, done: !!progress && progress.assetTypes.mapped === progress.assetTypes.inUse },
  ];
  return {
    state: integration?.state ?? 'not-connected',
    operational: steps.every((s) => !s.mandatory || s.done),
    steps,
    progress,
    progressUnreadable: reading.unreadable,
    lastError: integration?.lastError ?? null,
    halo: integration
      ? {
          url: haloBaseUrl(integration.haloResourceUrl),
          authorisationUrl: integration.haloAuthUrl.replace(/\/auth$/, ''),
          tenant: integration.haloTenant,
          clientId: integration.haloClientId,
        }
      : undefined,
    computerIdFieldId: integration?.computerIdFieldId ?? null,
    connectButtonId: integration?.connectButtonId ?? null,
    permissionReport: (integration?.permissionReport as PermissionReport | null) ?? null,
    workflows: workflows ?? { setup: null },
    connectedAt: integration?.connectedAt?.toISOString() ?? null,
  };
}
