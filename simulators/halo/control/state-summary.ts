import { HaloState } from '../state/halo-state';

/** `GET /_sim/state`: what the simulated tenant holds and how it is configured, at a glance. */
export function summarize(state: HaloState) {
  const assets = state.assets.all();
  return {
    now: state.clock.isoNow(),
    credentials: state.credentials,
    settings: state.settings,
    application: state.application,
    agent: state.agent,
    forbidden: state.forbidden,
    faults: state.faults.current(),
    rateLimit: rateLimitView(state),
    counts: {
      clients: state.clients.size,
      sites: state.sites.size,
      assets: { active: assets.filter((asset) => !asset.inactive).length, inactive: assets.filter((asset) => asset.inactive).length },
      assetTypes: state.assetTypes.size,
      assetGroups: state.assetGroups.size,
      fieldInfos: state.fieldInfos.size,
      customButtons: state.customButtons.size,
      tickets: state.tickets.size,
    },
  };
}

/** The limiter's settings and the requests counted in the current window, per client id. */
export function rateLimitView(state: HaloState) {
  return { ...state.rateLimiter.settings(), usage: state.rateLimiter.usage() };
}
