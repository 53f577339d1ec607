/**
 * Which failed exchanges HaloHttp tries again at once, inside the activity, rather than failing
 * the activity: an activity that needs many requests would otherwise have to get every one of them
 * through in the same attempt, which a flaky link makes ever less likely as the work grows.
 * Only what cannot apply twice: an idempotent request (a read, a token request) that got no
 * answer or a 5xx, or any request refused with a 429 that asks for a short wait (a refused
 * request was not applied). A write that got no answer may have been applied: it goes back to
 * Temporal, whose retry finds what it created (see `writeAssets`).
 */
export const IN_PLACE_RETRY_DELAYS_MS: readonly number[] = [250, 1_000];

/** A 429 asking to wait longer than this is handed back to Temporal's retry policy. */
export const LONGEST_IN_PLACE_RETRY_AFTER_MS = 5_000;

export type ExchangeOutcome = { status: number; retryAfterMs?: number } | 'network-error';

/** How long to wait before trying `attempt + 1`, or undefined to give up in place. */
export function inPlaceRetryDelayMs(outcome: ExchangeOutcome, idempotent: boolean, attempt: number): number | undefined {
  const backoff = IN_PLACE_RETRY_DELAYS_MS[attempt - 1];
  if (backoff === undefined) return undefined;
  if (outcome === 'network-error') return idempotent ? backoff : undefined;
  if (outcome.status === 429) {
    const asked = outcome.retryAfterMs;
    return asked !== undefined && asked <= LONGEST_IN_PLACE_RETRY_AFTER_MS ? Math.max(backoff, asked) : undefined;
  }
  return outcome.status >= 500 && idempotent ? backoff : undefined;
}
