import { proxyActivities } from '@temporalio/workflow';
import type { SyncTriggerActivities } from '../activities/sync-trigger-activities';
import { SCHEDULE_TICK } from './activity-options';

const activities = proxyActivities<SyncTriggerActivities>(SCHEDULE_TICK);

/**
 * What an integration's Temporal Schedule starts every N minutes: outside the quiet window, it
 * asks the integration's sync workflow for a full reconciliation (queued, never overlapping); once
 * its integration is gone, the schedule is deleted.
 */
export async function scheduledSync(input: { integrationId: string; tenantId: string }): Promise<'requested' | 'quiet-window' | 'integration-gone'> {
  return activities.requestScheduledSync(input);
}
