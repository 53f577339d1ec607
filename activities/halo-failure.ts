import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { HaloError } from '../src/halo/halo-errors';
import { FAILURE_TYPES, haloFailureType } from '../workflows/failures';
import { urlRefusal } from './url-refusal';

const MINUTE_MS = 60_000;

/**
 * Without Retry-After: one more minute per attempt, up to the whole 5-minute rolling window,
 * by when every request that filled it has aged out.
 */
export function rateLimitFallbackDelayMs(attempt: number): number {
  return Math.min(Math.max(attempt, 1), 5) * MINUTE_MS;
}

/**
 * Halo errors as Temporal failures that retry policies understand: credentials, permissions,
 * validation and a URL the policy refuses (at connection time too) stop at once; 429 waits as
 * Halo asks (or long enough for the window); the rest retry.
 */
export function toApplicationFailure(error: unknown, attempt: number): unknown {
  const refused = urlRefusal(error, FAILURE_TYPES.haloUrlRefused);
  if (refused) return refused;
  if (!(error instanceof HaloError)) return error;
  const type = haloFailureType(error.kind);
  if (error.kind === 'rate_limited') {
    return ApplicationFailure.create({ message: error.message, type, nextRetryDelay: error.retryAfterMs ?? rateLimitFallbackDelayMs(attempt) });
  }
  return ApplicationFailure.create({ message: error.message, type, nonRetryable: !error.retryable });
}

/** Runs an activity body, turning Halo errors into typed failures. */
export async function withHaloFailures<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toApplicationFailure(error, Context.current().info.attempt);
  }
}
