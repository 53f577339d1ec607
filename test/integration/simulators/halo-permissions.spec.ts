import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, control, requestToken } from '../../../simulators/halo/testing/halo-test-client';

const FULL_AGENT = {
  is_admin: true,
  isdisabled: false,
  access: { customers: 'modify', assets: 'modify', tickets: 'modify' },
  assettypes: null,
};

describe('HaloPSA simulator: application scopes and agent permissions', () => {
  let sim: HaloSimulator;
  let siteId: number;

  let tags = 0;
  const newAsset = (assettype_id = 101) => [{ site_id: siteId, assettype_id, inventory_number: `TAG-${++tags}` }];
  const newButton = () => [{ name: 'Connect', label: 'Connect to computer', usage: 5, url: 'https://svc.example/connect/{$ID}' }];

  async function expectForbidden(response: Response, naming: string): Promise<void> {
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ Message: expect.stringContaining(naming) });
  }

  beforeAll(async () => {
    sim = await startHaloSimulator();
    sim.seedClients([{ name: 'Acme', sites: ['HQ'] }]);
    siteId = sim.state.clients.all()[0].main_site_id;
  });
  afterAll(() => sim.close());

  beforeEach(async () => {
    await control(sim, 'PUT', '/application', { allowedScopes: 'all' });
    await control(sim, 'PUT', '/agent', FULL_AGENT);
    await control(sim, 'PUT', '/forbidden', []);
    await control(sim, 'PUT', '/settings', { allStandardCanConfigure: false });
  });

  it('describes the calling agent at /api/Agent/me', async () => {
    const response = await callApi(sim, await requestToken(sim, 'read:assets'), 'GET', '/Agent/me');
    expect(response.status).toBe(200);
    const me = (await response.json()) as Record<string, unknown>;
    expect(me).toMatchObject({ id: expect.any(Number), name: 'API Agent', is_admin: true, isapiagent: true, isdisabled: false });
    expect(me.roles).toEqual([expect.objectContaining({ name: 'Administrators' })]);
    expect(me.assettypes).toContainEqual(
      expect.objectContaining({ assettype_name: 'Workstation', canview: true, cancreate: true, canedit: true }),
    );
  });

  it("answers 403 naming the scope when the application's token lacks it", async () => {
    await control(sim, 'PUT', '/application', { allowedScopes: 'read:customers read:assets' });
    const token = await requestToken(sim, 'all');
    expect((await callApi(sim, token, 'GET', '/Asset')).status).toBe(200);
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(200);
    await expectForbidden(await callApi(sim, token, 'POST', '/Asset', newAsset()), 'edit:assets');
    await expectForbidden(await callApi(sim, token, 'POST', '/CustomButton', newButton()), 'admin');
    await expectForbidden(await callApi(sim, token, 'GET', '/Tickets'), 'read:tickets');
    expect(sim.state.assets.size).toBe(0);
  });

  it('lets edit:X imply read:X', async () => {
    const token = await requestToken(sim, 'edit:customers');
    expect((await callApi(sim, token, 'GET', '/Client')).status).toBe(200);
    expect((await callApi(sim, token, 'GET', '/Site')).status).toBe(200);
    await expectForbidden(await callApi(sim, token, 'GET', '/Asset'), 'read:assets');
  });

  it('keeps configuration writes out of all:standard unless the setting allows them', async () => {
    const standard = await requestToken(sim, 'all:standard');
    expect((await callApi(sim, standard, 'POST', '/Asset', newAsset())).status).toBe(200);
    expect((await callApi(sim, standard, 'GET', '/FieldInfo?typeid=5')).status).toBe(200);
    await expectForbidden(await callApi(sim, standard, 'POST', '/FieldInfo', [{ name: 'X', usage: 5 }]), 'admin');

    await control(sim, 'PUT', '/settings', { allStandardCanConfigure: true });
    const configuring = await requestToken(sim, 'all:standard');
    expect((await callApi(sim, configuring, 'POST', '/CustomButton', newButton())).status).toBe(200);

    const admin = await requestToken(sim, 'admin');
    expect((await callApi(sim, admin, 'POST', '/CustomButton', newButton())).status).toBe(200);
    await expectForbidden(await callApi(sim, admin, 'GET', '/Client'), 'read:customers');
  });

  it("answers 403 naming the agent's missing permission", async () => {
    const token = await requestToken(sim, 'all');
    await control(sim, 'PUT', '/agent', { access: { assets: 'read', customers: 'none' } });
    expect((await callApi(sim, token, 'GET', '/Asset')).status).toBe(200);
    await expectForbidden(await callApi(sim, token, 'POST', '/Asset', newAsset()), 'Assets: modify');
    await expectForbidden(await callApi(sim, token, 'GET', '/Client'), 'Customers: read');
  });

  it('needs an administrator agent to create or delete configuration', async () => {
    const token = await requestToken(sim, 'all');
    const created = (await (await callApi(sim, token, 'POST', '/CustomButton', newButton())).json()) as { id: number };
    await control(sim, 'PUT', '/agent', { is_admin: false });
    expect((await callApi(sim, token, 'GET', '/CustomButton?typeid=5')).status).toBe(200);
    await expectForbidden(await callApi(sim, token, 'POST', '/FieldInfo', [{ name: 'ComputerId', usage: 5 }]), 'administrator');
    await expectForbidden(await callApi(sim, token, 'DELETE', `/CustomButton/${created.id}`), 'administrator');
    await expectForbidden(await callApi(sim, token, 'POST', '/AssetType', [{ name: 'Backup Appliance', assetgroup_id: 1 }]), 'administrator');
    expect(sim.state.customButtons.get(created.id)).toBeDefined();
  });

  it("honours the agent's asset-type restrictions", async () => {
    const token = await requestToken(sim, 'all');
    const workstation = (await (await callApi(sim, token, 'POST', '/Asset', newAsset(101))).json()) as { id: number };
    const server = (await (await callApi(sim, token, 'POST', '/Asset', newAsset(103))).json()) as { id: number };
    await control(sim, 'PUT', '/agent', { assettypes: [{ assettype_id: 101, canview: true, cancreate: false, canedit: false }] });

    const listed = (await (await callApi(sim, token, 'GET', '/Asset')).json()) as { assets: { id: number }[] };
    expect(listed.assets.map((asset) => asset.id)).toContain(workstation.id);
    expect(listed.assets.map((asset) => asset.id)).not.toContain(server.id);
    await expectForbidden(await callApi(sim, token, 'GET', `/Asset/${server.id}`), 'may not view');
    await expectForbidden(await callApi(sim, token, 'POST', '/Asset', newAsset(101)), 'may not create');
    await expectForbidden(await callApi(sim, token, 'POST', '/Asset', [{ id: workstation.id, notes: 'x' }]), 'may not edit');
    const me = (await (await callApi(sim, token, 'GET', '/Agent/me')).json()) as { assettypes: unknown[] };
    expect(me.assettypes).toEqual([expect.objectContaining({ assettype_id: 101, canview: true, cancreate: false })]);
  });

  it('answers 403 to a disabled agent', async () => {
    const token = await requestToken(sim, 'all');
    await control(sim, 'PUT', '/agent', { isdisabled: true });
    await expectForbidden(await callApi(sim, token, 'GET', '/Client'), 'disabled');
  });

  it('answers 403 from a forced switch, and the item stays', async () => {
    const token = await requestToken(sim, 'all');
    const button = (await (await callApi(sim, token, 'POST', '/CustomButton', newButton())).json()) as { id: number };
    await control(sim, 'PUT', '/forbidden', [{ entity: 'custombutton', verb: 'delete' }]);

    await expectForbidden(await callApi(sim, token, 'DELETE', `/CustomButton/${button.id}`), 'DELETE CustomButton');
    const buttons = (await (await callApi(sim, token, 'GET', '/CustomButton?typeid=5')).json()) as { id: number }[];
    expect(buttons.map((b) => b.id)).toContain(button.id);
    expect(await control(sim, 'GET', '/forbidden')).toEqual([{ entity: 'CustomButton', verb: 'DELETE' }]);

    await control(sim, 'PUT', '/forbidden', []);
    expect(await (await callApi(sim, token, 'DELETE', `/CustomButton/${button.id}`)).json()).toEqual({ id: button.id });
  });
});
