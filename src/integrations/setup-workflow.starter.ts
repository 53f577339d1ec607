import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import { ApiConfig } from '../config/app-config';
import { INTEGRATION_ID, TENANT_ID } from '../../workflows/search-attributes';
import type { setupIntegration } from '../../workflows/setup-integration';

export const setupWorkflowId = (integrationId: string): string => `setup:${integrationId}`;

/** Starts setup:<integrationId>; a run already going (an earlier edit) is replaced by the new one. */
@Injectable()
export class SetupWorkflowStarter {
  constructor(
    private readonly temporal: Client,
    private readonly config: ConfigService<ApiConfig, true>,
  ) {}

  async start(integrationId: string, tenantId: string): Promise<{ workflowId: string; runId: string }> {
    const handle = await this.temporal.workflow.start<typeof setupIntegration>('setupIntegration', {
      taskQueue: this.config.get('temporal', { infer: true }).taskQueue,
      workflowId: setupWorkflowId(integrationId),
      args: [{ integrationId, tenantId }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.TERMINATE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      typedSearchAttributes: [
        { key: TENANT_ID, value: tenantId },
        { key: INTEGRATION_ID, value: integrationId },
      ],
      staticSummary: 'Set up the HaloPSA integration: credentials, permissions, custom field, Connect button',
    });
    return { workflowId: handle.workflowId, runId: handle.firstExecutionRunId };
  }
}
