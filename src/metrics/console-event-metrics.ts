import { Counter, Histogram, Registry } from 'prom-client';

/** What became of a Console event: accepted, a duplicate (already seen), refused (signature, account) or invalid (body). */
export type ConsoleEventOutcome = 'accepted' | 'duplicate' | 'refused' | 'invalid' | 'error';

/** Event types the Console documents; anything else is counted as `other`, so a label never carries free text. */
const KNOWN_TYPES = new Set(['computer.created', 'computer.updated', 'computer.deleted', 'company.renamed', 'backup.completed']);

/** Event lag buckets (seconds): events normally arrive within a second; the Console retries for minutes at most. */
const LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];

/** `console_events_received_total{type,outcome}` and `console_event_lag_seconds`. */
export class ConsoleEventMetrics {
  private readonly received: Counter<'type' | 'outcome'>;
  private readonly lag: Histogram;

  constructor(registry: Registry) {
    this.received = new Counter({
      name: 'console_events_received_total',
      help: 'Console events received, by event type (unknown when it could not be read) and outcome.',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    });
    this.lag = new Histogram({
      name: 'console_event_lag_seconds',
      help: 'Time from an accepted event\'s occurredAt (the Console\'s clock) to its receipt.',
      buckets: LAG_BUCKETS,
      registers: [registry],
    });
  }

  eventReceived(type: string | undefined, outcome: ConsoleEventOutcome): void {
    this.received.inc({ type: type === undefined ? 'unknown' : KNOWN_TYPES.has(type) ? type : 'other', outcome });
  }

  /** Observes now − occurredAt; a missing or unreadable occurredAt is skipped, clock skew into the future counts as 0. */
  eventLag(occurredAt: unknown, now: Date): void {
    if (typeof occurredAt !== 'string') return;
    const at = Date.parse(occurredAt);
    if (Number.isNaN(at)) return;
    this.lag.observe(Math.max(0, (now.getTime() - at) / 1000));
  }
}
