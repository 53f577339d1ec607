import { SimRequest, SimResponse } from '../../shared/http-kit';
import { entityOfPath } from '../entity-names';
import { HaloState } from '../state/halo-state';
import { readClientCredentials } from './client-credentials';
import { permissionProblem } from './permissions';
import { Refusal } from './rate-limiter';

/**
 * Runs before every vendor route, in Halo's order: a valid token (401), the rate limit (429), then
 * permissions (403: a disabled agent, a forced switch, the token's scopes, the agent's rights).
 * Requests are limited per client id; token requests count too, once their client id is known.
 * Requests that name no known client (no or a bad token) cannot be attributed and are not counted.
 */
export function createGatekeeper(state: HaloState): (req: SimRequest) => SimResponse | undefined {
  return (req) => {
    const path = req.path.toLowerCase().replace(/\/+$/, '');
    if (path === '/auth/token') return limitTokenRequest(state, req);
    if (path === '/api/authinfo' || !path.startsWith('/api')) return undefined;

    const check = state.tokens.check(bearerToken(req));
    if (!check.valid) {
      return {
        status: 401,
        body: { Message: `Authorization has been denied for this request: ${check.reason}.` },
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      };
    }
    const refusal = state.rateLimiter.admit(check.token.clientId);
    if (refusal) return tooManyRequests(refusal);
    if (state.agent.isdisabled) return forbidden(`The agent "${state.agent.name}" this application logs in as is disabled`);

    const entity = entityOfPath(req.path);
    if (!entity) return undefined;
    if (state.isForbidden(entity, req.method)) return forbidden(`You do not have permission to ${req.method} ${entity} records`);
    const problem = permissionProblem(entity, req.method, check.token.capabilities, state.agent);
    return problem ? forbidden(problem) : undefined;
  };
}

function limitTokenRequest(state: HaloState, req: SimRequest): SimResponse | undefined {
  const presented = readClientCredentials(req);
  if (presented?.clientId !== state.credentials.clientId) return undefined;
  const refusal = state.rateLimiter.admit(presented.clientId);
  return refusal ? tooManyRequests(refusal) : undefined;
}

function bearerToken(req: SimRequest): string | undefined {
  const header = req.headers.authorization;
  return header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
}

export function tooManyRequests(refusal: Refusal): SimResponse {
  const headers = refusal.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(refusal.retryAfterSeconds) };
  return { status: 429, body: refusal.message, headers };
}

function forbidden(message: string): SimResponse {
  return { status: 403, body: { Message: message } };
}
