import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, requestToken } from '../../../simulators/halo/testing/halo-test-client';

type Row = Record<string, unknown> & { id: number };

describe('HaloPSA simulator: clients, sites, configuration and tickets', () => {
  let sim: HaloSimulator;
  let token: string;

  const get = async <T>(path: string): Promise<T> => {
    const response = await callApi(sim, token, 'GET', path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const post = (path: string, body: unknown) => callApi(sim, token, 'POST', path, body);

  beforeAll(async () => {
    sim = await startHaloSimulator();
    sim.seedClients([
      { name: 'Acme', sites: ['HQ', 'Branch'] },
      { name: 'Globex', sites: [] },
    ]);
    token = await requestToken(sim);
  });
  afterAll(() => sim.close());

  it('starts with default asset groups and types, an admin agent, no custom fields or buttons', async () => {
    const groups = await get<Row[]>('/AssetGroup');
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['Hardware']));
    const types = await get<Row[]>('/AssetType');
    expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(['Workstation', 'Server', 'Laptop']));
    expect(types[0]).toMatchObject({ assetgroup_id: expect.any(Number), assetgroup_name: 'Hardware', keyfield_id: 1, inactive: false });
    expect(await get('/FieldInfo?typeid=5')).toEqual([]);
    expect(await get('/CustomButton?typeid=5')).toEqual([]);
    expect(await get('/Agent/me')).toMatchObject({ is_admin: true, isapiagent: true });
  });

  it('lists clients in a {record_count, clients} envelope; the first seeded site is the main site', async () => {
    const answer = await get<{ record_count: number; clients: Row[] }>('/Client');
    expect(answer.record_count).toBe(2);
    expect(answer.clients[0]).toMatchObject({ name: 'Acme', main_site_name: 'HQ', inactive: false, customfields: [] });
    expect(answer.clients[1]).toMatchObject({ name: 'Globex', main_site_name: 'Main' });
    expect((await get<{ clients: Row[] }>('/Client?search=glob')).clients.map((c) => c.name)).toEqual(['Globex']);
    expect(await get<Row>(`/Client/${answer.clients[0].id}`)).toEqual(answer.clients[0]);
    expect((await callApi(sim, token, 'GET', '/Client/1')).status).toBe(404);
  });

  it('lists sites in a {record_count, sites} envelope, filtered by client_id', async () => {
    const acme = sim.state.clients.all()[0];
    const answer = await get<{ record_count: number; sites: Row[] }>(`/Site?client_id=${acme.id}`);
    expect(answer.record_count).toBe(2);
    expect(answer.sites.map((s) => s.clientsite_name)).toEqual(['Acme/HQ', 'Acme/Branch']);
    expect(answer.sites[0]).toMatchObject({ client_id: acme.id, client_name: 'Acme', inactive: false });
  });

  it('creates a client with a main site, and a further site for it', async () => {
    const client = (await (await post('/Client', [{ name: 'Initech' }])).json()) as Row;
    expect(client).toMatchObject({ name: 'Initech', main_site_id: expect.any(Number), main_site_name: 'Main' });
    const site = (await (await post('/Site', [{ name: 'Lab', client_id: client.id }])).json()) as Row;
    expect(site).toMatchObject({ client_name: 'Initech', clientsite_name: 'Initech/Lab' });
    const invalid = await post('/Site', [{ name: '' }]);
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ '[0].name': [expect.any(String)], '[0].client_id': [expect.any(String)] });
  });

  it('stores custom fields with the CF prefix, unique per usage case-insensitively, name fixed after creation', async () => {
    const created = await post('/FieldInfo', [{ name: 'ComputerId', label: 'Console computer id', type: 0, usage: 5 }]);
    const field = (await created.json()) as Row;
    expect(field).toMatchObject({ name: 'CFComputerId', label: 'Console computer id', type: 0, usage: 5 });

    const duplicate = await post('/FieldInfo', [{ name: 'cfcomputerid', usage: 5 }]);
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toEqual({ '[0].name': [expect.stringContaining('already exists')] });
    expect((await post('/FieldInfo', [{ name: 'ComputerId', usage: 2 }])).status).toBe(200);

    const renamed = await post('/FieldInfo', [{ id: field.id, name: 'Other' }]);
    expect(renamed.status).toBe(400);
    expect(await renamed.json()).toEqual({ '[0].name': [expect.stringContaining('cannot be changed')] });
    expect(await (await post('/FieldInfo', [{ id: field.id, label: 'Computer' }])).json()).toMatchObject({ name: 'CFComputerId', label: 'Computer' });
    expect((await get<Row[]>('/FieldInfo?typeid=5')).map((f) => f.name)).toEqual(['CFComputerId']);
  });

  it('deletes a custom field together with its values', async () => {
    const field = (await (await post('/FieldInfo', [{ name: 'Temp', usage: 5 }])).json()) as Row;
    const site = sim.state.clients.all()[0].main_site_id;
    const asset = (await (await post('/Asset', [{ site_id: site, assettype_id: 101, customfields: [{ id: field.id, value: 'v' }] }])).json()) as Row;
    expect(await (await callApi(sim, token, 'DELETE', `/FieldInfo/${field.id}`)).json()).toEqual({ id: field.id });
    expect((await get<Row>(`/Asset/${asset.id}`)).customfields).toEqual([]);
  });

  it('creates custom buttons: one element → object, several → array; deletes them', async () => {
    const one = await post('/CustomButton', [{ name: 'Connect', label: 'Connect to computer', usage: 5, url: 'https://svc/c/{$ID}', newtab: true, msid: 0 }]);
    const button = (await one.json()) as Row;
    expect(button).toMatchObject({ id: expect.any(Number), usage: 5, name: 'Connect', url: 'https://svc/c/{$ID}', newtab: true, seq: 1 });
    const several = (await (await post('/CustomButton', [{ name: 'A', usage: 5 }, { name: 'B', usage: 2 }])).json()) as Row[];
    expect(several.map((b) => b.name)).toEqual(['A', 'B']);
    expect((await get<Row[]>('/CustomButton?typeid=5')).map((b) => b.name)).toEqual(['Connect', 'A']);
    expect((await get<Row>(`/Asset/${sim.state.assets.all()[0].id}`)).custombuttons).toEqual([
      expect.objectContaining({ name: 'Connect' }),
      expect.objectContaining({ name: 'A' }),
    ]);
    expect((await callApi(sim, token, 'DELETE', `/CustomButton/${button.id}`)).status).toBe(200);
    expect((await callApi(sim, token, 'DELETE', `/CustomButton/${button.id}`)).status).toBe(404);
  });

  it('creates asset types in an existing asset group; a type in use cannot be deleted', async () => {
    const missingGroup = await post('/AssetType', [{ name: 'Backup Appliance' }]);
    expect(missingGroup.status).toBe(400);
    expect(await missingGroup.json()).toEqual({ '[0].assetgroup_id': [expect.any(String)] });
    const type = (await (await post('/AssetType', [{ name: 'Backup Appliance', assetgroup_id: 1 }])).json()) as Row;
    expect(type).toMatchObject({ name: 'Backup Appliance', assetgroup_name: 'Hardware' });
    expect((await get<Row[]>('/AssetType?assetgroup_id=1')).map((t) => t.name)).toContain('Backup Appliance');
    expect((await callApi(sim, token, 'DELETE', '/AssetType/101')).status).toBe(400);
    expect(await (await callApi(sim, token, 'DELETE', `/AssetType/${type.id}`)).json()).toEqual({ id: type.id });
  });

  it('creates, reads and deletes asset groups; a group asset types belong to cannot be deleted', async () => {
    const group = (await (await post('/AssetGroup', [{ name: 'Backup' }])).json()) as Row;
    expect(group).toEqual({ id: expect.any(Number), name: 'Backup' });
    expect(await get<Row>(`/AssetGroup/${group.id}`)).toEqual(group);
    const type = (await (await post('/AssetType', [{ name: 'Backup appliance', assetgroup_id: group.id }])).json()) as Row;

    const refused = await callApi(sim, token, 'DELETE', `/AssetGroup/${group.id}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('in use by asset types');

    expect((await callApi(sim, token, 'DELETE', `/AssetType/${type.id}`)).status).toBe(200);
    expect((await callApi(sim, token, 'DELETE', `/AssetGroup/${group.id}`)).status).toBe(200);
    expect((await callApi(sim, token, 'GET', `/AssetGroup/${group.id}`)).status).toBe(404);
  });

  it('keeps tickets minimal: a {record_count, tickets} envelope, linked to assets', async () => {
    const client = sim.state.clients.all()[0];
    const asset = (await (await post('/Asset', [{ site_id: client.main_site_id, assettype_id: 101 }])).json()) as Row;
    const ticket = (await (await post('/Tickets', [{ summary: 'Backup failed', client_id: client.id, assets: [{ id: asset.id }] }])).json()) as Row;
    expect(ticket).toMatchObject({ summary: 'Backup failed', client_id: client.id, site_id: client.main_site_id, assets: [{ id: asset.id }] });
    const answer = await get<{ record_count: number; tickets: Row[] }>(`/Tickets?asset_id=${asset.id}`);
    expect(answer).toMatchObject({ record_count: 1, tickets: [expect.objectContaining({ id: ticket.id })] });
    expect((await post('/Tickets', [{ client_id: client.id }])).status).toBe(400);
  });

  it('refuses to delete a client that still has assets', async () => {
    const acme = sim.state.clients.all()[0];
    await post('/Asset', [{ site_id: acme.main_site_id, assettype_id: 101 }]);
    const response = await callApi(sim, token, 'DELETE', `/Client/${acme.id}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ Message: expect.stringContaining('has assets') });
  });

  it('ignores path case', async () => {
    expect((await callApi(sim, token, 'GET', '/client?count=1')).status).toBe(200);
    expect((await callApi(sim, token, 'GET', '/ASSETTYPE')).status).toBe(200);
  });
});
