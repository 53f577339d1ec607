import { HaloSettings, HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, control, requestToken } from '../../../simulators/halo/testing/halo-test-client';

type Values = { id: number; value: unknown }[];
interface Asset {
  id: number;
  inventory_number: string;
  fields?: Values;
  customfields?: Values;
}
interface AssetList {
  record_count: number;
  assets: Asset[];
}

const WORKSTATION = 101;

/** The switches for what public sources leave open about HaloPSA (see simulators/halo/README.md). */
describe('HaloPSA simulator: switches for unsure vendor behaviour', () => {
  let sim: HaloSimulator;
  let token: string;
  let site: number;
  let searchableField: number;
  let hiddenField: number;

  const settle = (settings: Partial<HaloSettings>) => control(sim, 'PUT', '/settings', settings);
  const post = async (body: unknown): Promise<Asset> => {
    const response = await callApi(sim, token, 'POST', '/Asset', body);
    expect(response.status).toBe(200);
    return (await response.json()) as Asset;
  };
  const list = async (query: string): Promise<AssetList> => {
    const response = await callApi(sim, token, 'GET', `/Asset?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as AssetList;
  };
  const createAsset = (tag: string) =>
    post([
      {
        site_id: site,
        assettype_id: WORKSTATION,
        inventory_number: tag,
        fields: [{ id: 1, value: `PC-${tag}` }, { id: 2, value: `SN-${tag}` }],
        customfields: [{ id: searchableField, value: `visible-${tag}` }, { id: hiddenField, value: `hidden-${tag}` }],
      },
    ]);

  beforeAll(async () => {
    sim = await startHaloSimulator();
    sim.seedClients([{ name: 'Acme', sites: ['HQ'] }]);
    site = sim.state.clients.all()[0].main_site_id;
    token = await requestToken(sim);
    const fields = await callApi(sim, token, 'POST', '/FieldInfo', [
      { name: 'Visible', type: 0, usage: 5, searchable: true },
      { name: 'Hidden', type: 0, usage: 5 },
    ]);
    [searchableField, hiddenField] = ((await fields.json()) as { id: number }[]).map((field) => field.id);
  });
  afterAll(() => sim.close());
  afterEach(() => settle({ listCustomFields: 'included', undeclaredQueryParameters: 'honoured', partialArrayWrites: 'merge', searchCustomFields: 'all' }));

  it('defaults every switch to the convenient answer', async () => {
    expect(await control(sim, 'GET', '/settings')).toMatchObject({
      listCustomFields: 'included',
      undeclaredQueryParameters: 'honoured',
      partialArrayWrites: 'merge',
      searchCustomFields: 'all',
    });
  });

  it('refuses an unknown value of a switch', async () => {
    const response = await fetch(`${sim.url}/_sim/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ partialArrayWrites: 'append' }),
    });
    expect(response.status).toBe(400);
  });

  describe('listCustomFields', () => {
    it('included: list items carry customfields with includeassetfields=true', async () => {
      const asset = await createAsset('list-in');
      const [item] = (await list(`inventory_number=list-in&includeassetfields=true`)).assets;
      expect(item.customfields).toHaveLength(2);
      expect(item.fields).toHaveLength(2);
      expect((await list(`inventory_number=list-in&include_custom_fields=${hiddenField}`)).assets[0].customfields).toEqual([
        expect.objectContaining({ id: hiddenField }),
      ]);
      expect(asset.customfields).toHaveLength(2);
    });

    it('omitted: list items never carry customfields, fields still come; GET /Asset/{id} carries both', async () => {
      const asset = await createAsset('list-out');
      await settle({ listCustomFields: 'omitted' });
      const [item] = (await list(`inventory_number=list-out&includeassetfields=true&include_custom_fields=${hiddenField}`)).assets;
      expect(item).not.toHaveProperty('customfields');
      expect(item.fields).toHaveLength(2);
      const single = (await (await callApi(sim, token, 'GET', `/Asset/${asset.id}`)).json()) as Asset;
      expect(single.customfields).toHaveLength(2);
    });
  });

  describe('undeclaredQueryParameters', () => {
    it('honoured: include_custom_fields picks custom fields of list items', async () => {
      await createAsset('undeclared-on');
      const [item] = (await list(`inventory_number=undeclared-on&include_custom_fields=${searchableField}`)).assets;
      expect(item.customfields).toEqual([expect.objectContaining({ id: searchableField })]);
    });

    it('ignored: include_custom_fields has no effect; declared parameters still work', async () => {
      await createAsset('undeclared-off');
      await settle({ undeclaredQueryParameters: 'ignored' });
      const [item] = (await list(`inventory_number=undeclared-off&include_custom_fields=${searchableField}`)).assets;
      expect(item).not.toHaveProperty('customfields');
      expect((await list('inventory_number=undeclared-off&includeassetfields=true')).assets[0].customfields).toHaveLength(2);
    });

    it('ignored: includeactive on a list that does not declare it (Tickets) has no effect', async () => {
      const client = sim.state.clients.all()[0].id;
      expect((await callApi(sim, token, 'POST', '/Tickets', [{ summary: 'Backup failed', client_id: client }])).status).toBe(200);
      const ticketCount = async () =>
        ((await (await callApi(sim, token, 'GET', '/Tickets?includeactive=false')).json()) as { record_count: number }).record_count;
      expect(await ticketCount()).toBe(0);
      await settle({ undeclaredQueryParameters: 'ignored' });
      expect(await ticketCount()).toBe(1);
    });
  });

  describe('partialArrayWrites', () => {
    it('merge: an update keeps the values not sent; a value sent empty clears that one', async () => {
      const asset = await createAsset('merge');
      const updated = await post([{ id: asset.id, fields: [{ id: 2, value: 'SN-new' }], customfields: [{ id: searchableField, value: 'changed' }] }]);
      expect(updated.fields).toEqual([expect.objectContaining({ id: 1, value: 'PC-merge' }), expect.objectContaining({ id: 2, value: 'SN-new' })]);
      expect(updated.customfields).toEqual([
        expect.objectContaining({ id: searchableField, value: 'changed' }),
        expect.objectContaining({ id: hiddenField, value: 'hidden-merge' }),
      ]);
      const cleared = await post([{ id: asset.id, fields: [{ id: 1, value: '' }], customfields: [{ id: hiddenField, value: null }] }]);
      expect(cleared.fields).toEqual([expect.objectContaining({ id: 2 })]);
      expect(cleared.customfields).toEqual([expect.objectContaining({ id: searchableField })]);
      expect((await post([{ id: asset.id, customfields: [] }])).customfields).toHaveLength(1);
    });

    it('replace: a sent array replaces the whole stored array; arrays not sent are kept', async () => {
      const asset = await createAsset('replace');
      await settle({ partialArrayWrites: 'replace' });
      const updated = await post([{ id: asset.id, customfields: [{ id: searchableField, value: 'changed' }] }]);
      expect(updated.customfields).toEqual([expect.objectContaining({ id: searchableField, value: 'changed' })]);
      expect(updated.fields).toHaveLength(2);
      expect((await post([{ id: asset.id, fields: [{ id: 2, value: 'SN-new' }] }])).fields).toEqual([expect.objectContaining({ id: 2 })]);
      expect((await post([{ id: asset.id, customfields: [] }])).customfields).toEqual([]);
    });
  });

  describe('searchCustomFields', () => {
    it('all: search matches any custom field value', async () => {
      await createAsset('search-all');
      expect((await list('search=hidden-search-all')).assets.map((a) => a.inventory_number)).toEqual(['search-all']);
      expect((await list('search=visible-search-all')).record_count).toBe(1);
    });

    it('searchable-only: search matches values of searchable custom fields only', async () => {
      await createAsset('search-some');
      await settle({ searchCustomFields: 'searchable-only' });
      expect((await list('search=hidden-search-some')).record_count).toBe(0);
      expect((await list('search=visible-search-some')).assets.map((a) => a.inventory_number)).toEqual(['search-some']);
      expect((await list('search=SN-search-some')).record_count).toBe(1);
    });
  });
});

describe('HaloPSA simulator: profile option', () => {
  it('applies the strict profile, with explicit settings overriding it', async () => {
    const sim = await startHaloSimulator({ profile: 'strict', settings: { searchCustomFields: 'all' } });
    try {
      expect(sim.state.settings).toMatchObject({
        listCustomFields: 'omitted',
        undeclaredQueryParameters: 'ignored',
        partialArrayWrites: 'replace',
        searchCustomFields: 'all',
      });
    } finally {
      await sim.close();
    }
  });
});
