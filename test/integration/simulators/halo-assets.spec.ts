import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, control, requestToken } from '../../../simulators/halo/testing/halo-test-client';

interface Asset {
  id: number;
  inventory_number: string;
  key_field: string;
  client_id: number;
  client_name: string;
  site_id: number;
  site_name: string;
  assettype_id: number;
  assettype_name: string;
  inactive: boolean;
  notes?: string;
  fields?: { id: number; name: string; value: unknown }[];
  customfields?: { id: number; name: string; value: unknown }[];
}

interface AssetList {
  record_count: number;
  assets: Asset[];
}

const WORKSTATION = 101;
const SERVER = 103;

describe('HaloPSA simulator: assets', () => {
  let sim: HaloSimulator;
  let token: string;
  let computerIdField: number;
  let hq: number;
  let branch: number;
  let globexClient: number;
  let globexSite: number;

  const post = (body: unknown) => callApi(sim, token, 'POST', '/Asset', body);
  const list = async (query: string) => (await (await callApi(sim, token, 'GET', `/Asset?${query}`)).json()) as AssetList;
  const asset = (site_id: number, computerId: string, extra: Record<string, unknown> = {}) => ({
    site_id,
    assettype_id: WORKSTATION,
    inventory_number: `TAG-${computerId}`,
    fields: [{ id: 1, value: `PC-${computerId}` }],
    customfields: [{ id: computerIdField, value: computerId }],
    ...extra,
  });

  beforeAll(async () => {
    sim = await startHaloSimulator();
    sim.seedClients([
      { name: 'Acme', sites: ['HQ', 'Branch'] },
      { name: 'Globex', sites: ['Main'] },
    ]);
    const [acme, globex] = sim.state.clients.all();
    [hq, branch] = sim.state.sites.all().filter((site) => site.client_id === acme.id).map((site) => site.id);
    globexClient = globex.id;
    globexSite = globex.main_site_id;
    token = await requestToken(sim);
    const field = await callApi(sim, token, 'POST', '/FieldInfo', [{ name: 'ComputerId', label: 'Computer id', type: 0, usage: 5 }]);
    computerIdField = ((await field.json()) as { id: number }).id;
  });
  afterAll(() => sim.close());

  it('refuses a POST whose body is an object, not an array', async () => {
    const response = await post(asset(hq, 'obj-1'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ $: [expect.stringContaining('JSON array')] });
    expect(sim.state.assets.all().some((a) => a.inventory_number === 'TAG-obj-1')).toBe(false);
  });

  it('creates one asset and answers the saved object, with client_id derived from site_id', async () => {
    const response = await post([asset(branch, 'one-1')]);
    expect(response.status).toBe(200);
    const saved = (await response.json()) as Asset;
    expect(saved).toMatchObject({
      id: expect.any(Number),
      inventory_number: 'TAG-one-1',
      key_field: 'PC-one-1',
      client_name: 'Acme',
      site_id: branch,
      site_name: 'Branch',
      assettype_id: WORKSTATION,
      assettype_name: 'Workstation',
      inactive: false,
      customfields: [{ id: computerIdField, name: 'CFComputerId', label: 'Computer id', value: 'one-1' }],
      fields: [{ id: 1, name: 'Device Name', value: 'PC-one-1' }],
    });
    expect(saved.client_id).toBe(sim.state.clients.all()[0].id);
    expect(await (await callApi(sim, token, 'GET', `/Asset/${saved.id}`)).json()).toEqual(saved);
  });

  it('creates several assets and answers an array in the same order', async () => {
    const response = await post([asset(hq, 'many-1'), asset(hq, 'many-2', { assettype_id: SERVER }), asset(globexSite, 'many-3')]);
    expect(response.status).toBe(200);
    const saved = (await response.json()) as Asset[];
    expect(saved.map((a) => a.inventory_number)).toEqual(['TAG-many-1', 'TAG-many-2', 'TAG-many-3']);
    expect(saved.map((a) => a.assettype_name)).toEqual(['Workstation', 'Server', 'Workstation']);
    expect(saved[2].client_id).toBe(globexClient);
  });

  it('updates an existing id with the fields sent and keeps the others', async () => {
    const created = (await (await post([asset(hq, 'upd-1')])).json()) as Asset;
    const updated = (await (await post([{ id: created.id, notes: 'moved', site_id: branch }])).json()) as Asset;
    expect(updated).toMatchObject({ id: created.id, notes: 'moved', site_name: 'Branch', inventory_number: 'TAG-upd-1' });
    expect(updated.customfields).toEqual(created.customfields);
  });

  it('answers 404 for an unknown non-zero id and saves nothing of the batch', async () => {
    const before = sim.state.assets.size;
    const response = await post([asset(hq, 'lost-1'), { id: 987654, notes: 'x' }]);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ Message: expect.stringContaining('987654') });
    expect(sim.state.assets.size).toBe(before);
  });

  it('treats id 0 as a create', async () => {
    const saved = (await (await post([{ ...asset(hq, 'zero-1'), id: 0 }])).json()) as Asset;
    expect(saved.id).toBeGreaterThan(0);
  });

  it('answers validation errors as an ASP.NET dictionary keyed by field path', async () => {
    const response = await post([
      { assettype_id: WORKSTATION },
      { site_id: hq, assettype_id: 9999 },
      { site_id: hq, client_id: globexClient, assettype_id: WORKSTATION, customfields: [{ id: 424242, value: 'x' }] },
    ]);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      '[0].site_id': [expect.stringContaining('required')],
      '[1].assettype_id': [expect.stringContaining('9999')],
      '[2].client_id': [expect.stringContaining(`client ${globexClient}`)],
      '[2].customfields[0].id': [expect.stringContaining('424242')],
    });
  });

  it('answers GET /Asset/{id} with the bare object, or 404', async () => {
    const [first] = sim.state.assets.all();
    expect(await (await callApi(sim, token, 'GET', `/Asset/${first.id}`)).json()).toMatchObject({ id: first.id });
    expect((await callApi(sim, token, 'GET', '/Asset/123456789')).status).toBe(404);
    expect((await callApi(sim, token, 'GET', '/asset/not-a-number')).status).toBe(404);
  });

  it('answers DELETE with the deleted id, then 404', async () => {
    const saved = (await (await post([asset(hq, 'del-1')])).json()) as Asset;
    const deleted = await callApi(sim, token, 'DELETE', `/Asset/${saved.id}`);
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ id: saved.id });
    expect((await callApi(sim, token, 'DELETE', `/Asset/${saved.id}`)).status).toBe(404);
  });

  it('has no PUT or PATCH (405)', async () => {
    expect((await callApi(sim, token, 'PUT', '/Asset', [asset(hq, 'put-1')])).status).toBe(405);
    expect((await callApi(sim, token, 'PATCH', '/Asset/1', { notes: 'x' })).status).toBe(405);
  });

  it('enforces unique asset tags only while the tenant setting is on', async () => {
    await post([asset(hq, 'dup-1')]);
    expect((await post([{ ...asset(hq, 'dup-1b'), inventory_number: 'tag-DUP-1' }])).status).toBe(200);

    await control(sim, 'PUT', '/settings', { uniqueAssetTags: true });
    try {
      const duplicate = await post([{ ...asset(hq, 'dup-2'), inventory_number: 'TAG-dup-1' }]);
      expect(duplicate.status).toBe(400);
      expect(await duplicate.text()).toBe('Asset tag must be unique');
      const withinBatch = await post([asset(hq, 'dup-3'), asset(hq, 'dup-3')]);
      expect(withinBatch.status).toBe(400);
      const own = (await (await post([asset(hq, 'solo-1')])).json()) as Asset;
      expect((await post([{ id: own.id, inventory_number: 'TAG-solo-1', notes: 'same tag, same asset' }])).status).toBe(200);
    } finally {
      await control(sim, 'PUT', '/settings', { uniqueAssetTags: false });
    }
  });

  it('takes unique asset tags from the options', async () => {
    const strict = await startHaloSimulator({ uniqueAssetTags: true });
    try {
      expect(strict.state.settings.uniqueAssetTags).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it('lists active assets only unless includeinactive=true', async () => {
    const retired = (await (await post([asset(globexSite, 'retire-1')])).json()) as Asset;
    await post([{ id: retired.id, inactive: true }]);
    const ids = (l: AssetList) => l.assets.map((a) => a.id);
    expect(ids(await list(`client_id=${globexClient}`))).not.toContain(retired.id);
    expect(ids(await list(`client_id=${globexClient}&includeinactive=true`))).toContain(retired.id);
    expect(ids(await list(`client_id=${globexClient}&includeinactive=true&includeactive=false`))).toEqual([retired.id]);
  });

  it('pages with pageinate, page_size and page_no; record_count is the total', async () => {
    const paged = await startHaloSimulator();
    try {
      paged.seedClients([{ name: 'Initech', sites: ['Main'] }]);
      const site = paged.state.sites.all()[0].id;
      const pagedToken = await requestToken(paged);
      const seven = Array.from({ length: 7 }, (_, i) => ({ site_id: site, assettype_id: WORKSTATION, inventory_number: `P-${i + 1}` }));
      await callApi(paged, pagedToken, 'POST', '/Asset', seven);
      const page = async (query: string) => (await (await callApi(paged, pagedToken, 'GET', `/Asset?${query}`)).json()) as AssetList;
      const tags = (l: AssetList) => l.assets.map((a) => a.inventory_number);

      const first = await page('pageinate=true&page_size=3&page_no=1');
      expect(first.record_count).toBe(7);
      expect(tags(first)).toEqual(['P-1', 'P-2', 'P-3']);
      expect(tags(await page('pageinate=true&page_size=3&page_no=2'))).toEqual(['P-4', 'P-5', 'P-6']);
      const last = await page('pageinate=true&page_size=3&page_no=3');
      expect(last).toMatchObject({ record_count: 7 });
      expect(tags(last)).toEqual(['P-7']);
      expect((await page('pageinate=true&page_size=3&page_no=4')).assets).toEqual([]);

      const capped = await page('count=2');
      expect(capped.record_count).toBe(7);
      expect(tags(capped)).toEqual(['P-1', 'P-2']);
      expect((await callApi(paged, pagedToken, 'GET', '/Asset?pageinate=yes')).status).toBe(400);
    } finally {
      await paged.close();
    }
  });

  it('filters by client, site, type and inventory number, and searches loosely', async () => {
    await post([asset(branch, 'find-me-42', { assettype_id: SERVER, inventory_number: 'SRV-0042' })]);
    expect((await list(`site_id=${branch}&assettype_id=${SERVER}`)).assets.map((a) => a.inventory_number)).toContain('SRV-0042');
    expect((await list(`client_id=${globexClient}`)).assets.every((a) => a.client_id === globexClient)).toBe(true);
    expect((await list('inventory_number=srv-0042')).assets.map((a) => a.inventory_number)).toEqual(['SRV-0042']);
    expect((await list('search=find-me-42')).assets.map((a) => a.inventory_number)).toEqual(['SRV-0042']);
    expect((await list('search=PC-find-me')).assets.map((a) => a.inventory_number)).toEqual(['SRV-0042']);
    expect((await list('search=0042&search_inventory_number_only=true')).record_count).toBe(1);
    expect((await list('search=PC-find-me&search_inventory_number_only=true')).record_count).toBe(0);
  });

  it('answers slim list items unless includeassetfields=true, and ids only with idonly=true', async () => {
    const slim = (await list('count=1')).assets[0];
    expect(slim.customfields).toBeUndefined();
    expect(slim.fields).toBeUndefined();
    const full = (await list('count=1&includeassetfields=true')).assets[0];
    expect(full.customfields).toEqual(expect.any(Array));
    expect(full.fields).toEqual(expect.any(Array));
    const chosen = (await list(`search=find-me-42&include_custom_fields=${computerIdField}`)).assets[0];
    expect(chosen.customfields).toEqual([expect.objectContaining({ name: 'CFComputerId', value: 'find-me-42' })]);
    const ids = await list('idonly=true&count=2');
    expect(ids.assets).toEqual([{ id: expect.any(Number) }, { id: expect.any(Number) }]);
  });

  it('matches custom fields by name, case-insensitively, with or without the CF prefix', async () => {
    const saved = (await (await post([{ ...asset(hq, 'byname-1'), customfields: [{ name: 'cfCOMPUTERID', value: 'byname-1' }] }])).json()) as Asset;
    expect(saved.customfields).toEqual([expect.objectContaining({ id: computerIdField, value: 'byname-1' })]);
    const plain = (await (await post([{ ...asset(hq, 'byname-2'), customfields: [{ name: 'computerid', value: 'byname-2' }] }])).json()) as Asset;
    expect(plain.customfields).toEqual([expect.objectContaining({ id: computerIdField, value: 'byname-2' })]);
  });
});
