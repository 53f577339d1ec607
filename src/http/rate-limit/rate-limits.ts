/**
 * Request budgets of the HTTP API (`/api/v1/**`), per caller. Constants on purpose: a budget is
 * part of the API's contract, not a deployment knob.
 *
 * - `apiKey`: per API key (the MSP's screens and scripts).
 * - `anonymous`: per client address, for unauthenticated calls: those without a credential, and
 *   those whose credential was refused (401). Once it is spent, only credentials that worked
 *   before are served from that address, so made-up keys cannot each get a fresh budget.
 * - `operator`: per operator token, on `/api/v1/tenants/**`.
 * - `consoleEvents`: per event account, on `/api/v1/console-events` (the Console sends bursts
 *   when many computers change at once, and all tenants' events come from the Console's few addresses).
 *
 * Client addresses are the socket's: behind a reverse proxy, Express must be told to trust it
 * (`trust proxy`), or every client shares the proxy's address and its `anonymous` budget.
 */
export interface RateLimit {
  /** Bucket size: that many requests at once, refilled evenly over `perMs`. */
  requests: number;
  perMs: number;
}

export const RATE_LIMITS = {
  apiKey: { requests: 120, perMs: 60_000 },
  anonymous: { requests: 120, perMs: 60_000 },
  operator: { requests: 600, perMs: 60_000 },
  consoleEvents: { requests: 6_000, perMs: 60_000 },
} as const satisfies Record<string, RateLimit>;

/** Buckets kept at most: past that, full (idle) buckets go first, then the oldest. */
export const MAX_BUCKETS = 100_000;

/** Where the limits apply. */
export const RATE_LIMITED_PREFIX = '/api/v1/';
export const OPERATOR_PREFIX = '/api/v1/tenants';
export const CONSOLE_EVENTS_PATH = '/api/v1/console-events';
