import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Console events (PROPOSED contract, see README.md "Events"): JSON POSTed to the integration,
 * signed with HMAC-SHA256 over "<timestamp>.<raw body>".
 */
export type ConsoleEventType = 'computer.created' | 'computer.updated' | 'computer.deleted' | 'company.renamed' | 'backup.completed';

export const CONSOLE_EVENT_TYPES: readonly ConsoleEventType[] = [
  'computer.created',
  'computer.updated',
  'computer.deleted',
  'company.renamed',
  'backup.completed',
];

export interface ConsoleEvent<T extends ConsoleEventType = ConsoleEventType, D = Record<string, unknown>> {
  /** UUID; receivers de-duplicate on it (a retried delivery carries the same id and body). */
  id: string;
  type: T;
  /** ISO 8601 with offset ("Z"). */
  occurredAt: string;
  data: D;
}

export const SIGNATURE_HEADER = 'X-Console-Signature';
export const TIMESTAMP_HEADER = 'X-Console-Timestamp';
export const EVENT_ID_HEADER = 'X-Console-Event-Id';
export const EVENT_TYPE_HEADER = 'X-Console-Event-Type';
/** Receivers reject a timestamp further than this from their clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<rawBody>")>`. */
export function signConsoleEvent(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed-timestamp' | 'stale' | 'mismatch' };

/** What a receiver does: reference implementation for tests (constant-time compare, 5-minute window). */
export function verifyConsoleSignature(input: {
  secret: string;
  rawBody: string | Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signConsoleEvent(input.secret, timestamp, input.rawBody));
  const given = Buffer.from(signature.trim());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}

export interface EventTarget {
  url: string;
  secret: string;
}

export interface EventDeliverySettings {
  /** Attempts in total (first try included). */
  attempts: number;
  /** Wait before retry n is backoffMs * 2^(n-1). */
  backoffMs: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
}

export type DeliveryStatus = 'not-sent' | 'pending' | 'delivered' | 'rejected' | 'failed';

export interface DeliveryAttempt {
  at: string;
  /** HTTP status when an answer came back. */
  status?: number;
  /** Network error, timeout, ... */
  error?: string;
  durationMs: number;
}

export interface EventRecord {
  event: ConsoleEvent;
  /**
   * not-sent: no event target was configured; pending: being delivered; delivered: a 2xx answer;
   * rejected: a 4xx answer (other than 408/429), not retried; failed: attempts exhausted.
   */
  status: DeliveryStatus;
  target: string | null;
  attempts: DeliveryAttempt[];
}

const MAX_RECORDS = 10_000;

/**
 * Records every event and delivers it, fire-and-forget, to the configured target: one at a time in
 * emission order, retrying network errors, timeouts, 408, 429 and 5xx with exponential backoff.
 */
export class EventDispatcher {
  private target: EventTarget | undefined;
  private readonly log: EventRecord[] = [];
  private tail: Promise<void> = Promise.resolve();
  private readonly closing = new AbortController();

  constructor(
    private readonly now: () => Date,
    private readonly settings: () => EventDeliverySettings,
  ) {}

  setTarget(target: EventTarget | undefined): void {
    this.target = target ? { ...target } : undefined;
  }

  getTarget(): EventTarget | undefined {
    return this.target ? { ...this.target } : undefined;
  }

  emit<T extends ConsoleEventType>(type: T, data: Record<string, unknown>): ConsoleEvent<T> {
    const event: ConsoleEvent<T> = { id: randomUUID(), type, occurredAt: this.now().toISOString(), data };
    const target = this.target;
    const record: EventRecord = { event, status: target ? 'pending' : 'not-sent', target: target?.url ?? null, attempts: [] };
    this.log.push(record);
    if (this.log.length > MAX_RECORDS) this.log.splice(0, this.log.length - MAX_RECORDS);
    if (target && !this.closing.signal.aborted) {
      this.tail = this.tail
        .then(() => this.deliver(record, target))
        .catch((error: unknown) => {
          record.status = 'failed';
          record.attempts.push({ at: new Date().toISOString(), error: describe(error), durationMs: 0 });
        });
    }
    return event;
  }

  records(): EventRecord[] {
    return structuredClone(this.log);
  }

  clear(): void {
    this.log.length = 0;
  }

  /** Resolves once every event emitted so far has a final delivery status. */
  flush(): Promise<void> {
    return this.tail;
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.tail;
  }

  private async deliver(record: EventRecord, target: EventTarget): Promise<void> {
    const body = JSON.stringify(record.event);
    const { attempts, backoffMs, timeoutMs } = this.settings();
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (this.closing.signal.aborted) break;
      const started = Date.now();
      const timestamp = Math.floor(this.now().getTime() / 1000);
      try {
        const response = await fetch(target.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'ConsoleSimulator/1.0',
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signConsoleEvent(target.secret, timestamp, body),
            [EVENT_ID_HEADER]: record.event.id,
            [EVENT_TYPE_HEADER]: record.event.type,
          },
          body,
          signal: AbortSignal.any([this.closing.signal, AbortSignal.timeout(timeoutMs)]),
        });
        await response.arrayBuffer().catch(() => undefined);
        record.attempts.push({ at: new Date(started).toISOString(), status: response.status, durationMs: Date.now() - started });
        if (response.ok) {
          record.status = 'delivered';
          return;
        }
        if (response.status < 500 && response.status !== 408 && response.status !== 429) {
          record.status = 'rejected';
          return;
        }
      } catch (error) {
        record.attempts.push({ at: new Date(started).toISOString(), error: describe(error), durationMs: Date.now() - started });
      }
      if (attempt < attempts) await this.sleep(backoffMs * 2 ** (attempt - 1));
    }
    record.status = 'failed';
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closing.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      const signal = this.closing.signal;
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const causeText = cause instanceof Error ? `: ${(cause as NodeJS.ErrnoException).code ?? cause.message}` : '';
    return `${error.name === 'TimeoutError' ? 'timeout' : error.message}${causeText}`;
  }
  return String(error);
}
