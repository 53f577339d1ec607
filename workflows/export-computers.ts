import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { ExportActivities, ExportBatchInput } from '../activities/export-activities';
import { HEARTBEAT_TIMEOUT } from './heartbeat-timeout';

export interface ExportInput extends ExportBatchInput {
  tenantId: string;
}

const activities = proxyActivities<ExportActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

/**
 * export:<exportRunId>. One activity per batch of computers (one Halo POST each, more only when a
 * record is refused); per-computer outcomes are in export_items. A batch retried after a lost
 * response finds what it created by the computer-id custom field instead of creating it again.
 */
export async function exportComputers(input: ExportInput): Promise<{ processed: number }> {
  let processed = 0;
  try {
    for (;;) {
      const batch = await activities.exportNextBatch(input);
      processed += batch.processed;
      if (batch.remaining === 0) break;
    }
    await activities.finishExport({ integrationId: input.integrationId, exportRunId: input.exportRunId, error: null });
    return { processed };
  } catch (error) {
    const reason = error instanceof ActivityFailure && error.cause ? error.cause.message : String(error);
    await activities.finishExport({ integrationId: input.integrationId, exportRunId: input.exportRunId, error: reason });
    throw ApplicationFailure.nonRetryable(reason, 'ExportFailed');
  }
}
