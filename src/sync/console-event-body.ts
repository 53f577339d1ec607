import { BadRequestException } from '@nestjs/common';

/** A Console event as the integration's contract defines it (shared/reference/console-api.md, section 4). */
export interface ConsoleEvent {
  id: string;
  type: string;
  /** ISO 8601, the Console's clock. */
  occurredAt?: string;
  data?: { ComputerHID?: string | null } & Record<string, unknown>;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The event in a signed body, or a 400 that says what is wrong. Fields the integration does not
 * read may come and go (the contract grows); those it reads must have their documented types.
 */
export function parseConsoleEvent(rawBody: Buffer | undefined): ConsoleEvent {
  let event: unknown;
  try {
    event = JSON.parse((rawBody ?? Buffer.alloc(0)).toString('utf8'));
  } catch {
    throw new BadRequestException('The event body is not JSON.');
  }
  const candidate = event as Record<string, unknown> | null;
  if (typeof candidate?.id !== 'string' || candidate.id.length === 0 || candidate.id.length > 200 || typeof candidate.type !== 'string') {
    throw new BadRequestException('An event needs a string "id" (at most 200 characters) and a "type".');
  }
  const { id, type, occurredAt, data } = candidate;
  if (type.length === 0 || type.length > 100) throw new BadRequestException('An event "type" has 1 to 100 characters.');
  // PostgreSQL text cannot hold NUL, and no Console id or type has control characters.
  if ([...id, ...type].some((character) => character.charCodeAt(0) < 0x20)) throw new BadRequestException('An event "id" and "type" may not contain control characters.');
  if (occurredAt !== undefined && (typeof occurredAt !== 'string' || !ISO_DATE_TIME.test(occurredAt) || Number.isNaN(Date.parse(occurredAt)))) {
    throw new BadRequestException('An event "occurredAt" is an ISO 8601 date and time, e.g. 2026-11-27T10:15:00Z.');
  }
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) throw new BadRequestException('An event "data" is an object.');
  // Checked before the event is recorded: a computer id that cannot be one is refused, not stored.
  const hid = (data as Record<string, unknown> | undefined)?.ComputerHID;
  if (hid !== undefined && hid !== null && (typeof hid !== 'string' || hid.length > 100)) {
    throw new BadRequestException('"data.ComputerHID" must be a string of at most 100 characters.');
  }
  return candidate as unknown as ConsoleEvent;
}
