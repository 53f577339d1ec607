import { randomBytes, randomUUID } from 'node:crypto';
import { createSimulatedService, listen } from '../shared/http-kit';
import { createVendorRouter } from './api/vendor-router';
import { createGatekeeper, tooManyRequests } from './auth/gatekeeper';
import { RateLimitSettings } from './auth/rate-limiter';
import { createControlRouter } from './control/control-routes';
import { UndeclaredRequests } from './declared/undeclared-requests';
import { toErrorResponse } from './http-error';
import { haloSettingsForProfile } from './profile';
import type { SimulatorProfile } from '../profile';
import { HaloCredentials, HaloSettings, HaloState, SeedClient } from './state/halo-state';

export { HaloState } from './state/halo-state';
export type { ForbiddenSwitch, HaloCredentials, HaloSettings, SeedClient } from './state/halo-state';

export interface HaloSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Generated at random when absent. */
  clientId?: string;
  clientSecret?: string;
  /** When set, `/auth/token` requires `?tenant=<it>`, as on Halo-hosted instances. */
  tenant?: string;
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Default 300 requests per 300 s, without Retry-After. */
  rateLimit?: Partial<RateLimitSettings>;
  /** Default false. */
  uniqueAssetTags?: boolean;
  /** Default `default`; `strict` sets every unsure vendor behaviour to its least convenient answer. */
  profile?: SimulatorProfile;
  /** Any setting, as `PUT /_sim/settings` takes; overrides the profile's. */
  settings?: Partial<HaloSettings>;
  /** The simulator's clock (token expiry, rate-limit window); default `Date.now`. */
  now?: () => number;
}

export interface HaloSimulator {
  /** e.g. http://127.0.0.1:PORT; resource server = url + '/api', authorisation server = url + '/auth'. */
  url: string;
  credentials: HaloCredentials;
  /** The in-memory tenant, usable directly by tests. */
  state: HaloState;
  /** What clients sent that Halo's OpenAPI document does not declare (also at GET /_sim/counters). */
  undeclared: UndeclaredRequests;
  /** Creates clients with their sites; the first site of each is its main site. */
  seedClients(clients: SeedClient[]): void;
  close(): Promise<void>;
}

/** Starts a HaloPSA simulator: a real HTTP server on the loopback interface. */
export async function startHaloSimulator(options: HaloSimulatorOptions = {}): Promise<HaloSimulator> {
  const credentials: HaloCredentials = {
    clientId: options.clientId ?? randomUUID(),
    clientSecret: options.clientSecret ?? randomBytes(36).toString('base64url'),
    ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
  };
  const state = new HaloState({
    credentials,
    now: options.now,
    settings: {
      ...haloSettingsForProfile(options.profile ?? 'default'),
      ...options.settings,
      ...(options.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds: options.tokenLifetimeSeconds }),
      ...(options.uniqueAssetTags === undefined ? {} : { uniqueAssetTags: options.uniqueAssetTags }),
    },
    rateLimit: options.rateLimit,
  });
  const undeclared = new UndeclaredRequests();
  let url = '';
  const server = createSimulatedService({
    vendor: createVendorRouter(state, () => url),
    control: createControlRouter(state, undeclared),
    faults: state.faults,
    counters: state.requests,
    observeVendorRequest: (req) => undeclared.record(req.method, req.path, req.query, req.rawBody),
    beforeVendorRoute: createGatekeeper(state),
    rateLimited: () => tooManyRequests(state.rateLimiter.refusal()),
    onError: toErrorResponse,
  });
  const listening = await listen(server, options.port ?? 0);
  url = listening.url;
  return {
    url,
    credentials,
    state,
    undeclared,
    seedClients: (clients) => void state.seedClients(clients),
    close: () => listening.close(),
  };
}
