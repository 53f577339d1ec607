/**
 * Every activity heartbeats while it runs (the worker's keep-alive interceptor), so a worker that
 * dies mid-activity is noticed this soon and the activity retried on another, rather than after
 * its start-to-close timeout.
 */
export const HEARTBEAT_TIMEOUT = '15 seconds';
