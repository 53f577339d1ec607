import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, control, requestToken } from '../../../simulators/halo/testing/halo-test-client';

interface Counters {
  requests: { total: number; byPathAndVerb: Record<string, number> };
  assetCreatesByCustomFieldValue: Record<string, Record<string, number>>;
}

describe('HaloPSA simulator: fault injection and counters', () => {
  let sim: HaloSimulator;
  let token: string;
  let siteId: number;
  let computerIdField: number;

  const newAsset = (computerId: string) => [
    { site_id: siteId, assettype_id: 101, customfields: [{ id: computerIdField, value: computerId }] },
  ];

  beforeAll(async () => {
    sim = await startHaloSimulator();
    sim.seedClients([{ name: 'Acme', sites: ['HQ'] }]);
    siteId = sim.state.clients.all()[0].main_site_id;
    token = await requestToken(sim);
    const field = await callApi(sim, token, 'POST', '/FieldInfo', [{ name: 'ComputerId', usage: 5 }]);
    computerIdField = ((await field.json()) as { id: number }).id;
  });
  afterAll(() => sim.close());

  beforeEach(async () => {
    await control(sim, 'DELETE', '/faults');
  });

  it('answers 5xx at the configured rate', async () => {
    await control(sim, 'PUT', '/faults', { serverErrorRate: 1 });
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(503);
    await control(sim, 'PUT', '/faults', { serverErrorRate: 0 });
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(200);
  });

  it('answers the rate limit\'s own 429 at the configured rate, and counts every fault it injects', async () => {
    await control(sim, 'POST', '/counters/reset');
    await control(sim, 'PUT', '/faults', { rateLimitRate: 1 });
    const refused = await callApi(sim, token, 'GET', '/Client');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/^Rate Limit Reached - \d+ Requests per rolling/);
    await control(sim, 'PUT', '/faults', { rateLimitRate: 0, serverErrorRate: 1 });
    await callApi(sim, token, 'GET', '/Client');
    const counters = await control<Counters & { faultsInjected: Record<string, number> }>(sim, 'GET', '/counters');
    expect(counters.faultsInjected).toEqual({ 'server-error': 1, 'drop-connection': 0, 'lose-response': 0, 'rate-limited': 1 });
  });

  it('drops connections: fetch rejects', async () => {
    await control(sim, 'PUT', '/faults', { dropConnectionRate: 1 });
    await expect(callApi(sim, token, 'GET', '/Client')).rejects.toThrow();
  });

  it('loses the response of a write that succeeded: fetch rejects, the asset exists once, the loss is counted by route', async () => {
    await control(sim, 'POST', '/counters/reset');
    await control(sim, 'PUT', '/faults', { lostResponseRate: 1 });
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(200);
    await expect(callApi(sim, token, 'POST', '/Asset', newAsset('lost-write-1'))).rejects.toThrow();
    expect((await callApi(sim, token, 'POST', '/Asset', { not: 'an asset' })).status).toBe(400);
    await control(sim, 'DELETE', '/faults');
    const injected = await control<{ faultsInjected: Record<string, number>; lostResponsesByRoute: Record<string, number> }>(sim, 'GET', '/counters');
    expect(injected.faultsInjected['lose-response']).toBe(1);
    expect(injected.lostResponsesByRoute).toEqual({ 'POST /api/asset': 1 });

    const found = (await (await callApi(sim, token, 'GET', '/Asset?search=lost-write-1&includeassetfields=true')).json()) as {
      record_count: number;
    };
    expect(found.record_count).toBe(1);
    const counters = await control<Counters>(sim, 'GET', '/counters');
    expect(counters.assetCreatesByCustomFieldValue.CFComputerId['lost-write-1']).toBe(1);
  });

  it('counts a second create of the same computer id, which is how a duplicate shows', async () => {
    await callApi(sim, token, 'POST', '/Asset', newAsset('twice-1'));
    await callApi(sim, token, 'POST', '/Asset', newAsset('twice-1'));
    const counters = await control<Counters>(sim, 'GET', '/counters');
    expect(counters.assetCreatesByCustomFieldValue.CFComputerId['twice-1']).toBe(2);
  });

  it('adds latency at the configured rate', async () => {
    await control(sim, 'PUT', '/faults', { latencyMs: 150, latencyRate: 1 });
    const started = performance.now();
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('repeats the same fault sequence for the same seed', async () => {
    const sequence = async () => {
      await control(sim, 'PUT', '/faults', { seed: 42, serverErrorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await callApi(sim, token, 'GET', '/Client?count=1')).status);
      return statuses;
    };
    const first = await sequence();
    expect(first).toContain(200);
    expect(first).toContain(503);
    expect(await sequence()).toEqual(first);
  });

  it('counts requests per path and verb, path case folded, control calls left out', async () => {
    await control(sim, 'POST', '/counters/reset');
    await callApi(sim, token, 'GET', '/Client');
    await callApi(sim, token, 'GET', '/client');
    await callApi(sim, token, 'GET', '/CLIENT?count=1');
    await callApi(sim, token, 'POST', '/Asset', newAsset('counted-1'));
    await control(sim, 'GET', '/state');
    const counters = await control<Counters>(sim, 'GET', '/counters');
    expect(counters.requests).toEqual({ total: 4, byPathAndVerb: { 'GET /api/client': 3, 'POST /api/asset': 1 } });
    expect(counters.assetCreatesByCustomFieldValue).toEqual({ CFComputerId: { 'counted-1': 1 } });
  });

  it('leaves control routes unfaulted', async () => {
    await control(sim, 'PUT', '/faults', { serverErrorRate: 1, dropConnectionRate: 0 });
    expect(await control(sim, 'GET', '/faults')).toMatchObject({ serverErrorRate: 1 });
  });
});
