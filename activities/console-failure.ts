import { ApplicationFailure } from '@temporalio/common';
import { ConsoleError } from '../src/console/console-errors';
import { consoleFailureType, FAILURE_TYPES } from '../workflows/failures';
import { urlRefusal } from './url-refusal';

/**
 * Console errors as Temporal failures that retry policies understand: refused credentials or
 * rights, a missing resource, an unexpected answer and a URL the policy refuses (at connection
 * time too) stop at once; server and network failures retry, after `Retry-After` when sent.
 */
export function consoleFailure(error: unknown): unknown {
  const refused = urlRefusal(error, FAILURE_TYPES.consoleUrlRefused);
  if (refused) return refused;
  if (!(error instanceof ConsoleError)) return error;
  return ApplicationFailure.create({ message: error.message, type: consoleFailureType(error.kind), nonRetryable: !error.retryable, nextRetryDelay: error.retryAfterMs });
}

/** Runs a Console read, turning its errors into typed failures. */
export async function withConsoleFailures<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw consoleFailure(error);
  }
}
