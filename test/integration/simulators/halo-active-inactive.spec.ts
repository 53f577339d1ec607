import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, requestToken } from '../../../simulators/halo/testing/halo-test-client';

/** `activeinactive=<includeactive>,<includeinactive>` on the Asset, Client and Site lists. */
describe('HaloPSA simulator: activeinactive', () => {
  let sim: HaloSimulator;
  let token: string;

  const names = async (entity: string, envelope: string, query: string): Promise<string[]> => {
    const response = await callApi(sim, token, 'GET', `/${entity}?${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as Record<string, { name: string }[]>)[envelope].map((row) => row.name);
  };

  beforeAll(async () => {
    sim = await startHaloSimulator();
    sim.seedClients([
      { name: 'Active', sites: ['Open'] },
      { name: 'Gone', sites: ['Closed'] },
    ]);
    const gone = sim.state.clients.all()[1];
    sim.state.clients.replace({ ...gone, inactive: true });
    token = await requestToken(sim);
  });
  afterAll(() => sim.close());

  it.each([
    ['', ['Active']],
    ['activeinactive=true,false', ['Active']],
    ['activeinactive=true,true', ['Active', 'Gone']],
    ['activeinactive=false,true', ['Gone']],
    ['activeinactive=,true', ['Active', 'Gone']],
    ['activeinactive=false,true&includeactive=true', ['Gone']],
  ])('lists clients for %j', async (query, expected) => {
    expect(await names('Client', 'clients', query)).toEqual(expected);
  });

  it('applies to sites and assets too', async () => {
    const closed = sim.state.sites.all().find((site) => site.name === 'Closed');
    sim.state.sites.replace({ ...closed!, inactive: true });
    expect(await names('Site', 'sites', 'activeinactive=false,true')).toEqual(['Closed']);
    const saved = await callApi(sim, token, 'POST', '/Asset', [{ site_id: closed!.id, assettype_id: 101, inventory_number: 'old', inactive: true }]);
    expect(saved.status).toBe(200);
    const assets = await callApi(sim, token, 'GET', '/Asset?activeinactive=false,true');
    expect(((await assets.json()) as { assets: { inventory_number: string }[] }).assets.map((a) => a.inventory_number)).toEqual(['old']);
  });

  it('answers 400 for a value that is not true or false', async () => {
    expect((await callApi(sim, token, 'GET', '/Client?activeinactive=yes,no')).status).toBe(400);
  });

  it('accepts a real Halo scope name the simulator serves nothing of', async () => {
    const scoped = await requestToken(sim, 'read:customers read:crm editMine:timesheets access:chat');
    expect((await callApi(sim, scoped, 'GET', '/Client')).status).toBe(200);
    expect((await callApi(sim, scoped, 'GET', '/Asset')).status).toBe(403);
  });
});
