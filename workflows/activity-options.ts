import type { ActivityOptions, RetryPolicy } from '@temporalio/workflow';
import { HEARTBEAT_TIMEOUT } from './heartbeat-timeout';

/**
 * How each workflow's activities are timed and retried, by name. A 429 waits as long as its
 * failure says (`nextRetryDelay`) whatever the policy; non-retryable failures stop at once.
 */

/** Every activity heartbeats, so a dead worker's activity moves to another within HEARTBEAT_TIMEOUT. */
function heartbeating(startToCloseTimeout: string, retry: RetryPolicy): ActivityOptions {
  return { startToCloseTimeout, heartbeatTimeout: HEARTBEAT_TIMEOUT, retry };
}

/** Setup's steps: about 12 minutes of a HaloPSA outage before the connection is reported failed. */
export const SETUP_STEP: ActivityOptions = heartbeating('2 minutes', { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 12 });

/** One export batch: up to 5 minutes between attempts, about an hour in all. */
export const EXPORT_BATCH: ActivityOptions = heartbeating('5 minutes', { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 });

/**
 * A sync run's steps: other failures, already tried again in place, come back within a minute so
 * a degraded link keeps making progress; 40 attempts keep trying for about 35 minutes before the
 * run fails and the next one takes over.
 */
export const SYNC_RUN_STEP: ActivityOptions = heartbeating('10 minutes', { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 40 });

/** A watcher poll: three tries, then the next poll tries again. */
export const WATCHER_POLL: ActivityOptions = heartbeating('5 minutes', { initialInterval: '2 seconds', maximumInterval: '30 seconds', maximumAttempts: 3 });

/** A schedule's tick: five tries, then the next tick. */
export const SCHEDULE_TICK: ActivityOptions = heartbeating('1 minute', { maximumAttempts: 5 });

/** A removal step: about 3 minutes of tries, then a clean-up step becomes a manual action. */
export const REMOVAL_STEP: ActivityOptions = heartbeating('2 minutes', { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 });
