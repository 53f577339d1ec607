import { HaloClient, HaloClientOptions } from '../../../src/halo/halo-client';
import { HaloConnectionSettings, haloUrlsFromBase } from '../../../src/halo/halo-connection-settings';
import { HaloError } from '../../../src/halo/halo-errors';
import { HaloSimulator } from '../../../simulators/halo/halo-simulator';
import { control } from '../../../simulators/halo/testing/halo-test-client';

export interface SimCounters {
  requests: { total: number; byPathAndVerb: Record<string, number> };
}

export function settingsFor(sim: HaloSimulator, overrides: Partial<HaloConnectionSettings> = {}): HaloConnectionSettings {
  const { clientId, clientSecret, tenant } = sim.credentials;
  return { ...haloUrlsFromBase(sim.url), clientId, clientSecret, tenant, ...overrides };
}

/** A client on the simulator's own clock, so that `/_sim/clock/advance` moves both. */
export function clientFor(sim: HaloSimulator, overrides: Partial<HaloConnectionSettings> = {}, options: HaloClientOptions = {}): HaloClient {
  return new HaloClient(settingsFor(sim, overrides), { now: () => sim.state.clock.now(), ...options });
}

export async function requestCounts(sim: HaloSimulator): Promise<SimCounters['requests']> {
  return (await control<SimCounters>(sim, 'GET', '/counters')).requests;
}

export async function resetSimulator(sim: HaloSimulator): Promise<void> {
  await control(sim, 'DELETE', '/faults');
  await control(sim, 'PUT', '/forbidden', []);
  await control(sim, 'PUT', '/application', { allowedScopes: 'all' });
  await control(sim, 'PUT', '/agent', { is_admin: true, isdisabled: false, access: { customers: 'modify', assets: 'modify', tickets: 'modify' } });
  await control(sim, 'PUT', '/rate-limit', { maxRequests: 300, windowSeconds: 300, retryAfterSeconds: null });
  await control(sim, 'POST', '/rate-limit/reset');
  await control(sim, 'POST', '/counters/reset');
}

/** The rejection of `promise`, which must be a HaloError that gives the secret away nowhere. */
export async function haloFailure(promise: Promise<unknown>, secret: string): Promise<HaloError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof HaloError)) throw new Error(`Expected a HaloError, got ${String(error)}`);
  expectNoSecret(error, secret);
  return error;
}

export function expectNoSecret(error: HaloError, secret: string): void {
  for (const exposed of [error.message, String(error), error.stack ?? '', JSON.stringify(error)]) {
    expect(exposed).not.toContain(secret);
    expect(exposed).not.toContain(encodeURIComponent(secret));
  }
}
