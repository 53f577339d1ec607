export type HaloErrorKind =
  | 'invalid_client'
  | 'invalid_scope'
  | 'bad_tenant'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'unexpected';

const RETRYABLE_KINDS: ReadonlySet<HaloErrorKind> = new Set(['rate_limited', 'server', 'network']);

export interface HaloErrorOptions {
  status?: number;
  /** Only for `rate_limited`, and only when Halo sent `Retry-After`. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * Every failure of a HaloPSA call. `kind` is what callers branch on (retry policies, permission
 * reports); `message` is for people and never carries the client secret, tokens or headers.
 */
export class HaloError extends Error {
  override readonly name = 'HaloError';
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;

  constructor(
    readonly kind: HaloErrorKind,
    message: string,
    options: HaloErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = RETRYABLE_KINDS.has(kind);
  }

  /** `Error#message` is not enumerable: without this, a serialised HaloError would lose it. */
  toJSON(): Record<string, unknown> {
    const { name, kind, message, status, retryAfterMs, retryable } = this;
    return { name, kind, message, status, retryAfterMs, retryable };
  }
}
