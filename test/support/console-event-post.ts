import { signConsoleEvent } from '../../simulators/console/events';

/** The headers the Console signs an event with (shared/reference/console-api.md, section 4). */
export function consoleEventHeaders(secret: string, rawBody: string | Buffer, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { 'x-console-timestamp': String(timestamp), 'x-console-signature': signConsoleEvent(secret, timestamp, rawBody) };
}

/** POSTs an event to an event URL, signed with `secret`, as the Console does. */
export function postConsoleEvent(url: string, secret: string, event: unknown): Promise<Response> {
  const body = JSON.stringify(event);
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...consoleEventHeaders(secret, body) }, body });
}
