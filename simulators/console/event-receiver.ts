import { createServer, IncomingHttpHeaders } from 'node:http';
import { listen } from '../shared/http-kit';
import { ConsoleEvent, SIGNATURE_HEADER, SignatureCheck, TIMESTAMP_HEADER, verifyConsoleSignature } from './events';

export interface ReceivedEvent {
  /** Parsed body (undefined when it was not JSON). */
  event: ConsoleEvent | undefined;
  rawBody: string;
  headers: IncomingHttpHeaders;
  signature: SignatureCheck;
  /** Status the receiver answered. */
  answeredWith: number;
}

export interface EventReceiver {
  url: string;
  /** Every POST received, in order (retries included). */
  received: ReceivedEvent[];
  /** Resolves with the received list once `predicate` holds (polls every 10 ms). */
  waitFor(predicate: (received: ReceivedEvent[]) => boolean, timeoutMs?: number): Promise<ReceivedEvent[]>;
  close(): Promise<void>;
}

/**
 * A minimal signed-event receiver for tests and the demo: verifies the HMAC and the 5-minute window
 * like the integration must, answers 401 to a bad signature and 204 otherwise, unless `respond`
 * decides (e.g. 500 on the first attempt to exercise retries).
 */
export async function startEventReceiver(options: {
  secret: string;
  respond?: (received: ReceivedEvent, index: number) => number | undefined;
}): Promise<EventReceiver> {
  const received: ReceivedEvent[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value[0] : value;
      };
      const signature = verifyConsoleSignature({
        secret: options.secret,
        rawBody,
        timestamp: header(TIMESTAMP_HEADER),
        signature: header(SIGNATURE_HEADER),
      });
      let event: ConsoleEvent | undefined;
      try {
        event = JSON.parse(rawBody) as ConsoleEvent;
      } catch {
        event = undefined;
      }
      const entry: ReceivedEvent = { event, rawBody, headers: req.headers, signature, answeredWith: 0 };
      entry.answeredWith = options.respond?.(entry, received.length) ?? (signature.ok ? 204 : 401);
      received.push(entry);
      res.writeHead(entry.answeredWith).end();
    });
  });
  const listening = await listen(server, 0);
  return {
    url: `${listening.url}/events`,
    received,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`Events not received in ${timeoutMs} ms (got ${received.length})`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    close: () => listening.close(),
  };
}
