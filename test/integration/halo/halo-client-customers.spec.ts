import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { control } from '../../../simulators/halo/testing/halo-test-client';
import { ClientRecord } from '../../../simulators/halo/state/records';
import { HaloClient } from '../../../src/halo/halo-client';
import { clientFor, haloFailure, requestCounts, resetSimulator } from './halo-sim-support';

describe('HaloClient against the HaloPSA simulator: customers, sites, asset types and groups', () => {
  let sim: HaloSimulator;
  let client: HaloClient;
  let acme: ClientRecord;
  let beta: ClientRecord;

  beforeAll(async () => {
    sim = await startHaloSimulator({ port: 0 });
    [acme, beta] = sim.state.seedClients([
      { name: 'Acme', sites: ['HQ', 'Branch'] },
      { name: 'Beta', sites: [] },
      ...Array.from({ length: 4 }, (_, i) => ({ name: `Customer ${i + 1}`, sites: [] })),
    ]);
    const [gone] = sim.state.seedClients([{ name: 'Gone Ltd', sites: [] }]);
    sim.state.clients.replace({ ...gone, inactive: true });
    sim.state.sites.insert({ name: 'Closed', client_id: acme.id, inactive: true });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await resetSimulator(sim);
    client = clientFor(sim);
    await client.authenticate();
    await control(sim, 'POST', '/counters/reset');
  });

  it('lists the active customers with their main site, page by page', async () => {
    const customers = await clientFor(sim, {}, { pageSize: 4 }).listCustomers();

    expect(customers.map((c) => c.name)).toEqual(['Acme', 'Beta', 'Customer 1', 'Customer 2', 'Customer 3', 'Customer 4']);
    expect(customers[0]).toMatchObject({ id: acme.id, main_site_id: acme.main_site_id, main_site_name: 'HQ' });
    // Seven customers (one inactive) in pages of four; the short second page ends the list.
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'POST /auth/token': 1, 'GET /api/client': 2 });
  });

  it("lists one customer's active sites, or every active site", async () => {
    expect((await client.listSites(acme.id)).map((s) => [s.name, s.client_id, s.client_name])).toEqual([
      ['HQ', acme.id, 'Acme'],
      ['Branch', acme.id, 'Acme'],
    ]);
    expect((await client.listSites(beta.id)).map((s) => s.name)).toEqual(['Main']);
    const all = await client.listSites();
    expect(all.map((s) => s.name)).toContain('Branch');
    expect(all.map((s) => s.name)).not.toContain('Closed');
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'GET /api/site': 3 });
  });

  it('reads a customer and a site by id; an unknown id is not_found', async () => {
    expect(await client.getCustomer(beta.id)).toMatchObject({ id: beta.id, name: 'Beta', main_site_id: beta.main_site_id });
    expect(await client.getSite(acme.main_site_id)).toMatchObject({ id: acme.main_site_id, name: 'HQ', client_id: acme.id });

    const secret = sim.credentials.clientSecret;
    expect(await haloFailure(client.getCustomer(99_999), secret)).toMatchObject({ kind: 'not_found', status: 404, retryable: false });
    expect(await haloFailure(client.getSite(99_999), secret)).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('lists the asset types and groups, each in one request', async () => {
    const types = await client.listAssetTypes();
    expect(types).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Workstation', assetgroup_name: 'Hardware', keyfield_id: 1 })]));
    const groups = await client.listAssetGroups();
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['Hardware', 'Virtual Infrastructure', 'Network']));
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'GET /api/assettype': 1, 'GET /api/assetgroup': 1 });
  });

  it('creates an asset group and a type in it as an administrator', async () => {
    const group = await client.createAssetGroup({ name: 'Backup' });
    expect(group).toMatchObject({ id: expect.any(Number), name: 'Backup' });
    const type = await client.createAssetType({ name: 'Backed-up computer', assetgroup_id: group.id });
    expect(type).toMatchObject({ id: expect.any(Number), name: 'Backed-up computer', assetgroup_id: group.id, assetgroup_name: 'Backup' });

    expect(sim.state.assetTypes.get(type.id)).toMatchObject({ name: 'Backed-up computer', assetgroup_id: group.id });
    expect((await client.listAssetTypes()).map((t) => t.id)).toContain(type.id);
    sim.state.assetTypes.delete(type.id);
    sim.state.assetGroups.delete(group.id);
  });

  it('gets forbidden (403) creating an asset type or group as an agent who is not an administrator, and nothing is created', async () => {
    await control(sim, 'PUT', '/agent', { is_admin: false });
    const typesBefore = sim.state.assetTypes.all().length;
    const groupsBefore = sim.state.assetGroups.all().length;
    const secret = sim.credentials.clientSecret;

    const hardware = sim.state.assetGroups.all().find((group) => group.name === 'Hardware');
    const typeError = await haloFailure(client.createAssetType({ name: 'Nope', assetgroup_id: hardware?.id ?? 0 }), secret);
    expect(typeError).toMatchObject({ kind: 'forbidden', status: 403, retryable: false });
    expect(await haloFailure(client.createAssetGroup({ name: 'Nope' }), secret)).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(sim.state.assetTypes.all()).toHaveLength(typesBefore);
    expect(sim.state.assetGroups.all()).toHaveLength(groupsBefore);
    // Reading the configuration needs no administrator.
    expect((await client.listAssetTypes()).length).toBe(typesBefore);
  });
});
