import { ApplicationFailure, patched, proxyActivities } from '@temporalio/workflow';
import type { SetupActivities } from '../activities/setup-activities';
import { SETUP_STEP } from './activity-options';
import { FAILURE_TYPES, failureReason } from './failures';

export interface SetupInput {
  integrationId: string;
  tenantId: string;
}

export interface SetupResult {
  computerIdFieldId: number;
  connectButtonId: number;
}

const activities = proxyActivities<SetupActivities>(SETUP_STEP);

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
    const reason = failureReason(error);
    await activities.recordSetupFailure({ ...input, reason });
    throw ApplicationFailure.nonRetryable(reason, FAILURE_TYPES.setupFailed);
  }
}
