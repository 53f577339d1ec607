import { json, parseFormBody, Router, SimRequest, SimResponse } from '../../shared/http-kit';
import { HaloState } from '../state/halo-state';
import { readClientCredentials } from './client-credentials';
import { createIdToken } from './id-token';
import { capabilitiesOf, describeCapabilities, intersect, splitScopes, unknownScopes } from './scopes';

/**
 * The authorisation server: anonymous discovery (`GET /api/authinfo`) and the OAuth 2
 * client-credentials token endpoint (`POST /auth/token[?tenant=]`).
 */
export function registerAuthRoutes(router: Router, state: HaloState, baseUrl: () => string): void {
  router.on('GET', '/api/authinfo', () => {
    const { tenant } = state.credentials;
    return json(200, { auth_url: `${baseUrl()}/auth`, ...(tenant === undefined ? {} : { tenant_id: tenant }) });
  });
  router.on('POST', '/auth/token', (req) => issueToken(state, req, baseUrl()));
}

function issueToken(state: HaloState, req: SimRequest, baseUrl: string): SimResponse {
  const { tenant } = state.credentials;
  if (tenant !== undefined) {
    const sent = req.query.get('tenant');
    if (!sent) return oauthError(400, 'invalid_request', `This hosted instance needs ?tenant=${tenant} on the token URL`);
    if (sent !== tenant) return oauthError(401, 'invalid_client', `Unknown tenant "${sent}"`);
  }
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
  }
  const form = parseFormBody(req);
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `Grant type "${grantType}" is not supported`);

  const presented = readClientCredentials(req);
  const { clientId, clientSecret } = state.credentials;
  if (!presented || presented.clientId !== clientId || presented.clientSecret !== clientSecret) {
    return oauthError(401, 'invalid_client', 'The client id or secret is wrong');
  }

  const scopeText = form.get('scope');
  const requested = scopeText ? splitScopes(scopeText) : state.application.allowedScopes;
  const unknown = unknownScopes(requested);
  if (unknown.length > 0) return oauthError(400, 'invalid_scope', `Unknown scope: ${unknown.join(' ')}`);
  const policy = state.settings;
  const granted = intersect(capabilitiesOf(requested, policy), capabilitiesOf(state.application.allowedScopes, policy));
  if (granted.size === 0) {
    return oauthError(400, 'invalid_scope', `The application is allowed none of the requested scopes (${requested.join(' ')})`);
  }

  const lifetime = state.settings.tokenLifetimeSeconds;
  const token = state.tokens.issue(clientId, granted, lifetime);
  const idToken = createIdToken({
    issuer: `${baseUrl}/auth`,
    audience: clientId,
    agent: state.agent,
    issuedAtMs: state.clock.now(),
    expiresAtMs: token.expiresAt,
  });
  return json(
    200,
    { access_token: token.value, token_type: 'Bearer', expires_in: lifetime, scope: describeCapabilities(granted), id_token: idToken },
    { 'cache-control': 'no-store' },
  );
}

function oauthError(status: number, error: string, description: string): SimResponse {
  return json(status, { error, error_description: description });
}
