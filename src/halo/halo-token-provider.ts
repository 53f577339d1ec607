import { HaloConnectionSettings } from './halo-connection-settings';
import { parseHaloErrorBody } from './halo-error-body';
import { HaloError, HaloErrorKind } from './halo-errors';
import { HaloAnswer, HaloExchange, HaloHttp } from './halo-http';
import { SecretRedactor } from './secret-redactor';

/** `expires_in` is 3600 in every example seen; used when Halo leaves it out. */
const DEFAULT_LIFETIME_SECONDS = 3600;
const RENEWAL_MARGIN_MS = 60_000;

export interface HaloAccessToken {
  value: string;
  /** The token answer's `scope` when present, else the scopes asked for. */
  grantedScopes: string[];
  expiresAtMs: number;
}

interface CachedToken extends HaloAccessToken {
  renewAtMs: number;
}

type TokenRefusal = Extract<HaloErrorKind, 'invalid_client' | 'invalid_scope' | 'bad_tenant'>;

/**
 * OAuth 2 client credentials against `{authServer}/token[?tenant=]` (form body). The token is
 * cached and renewed a minute before it expires (half its lifetime when that is shorter); callers
 * discard it after a 401. Concurrent callers share one token request.
 */
export class HaloTokenProvider {
  private cached?: CachedToken;
  private pending?: Promise<HaloAccessToken>;

  constructor(
    private readonly settings: HaloConnectionSettings,
    private readonly scope: string,
    private readonly http: HaloHttp,
    private readonly redactor: SecretRedactor,
  ) {}

  async token(): Promise<HaloAccessToken> {
    if (this.cached !== undefined && this.http.now < this.cached.renewAtMs) return this.cached;
    return this.renew();
  }

  /** Always asks Halo, unless a token request is already under way. */
  renew(): Promise<HaloAccessToken> {
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** After a 401: drops the token unless another caller has already replaced it. */
  discard(value: string): void {
    if (this.cached?.value === value) this.cached = undefined;
  }

  private async requestToken(): Promise<HaloAccessToken> {
    const url = new URL(`${this.settings.authServerUrl}/token`);
    if (this.settings.tenant) url.searchParams.set('tenant', this.settings.tenant);
    const request: HaloExchange = {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      // Asking for a token twice only costs a token.
      idempotent: true,
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.settings.clientId,
        client_secret: this.settings.clientSecret,
        scope: this.scope,
      }).toString(),
    };
    const requestedAt = this.http.now;
    const answer = await this.http.exchange(request);
    if (answer.status < 200 || answer.status > 299) throw this.refusal(request, answer);
    return this.remember(this.readToken(answer), requestedAt);
  }

  private readToken(answer: HaloAnswer): { value: string; lifetimeSeconds: number; grantedScopes: string[] } {
    const body = parseObject(answer.text);
    const value = body?.access_token;
    if (typeof value !== 'string' || value === '') {
      throw this.http.error('unexpected', 'HaloPSA answered the token request without an access_token', { status: answer.status });
    }
    const lifetime = Number(body?.expires_in);
    const granted = typeof body?.scope === 'string' && body.scope.trim() !== '' ? body.scope : this.scope;
    return {
      value,
      lifetimeSeconds: Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_SECONDS,
      grantedScopes: granted.split(/\s+/).filter((scope) => scope !== ''),
    };
  }

  private remember(token: { value: string; lifetimeSeconds: number; grantedScopes: string[] }, requestedAt: number): HaloAccessToken {
    const lifetimeMs = token.lifetimeSeconds * 1000;
    if (this.cached !== undefined) this.redactor.forget(this.cached.value);
    this.redactor.remember(token.value);
    this.cached = {
      value: token.value,
      grantedScopes: token.grantedScopes,
      expiresAtMs: requestedAt + lifetimeMs,
      renewAtMs: requestedAt + lifetimeMs - Math.min(RENEWAL_MARGIN_MS, lifetimeMs / 2),
    };
    return this.cached;
  }

  private refusal(request: HaloExchange, answer: HaloAnswer): HaloError {
    const { detail, oauthError } = parseHaloErrorBody(answer.text);
    const kind = refusalKind(answer.status, oauthError, detail);
    if (kind === undefined) return this.http.errorForStatus(request, answer);
    const reason = detail === undefined ? '' : `: ${detail}`;
    return this.http.error(kind, `${this.refusalSubject(kind)}${reason}`, { status: answer.status });
  }

  private refusalSubject(kind: TokenRefusal): string {
    const { tenant } = this.settings;
    if (kind === 'invalid_client') return "HaloPSA refused the API application's client ID or secret";
    if (kind === 'invalid_scope') return `HaloPSA refused the requested scope "${this.scope}"`;
    return tenant ? `HaloPSA refused the tenant "${tenant}"` : 'HaloPSA needs the tenant name of this instance';
  }
}

/**
 * Halo's OAuth errors name the application (`invalid_client`, `unauthorized_client`) or the scope;
 * a 4xx that speaks of the tenant (a missing or unknown one: wording UNSURE) is a tenant problem.
 */
function refusalKind(status: number, oauthError: string | undefined, detail: string | undefined): TokenRefusal | undefined {
  if (oauthError === 'invalid_scope') return 'invalid_scope';
  if (status >= 400 && status < 500 && /tenant/i.test(detail ?? '')) return 'bad_tenant';
  if (oauthError === 'invalid_client' || oauthError === 'unauthorized_client' || status === 401) return 'invalid_client';
  return undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
