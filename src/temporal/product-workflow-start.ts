import { INTEGRATION_ID, TENANT_ID } from '../../workflows/search-attributes';

/** The integration a workflow belongs to. */
export interface WorkflowOwner {
  integrationId: string;
  tenantId: string;
}

/** The owner of an integration's workflows. */
export function ownerOf(integration: { id: string; tenantId: string }): WorkflowOwner {
  return { integrationId: integration.id, tenantId: integration.tenantId };
}

/**
 * What every product workflow is started with, wherever it is started: the task queue, the
 * TenantId and IntegrationId search attributes operators find it by, and a one-line summary the
 * Temporal UI shows.
 */
export function productWorkflowStart(taskQueue: string, owner: WorkflowOwner, summary: string) {
  return { taskQueue, typedSearchAttributes: ownerSearchAttributes(owner), staticSummary: summary };
}

/** The search attributes operators find an integration's workflows and schedule by. */
export function ownerSearchAttributes(owner: WorkflowOwner) {
  return [
    { key: TENANT_ID, value: owner.tenantId },
    { key: INTEGRATION_ID, value: owner.integrationId },
  ];
}
