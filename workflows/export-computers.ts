import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { ExportActivities, ExportBatchInput } from '../activities/export-activities';
import { EXPORT_BATCH } from './activity-options';
import { FAILURE_TYPES, failureReason } from './failures';

export interface ExportInput extends ExportBatchInput {
  tenantId: string;
}

const activities = proxyActivities<ExportActivities>(EXPORT_BATCH);

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
    const reason = failureReason(error);
    await activities.finishExport({ integrationId: input.integrationId, exportRunId: input.exportRunId, error: reason });
    throw ApplicationFailure.nonRetryable(reason, FAILURE_TYPES.exportFailed);
  }
}
