import { ApplicationFailure } from '@temporalio/common';
import { UrlPolicyError } from '../src/security/url-policy';

/** A vendor URL the policy refuses (when saved, or at connection time): retrying cannot change that, so it stops at once as `type`. */
export function urlRefusal(error: unknown, type: 'HaloUrlRefused' | 'ConsoleUrlRefused'): ApplicationFailure | undefined {
  return error instanceof UrlPolicyError && !error.retryable ? ApplicationFailure.create({ message: error.message, type, nonRetryable: true }) : undefined;
}
