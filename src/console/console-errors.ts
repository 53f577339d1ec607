/**
 * Every failure of a Management Console call, as one typed error a retry policy can match:
 *
 * | kind                  | when                                                          | retryable |
 * |-----------------------|---------------------------------------------------------------|-----------|
 * | `invalid_credentials` | login refused (400 `invalid_grant`, 401 or 403 on login)      | no        |
 * | `unauthorized`        | 401 on an API call even after logging in again                | no        |
 * | `forbidden`           | 403 on an API call (the API user lacks the right)             | no        |
 * | `not_found`           | 404                                                           | no        |
 * | `server`              | 5xx, 408, 429                                                 | yes       |
 * | `network`             | connection refused/reset, DNS failure, timeout                | yes       |
 * | `unexpected`          | a redirect, another 4xx, a body that is not what the API documents | no   |
 *
 * Messages are built from the Console's body (`{"error","error_description"}`, `{"Message"}`,
 * `{"message"}` or short text), never from the request: no password, no token. The client also
 * scrubs its own secrets out of anything the server echoes, and no error keeps the response body or
 * the request around as a property (so serialising the error, into a log or a Temporal failure,
 * cannot leak them either).
 */

export type ConsoleErrorKind = 'invalid_credentials' | 'unauthorized' | 'forbidden' | 'not_found' | 'server' | 'network' | 'unexpected';

const RETRYABLE_KINDS: ReadonlySet<ConsoleErrorKind> = new Set(['server', 'network']);

export interface ConsoleErrorDetails {
  status?: number;
  /** Overrides the kind's default. */
  retryable?: boolean;
  /** From `Retry-After` on 429/503, when the Console sends one. */
  retryAfterMs?: number;
  /** What was being done, e.g. "GET /api/Computers/0/500"; paths only, never query strings or bodies. */
  operation?: string;
}

export class ConsoleError extends Error {
  readonly kind: ConsoleErrorKind;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly operation?: string;

  constructor(kind: ConsoleErrorKind, message: string, details: ConsoleErrorDetails = {}) {
    super(message);
    this.name = 'ConsoleError';
    this.kind = kind;
    this.retryable = details.retryable ?? RETRYABLE_KINDS.has(kind);
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.operation !== undefined) this.operation = details.operation;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, status: this.status, retryable: this.retryable, retryAfterMs: this.retryAfterMs, operation: this.operation, message: this.message };
  }
}

const MAX_DETAIL_LENGTH = 300;

/**
 * The readable part of a Console error body: `error_description` (with `error`), `Message` /
 * `message` (with `ExceptionMessage` when given), or the text itself when short and not HTML.
 * Undefined when nothing useful is there. Each of `secrets` is replaced by "[redacted]" before the
 * text is shortened, so not even a prefix of one survives.
 */
export function describeConsoleErrorBody(body: string, secrets: ReadonlyArray<string | undefined> = []): string | undefined {
  const found = findReadablePart(body);
  return found === undefined ? undefined : truncate(scrubSecrets(found, secrets));
}

function findReadablePart(body: string): string | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const field = (name: string): string | undefined => {
      for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (key.toLowerCase() === name.toLowerCase() && typeof value === 'string' && value.trim() !== '') return value.trim();
      }
      return undefined;
    };
    const error = field('error');
    const description = field('error_description');
    if (description) return error ? `${description} (${error})` : description;
    if (error) return error;
    const message = field('Message');
    const exception = field('ExceptionMessage');
    if (message) return exception && exception !== message ? `${message} ${exception}` : message;
    if (exception) return exception;
    return undefined;
  }
  if (typeof parsed === 'string' && parsed.trim() !== '') return parsed.trim();
  if (/^\s*</.test(text)) {
    // An HTML error page or XML: its title, if any, is the readable part.
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return title || undefined;
  }
  return text.replace(/\s+/g, ' ');
}

/** Replaces each secret (password, token) wherever it appears in `text`. */
export function scrubSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 3) result = result.split(secret).join('[redacted]');
  }
  return result;
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH - 3)}...` : text;
}

/** For `.catch`: a `not_found` ConsoleError becomes undefined (nothing there); any other error goes on. */
export function undefinedWhenNotFound(error: unknown): undefined {
  if (error instanceof ConsoleError && error.kind === 'not_found') return undefined;
  throw error;
}
