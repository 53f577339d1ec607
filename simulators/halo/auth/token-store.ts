import { randomBytes } from 'node:crypto';
import { SimClock } from '../state/sim-clock';
import { Capability } from './scopes';

export interface AccessToken {
  value: string;
  clientId: string;
  capabilities: ReadonlySet<Capability>;
  expiresAt: number;
}

export type TokenCheck = { valid: true; token: AccessToken } | { valid: false; reason: string };

/** Opaque bearer tokens with a lifetime measured on the simulator's clock. */
export class TokenStore {
  private readonly tokens = new Map<string, AccessToken>();

  constructor(private readonly clock: SimClock) {}

  issue(clientId: string, capabilities: ReadonlySet<Capability>, lifetimeSeconds: number): AccessToken {
    const token: AccessToken = {
      value: randomBytes(32).toString('base64url'),
      clientId,
      capabilities,
      expiresAt: this.clock.now() + lifetimeSeconds * 1000,
    };
    this.tokens.set(token.value, token);
    return token;
  }

  check(value: string | undefined): TokenCheck {
    if (!value) return { valid: false, reason: 'no bearer token was sent' };
    const token = this.tokens.get(value);
    if (!token) return { valid: false, reason: 'the access token is unknown' };
    if (this.clock.now() >= token.expiresAt) return { valid: false, reason: 'the access token has expired' };
    return { valid: true, token };
  }

  /** Expires every live token at once; answers how many were live. */
  expireAll(): number {
    const now = this.clock.now();
    let expired = 0;
    for (const token of this.tokens.values()) {
      if (token.expiresAt > now) expired++;
      token.expiresAt = Math.min(token.expiresAt, now);
    }
    return expired;
  }
}
