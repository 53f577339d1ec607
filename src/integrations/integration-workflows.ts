import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, ScheduleNotFoundError, WorkflowNotFoundError } from '@temporalio/client';
import { Repository } from 'typeorm';
import { withinTimeout } from '../temporal/within-timeout';
import { removalWorkflowId, syncScheduleId, syncWorkflowId, watcherWorkflowId } from '../../workflows/workflow-ids';
import { ExportRunEntity } from '../persistence/entities/export-run.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';

export type WorkflowState = 'running' | 'completed' | 'failed' | 'cancelled' | 'terminated' | 'continued-as-new' | 'timed-out' | 'not-started' | 'unknown' | 'unreadable';

export interface WorkflowStatus {
  workflowId: string;
  runId: string | null;
  state: WorkflowState;
}

export interface IntegrationWorkflows {
  setup: WorkflowStatus | null;
  sync: WorkflowStatus;
  watcher: WorkflowStatus;
  /** The Temporal schedule that starts full syncs: `paused` when syncing is paused. */
  schedule: { scheduleId: string; state: 'active' | 'paused' | 'not-started' | 'unreadable' };
  /** The latest export:<exportRunId>, null before any export. */
  lastExport: WorkflowStatus | null;
  removal: WorkflowStatus;
}

/** Describes every workflow of an integration through the Temporal client; a Temporal that does not answer gives `unreadable`. */
@Injectable()
export class IntegrationWorkflowsReader {
  constructor(
    private readonly temporal: Client,
    @InjectRepository(ExportRunEntity) private readonly exportRuns: Repository<ExportRunEntity>,
  ) {}

  async describe(integration: IntegrationEntity): Promise<IntegrationWorkflows> {
    const lastExport = await this.exportRuns.findOne({ where: { integrationId: integration.id }, order: { startedAt: 'DESC' } });
    const [setup, sync, watcher, schedule, lastExportRun, removal] = await Promise.all([
      integration.setupWorkflowId ? this.workflow(integration.setupWorkflowId, integration.setupRunId ?? undefined) : null,
      this.workflow(syncWorkflowId(integration.id)),
      this.workflow(watcherWorkflowId(integration.id)),
      this.schedule(syncScheduleId(integration.id)),
      lastExport?.workflowId ? this.workflow(lastExport.workflowId) : null,
      this.workflow(removalWorkflowId(integration.id)),
    ]);
    return { setup, sync, watcher, schedule, lastExport: lastExportRun, removal };
  }

  private async workflow(workflowId: string, runId?: string): Promise<WorkflowStatus> {
    try {
      const described = await withinTimeout(this.temporal.workflow.getHandle(workflowId, runId).describe());
      return { workflowId, runId: described.runId, state: workflowState(described.status.name) };
    } catch (error) {
      return { workflowId, runId: runId ?? null, state: error instanceof WorkflowNotFoundError ? 'not-started' : 'unreadable' };
    }
  }

  private async schedule(scheduleId: string): Promise<IntegrationWorkflows['schedule']> {
    try {
      const described = await withinTimeout(this.temporal.schedule.getHandle(scheduleId).describe());
      return { scheduleId, state: described.state.paused ? 'paused' : 'active' };
    } catch (error) {
      return { scheduleId, state: error instanceof ScheduleNotFoundError ? 'not-started' : 'unreadable' };
    }
  }
}

function workflowState(name: string): WorkflowState {
  const states: Record<string, WorkflowState> = {
    RUNNING: 'running',
    COMPLETED: 'completed',
    FAILED: 'failed',
    CANCELLED: 'cancelled',
    TERMINATED: 'terminated',
    CONTINUED_AS_NEW: 'continued-as-new',
    TIMED_OUT: 'timed-out',
  };
  return states[name] ?? 'unknown';
}
