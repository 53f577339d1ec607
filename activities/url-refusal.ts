import { ApplicationFailure } from '@temporalio/common';
import { UrlPolicyError } from '../src/security/url-policy';
import { FAILURE_TYPES } from '../workflows/failures';

/** A vendor URL the policy refuses (when saved, or at connection time): retrying cannot change that, so it stops at once as `type`. */
export function urlRefusal(error: unknown, type: typeof FAILURE_TYPES.haloUrlRefused | typeof FAILURE_TYPES.consoleUrlRefused): ApplicationFailure | undefined {
  return error instanceof UrlPolicyError && !error.retryable ? ApplicationFailure.create({ message: error.message, type, nonRetryable: true }) : undefined;
}
