import { proxyActivities } from '@temporalio/workflow';
import type { SyncTriggerActivities } from '../activities/sync-trigger-activities';
import { HEARTBEAT_TIMEOUT } from './heartbeat-timeout';

const activities = proxyActivities<SyncTriggerActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: { maximumAttempts: 5 },
});

/**
 * What an integration's Temporal Schedule starts every N minutes: outside the quiet window, it
 * asks the integration's sync workflow for a full reconciliation (queued, never overlapping); once
 * its integration is gone, the schedule is deleted.
 */
export async function scheduledSync(input: { integrationId: string; tenantId: string }): Promise<'requested' | 'quiet-window' | 'integration-gone'> {
  return activities.requestScheduledSync(input);
}
