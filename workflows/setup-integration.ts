import { ActivityFailure, ApplicationFailure, patched, proxyActivities } from '@temporalio/workflow';
import type { SetupActivities } from '../activities/setup-activities';
import { HEARTBEAT_TIMEOUT } from './heartbeat-timeout';

export interface SetupInput {
  integrationId: string;
  tenantId: string;
}

export interface SetupResult {
  computerIdFieldId: number;
  connectButtonId: number;
}

const activities = proxyActivities<SetupActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 12 },
});

/**
 * setup:<integrationId>. Validate → token and permissions → custom fields → button → connected.
 * Every step finds before it creates, so running it again changes nothing that is already right.
 * Credentials and permission problems fail at once (non-retryable); Halo outages retry.
 */
export async function setupIntegration(input: SetupInput): Promise<SetupResult> {
  try {
    await activities.validateIntegration(input);
    await activities.checkCreatePermissions(input);
    const computerIdFieldId = await activities.ensureComputerIdField(input);
    // Added after the first release: runs recorded before it replay without this step.
    if (patched('inventory-custom-fields')) await activities.ensureInventoryFields(input);
    const connectButtonId = await activities.ensureConnectButton(input);
    await activities.markConnected({ ...input, computerIdFieldId, connectButtonId });
    return { computerIdFieldId, connectButtonId };
  } catch (error) {
    const reason = error instanceof ActivityFailure && error.cause ? error.cause.message : String(error);
    await activities.recordSetupFailure({ ...input, reason });
    throw ApplicationFailure.nonRetryable(reason, 'SetupFailed');
  }
}
