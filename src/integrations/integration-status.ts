import { IntegrationEntity, IntegrationState } from '../persistence/entities/integration.entity';
import { PermissionReport } from './permissions/permission-report';

export interface IntegrationStep {
  step: 'authentication-and-permissions' | 'company-mapping' | 'computer-mapping' | 'default-asset-types';
  mandatory: boolean;
  done: boolean;
}

export interface IntegrationStatus {
  state: IntegrationState | 'not-connected';
  /** True only when every mandatory step is done. */
  operational: boolean;
  steps: IntegrationStep[];
  lastError: string | null;
  halo?: { url: string; authorisationUrl: string; tenant: string | null; clientId: string };
  computerIdFieldId: number | null;
  connectButtonId: number | null;
  permissionReport: PermissionReport | null;
  workflows: { setup: { workflowId: string; runId: string | null } | null };
  connectedAt: string | null;
}

/** Company and computer mappings arrive with the mappings feature; until then those steps are not done. */
export function integrationStatus(integration: IntegrationEntity | null): IntegrationStatus {
  const connected = integration?.state === 'connected';
  const steps: IntegrationStep[] = [
    { step: 'authentication-and-permissions', mandatory: true, done: connected },
    { step: 'company-mapping', mandatory: true, done: false },
    { step: 'computer-mapping', mandatory: true, done: false },
    { step: 'default-asset-types', mandatory: false, done: false },
  ];
  return {
    state: integration?.state ?? 'not-connected',
    operational: steps.every((s) => !s.mandatory || s.done),
    steps,
    lastError: integration?.lastError ?? null,
    halo: integration
      ? {
          url: integration.haloResourceUrl.replace(/\/api$/, ''),
          authorisationUrl: integration.haloAuthUrl.replace(/\/auth$/, ''),
          tenant: integration.haloTenant,
          clientId: integration.haloClientId,
        }
      : undefined,
    computerIdFieldId: integration?.computerIdFieldId ?? null,
    connectButtonId: integration?.connectButtonId ?? null,
    permissionReport: (integration?.permissionReport as PermissionReport | null) ?? null,
    workflows: { setup: integration?.setupWorkflowId ? { workflowId: integration.setupWorkflowId, runId: integration.setupRunId } : null },
    connectedAt: integration?.connectedAt?.toISOString() ?? null,
  };
}
