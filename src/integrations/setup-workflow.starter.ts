import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import { ApiConfig } from '../config/app-config';
import { setupWorkflowId } from '../../workflows/workflow-ids';
import { productWorkflowStart } from '../temporal/product-workflow-start';
import type { setupIntegration } from '../../workflows/setup-integration';

/** Starts setup:<integrationId>; a run already going (an earlier edit) is replaced by the new one. */
@Injectable()
export class SetupWorkflowStarter {
  constructor(
    private readonly temporal: Client,
    private readonly config: ConfigService<ApiConfig, true>,
  ) {}

  async start(integrationId: string, tenantId: string): Promise<{ workflowId: string; runId: string }> {
    const handle = await this.temporal.workflow.start<typeof setupIntegration>('setupIntegration', {
      ...productWorkflowStart(this.config.get('temporal', { infer: true }).taskQueue, { integrationId, tenantId }, 'Set up the HaloPSA integration: credentials, permissions, custom field, Connect button'),
      workflowId: setupWorkflowId(integrationId),
      args: [{ integrationId, tenantId }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.TERMINATE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
    return { workflowId: handle.workflowId, runId: handle.firstExecutionRunId };
  }
}
