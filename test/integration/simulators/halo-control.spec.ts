import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, control, requestToken } from '../../../simulators/halo/testing/halo-test-client';

describe('HaloPSA simulator: control API', () => {
  let sim: HaloSimulator;

  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${sim.url}/_sim${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function expectBadRequest(response: Response, naming: string): Promise<void> {
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringContaining(naming) });
  }

  beforeAll(async () => {
    sim = await startHaloSimulator();
  });
  afterAll(() => sim.close());

  it('summarises the tenant at GET /_sim/state', async () => {
    const state = await control<Record<string, unknown>>(sim, 'GET', '/state');
    expect(state).toMatchObject({
      credentials: sim.credentials,
      settings: { uniqueAssetTags: false, tokenLifetimeSeconds: 3600, allStandardCanConfigure: false },
      application: { allowedScopes: ['all'] },
      forbidden: [],
      rateLimit: { maxRequests: 300, windowSeconds: 300, usage: {} },
      counts: { clients: 0, assets: { active: 0, inactive: 0 }, fieldInfos: 0, customButtons: 0 },
    });
  });

  it('seeds clients with their sites through POST /_sim/clients', async () => {
    const created = await control<{ id: number; main_site_id: number }[]>(sim, 'POST', '/clients', [
      { name: 'Acme', sites: ['HQ', 'Branch'] },
      { name: 'Globex' },
    ]);
    expect(created).toHaveLength(2);
    const token = await requestToken(sim);
    const clients = (await (await callApi(sim, token, 'GET', '/Client')).json()) as { clients: { name: string; main_site_name: string }[] };
    expect(clients.clients).toEqual([
      expect.objectContaining({ name: 'Acme', main_site_name: 'HQ' }),
      expect.objectContaining({ name: 'Globex', main_site_name: 'Main' }),
    ]);
    await expectBadRequest(await send('POST', '/clients', [{ sites: ['x'] }]), 'name');
  });

  it('lists every asset, inactive ones too, at GET /_sim/assets', async () => {
    const token = await requestToken(sim);
    const site = sim.state.clients.all()[0].main_site_id;
    await callApi(sim, token, 'POST', '/Asset', [
      { site_id: site, assettype_id: 101, inventory_number: 'A-1' },
      { site_id: site, assettype_id: 101, inventory_number: 'A-2', inactive: true },
    ]);
    const assets = await control<{ inventory_number: string; client_name: string }[]>(sim, 'GET', '/assets');
    expect(assets.map((a) => a.inventory_number)).toEqual(['A-1', 'A-2']);
    expect(assets[0].client_name).toBe('Acme');
  });

  it('moves the simulator clock forward', async () => {
    const token = await requestToken(sim);
    await control(sim, 'POST', '/clock/advance', { seconds: 3600 });
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(401);
    await expectBadRequest(await send('POST', '/clock/advance', { seconds: -1 }), 'seconds');
  });

  it('answers 400 with a message for bad control input', async () => {
    await expectBadRequest(await send('PUT', '/faults', { serverErrorRate: 2 }), 'serverErrorRate');
    await expectBadRequest(await send('PUT', '/faults', { typo: 1 }), 'typo');
    await expectBadRequest(await send('PUT', '/rate-limit', { maxRequests: 0 }), 'maxRequests');
    await expectBadRequest(await send('PUT', '/forbidden', [{ entity: 'Nothing', verb: 'DELETE' }]), 'Nothing');
    await expectBadRequest(await send('PUT', '/forbidden', [{ entity: 'Asset', verb: 'PUT' }]), 'verb');
    await expectBadRequest(await send('PUT', '/agent', { access: { assets: 'everything' } }), 'access');
    await expectBadRequest(await send('PUT', '/agent', { assettypes: [{ assettype_id: 999, canview: true, cancreate: true, canedit: true }] }), '999');
    await expectBadRequest(await send('PUT', '/application', { allowedScopes: 'read:assets write:all' }), 'write:all');
    await expectBadRequest(await send('PUT', '/settings', { tokenLifetimeSeconds: 'long' }), 'tokenLifetimeSeconds');
    expect((await send('PUT', '/settings', undefined)).status).toBe(200);
    expect((await fetch(`${sim.url}/_sim/settings`, { method: 'PUT', body: '{not json' })).status).toBe(400);
    expect((await send('GET', '/nothing-here')).status).toBe(404);
  });

  it('changes settings, rate limit and faults, and answers the new values', async () => {
    expect(await control(sim, 'PUT', '/settings', { uniqueAssetTags: true })).toMatchObject({ uniqueAssetTags: true, tokenLifetimeSeconds: 3600 });
    expect(await control(sim, 'PUT', '/rate-limit', { retryAfterSeconds: 60 })).toMatchObject({ maxRequests: 300, retryAfterSeconds: 60 });
    expect(await control(sim, 'PUT', '/rate-limit', { retryAfterSeconds: null })).not.toHaveProperty('retryAfterSeconds');
    expect(await control(sim, 'PUT', '/faults', { latencyMs: 5 })).toMatchObject({ latencyMs: 5, latencyRate: 0, seed: 1 });
    expect(await control(sim, 'DELETE', '/faults')).toMatchObject({ latencyMs: 0 });
    expect(await control(sim, 'GET', '/agent')).toMatchObject({ access: { assets: 'modify' }, assettypes: null });
  });
});
