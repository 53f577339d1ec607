import { z } from 'zod';
import { json, parseJsonBody, Router, SimRequest } from '../../shared/http-kit';
import { createAssetResource } from '../api/resources/asset-resource';
import { splitScopes, unknownScopes } from '../auth/scopes';
import { UndeclaredRequests } from '../declared/undeclared-requests';
import { HttpError } from '../http-error';
import { HaloState } from '../state/halo-state';
import {
  agentBody,
  applicationBody,
  clockAdvanceBody,
  faultsBody,
  forbiddenBody,
  rateLimitBody,
  seedClientsBody,
  settingsBody,
} from './control-schemas';
import { rateLimitView, summarize } from './state-summary';

/**
 * The test-control API under `/_sim` (documented in ../README.md): JSON, no auth, never counted,
 * limited or faulted. The server listens on the loopback interface only.
 */
export function createControlRouter(state: HaloState, undeclared: UndeclaredRequests): Router {
  const router = new Router();
  const assets = createAssetResource(state);

  router.on('GET', '/_sim/state', () => json(200, summarize(state)));
  router.on('GET', '/_sim/assets', () => json(200, state.assets.all().map((asset) => assets.present(asset))));

  router.on('GET', '/_sim/counters', () => json(200, counters(state, undeclared)));
  router.on('POST', '/_sim/counters/reset', () => {
    state.requests.reset();
    state.assetCreates.reset();
    state.faults.resetInjected();
    return json(200, counters(state, undeclared));
  });

  router.on('GET', '/_sim/faults', () => json(200, state.faults.current()));
  router.on('PUT', '/_sim/faults', (req) => json(200, rangeChecked(() => state.faults.configure(read(req, faultsBody)))));
  router.on('DELETE', '/_sim/faults', () => json(200, state.faults.reset()));

  router.on('GET', '/_sim/rate-limit', () => json(200, rateLimitView(state)));
  router.on('PUT', '/_sim/rate-limit', (req) => {
    const { retryAfterSeconds, ...rest } = read(req, rateLimitBody);
    const changes = retryAfterSeconds === undefined ? rest : { ...rest, retryAfterSeconds: retryAfterSeconds ?? undefined };
    rangeChecked(() => state.rateLimiter.configure(changes));
    return json(200, rateLimitView(state));
  });
  router.on('POST', '/_sim/rate-limit/reset', () => {
    state.rateLimiter.reset();
    return json(200, rateLimitView(state));
  });

  router.on('GET', '/_sim/forbidden', () => json(200, state.forbidden));
  router.on('PUT', '/_sim/forbidden', (req) => {
    state.forbidden = read(req, forbiddenBody);
    return json(200, state.forbidden);
  });

  router.on('GET', '/_sim/agent', () => json(200, state.agent));
  router.on('PUT', '/_sim/agent', (req) => {
    const { access, ...rest } = read(req, agentBody);
    const unknownType = rest.assettypes?.find((right) => !state.assetTypes.get(right.assettype_id));
    if (unknownType) throw badRequest(`assettypes: asset type ${unknownType.assettype_id} does not exist`);
    state.agent = { ...state.agent, ...rest, access: { ...state.agent.access, ...access } };
    return json(200, state.agent);
  });

  router.on('GET', '/_sim/application', () => json(200, state.application));
  router.on('PUT', '/_sim/application', (req) => {
    const { allowedScopes } = read(req, applicationBody);
    const scopes = typeof allowedScopes === 'string' ? splitScopes(allowedScopes) : allowedScopes;
    const unknown = unknownScopes(scopes);
    if (scopes.length === 0 || unknown.length > 0) throw badRequest(`allowedScopes: unknown or no scopes (${unknown.join(' ')})`);
    state.application.allowedScopes = scopes;
    return json(200, state.application);
  });

  router.on('POST', '/_sim/application/regenerate-credentials', () => json(200, state.regenerateCredentials()));
  router.on('POST', '/_sim/tokens/expire', () => json(200, { expired: state.tokens.expireAll() }));

  router.on('POST', '/_sim/clients', (req) => json(201, state.seedClients(read(req, seedClientsBody))));

  router.on('GET', '/_sim/settings', () => json(200, state.settings));
  router.on('PUT', '/_sim/settings', (req) => {
    Object.assign(state.settings, read(req, settingsBody));
    return json(200, state.settings);
  });

  router.on('POST', '/_sim/clock/advance', (req) => {
    state.clock.advance(read(req, clockAdvanceBody).seconds * 1000);
    return json(200, { now: state.clock.isoNow() });
  });

  return router;
}

function counters(state: HaloState, undeclared: UndeclaredRequests) {
  return {
    requests: state.requests.snapshot(),
    assetCreatesByCustomFieldValue: state.assetCreates.snapshot(),
    rateLimitWindowUsage: state.rateLimiter.usage(),
    faultsInjected: state.faults.injectedCounts(),
    lostResponsesByRoute: state.faults.lostResponsesByRoute(),
    /** Query and body names Halo's OpenAPI document does not declare, per operation. */
    undeclared: undeclared.snapshot(),
  };
}

function read<T extends z.ZodType>(req: SimRequest, schema: T): z.output<T> {
  const result = schema.safeParse(parseJsonBody(req) ?? {});
  if (!result.success) throw badRequest(z.prettifyError(result.error));
  return result.data;
}

function rangeChecked<T>(apply: () => T): T {
  try {
    return apply();
  } catch (error) {
    if (error instanceof RangeError) throw badRequest(error.message);
    throw error;
  }
}

function badRequest(message: string): HttpError {
  return new HttpError(400, { error: message });
}
