import { HaloClient } from '../../../src/halo/halo-client';
import { fakeFetch, json, RecordedCall, SETTINGS, text } from './fake-fetch';

const queryOf = (call: RecordedCall) => Object.fromEntries(call.url.searchParams);
const paging = (page: number, size = 500) => ({ pageinate: 'true', page_size: String(size), page_no: String(page) });

function asset(id: number, extra: Record<string, unknown> = {}) {
  return { id, client_id: 100, site_id: 5000, assettype_id: 101, inactive: false, ...extra };
}

describe('HaloClient customers and sites', () => {
  it('lists every customer in pages of 500 and leaves inactive ones out', async () => {
    const fake = fakeFetch([json({ record_count: 3, clients: [{ id: 1, name: 'A' }, { id: 2, name: 'B', inactive: true }, { id: 3, name: 'C', inactive: false }] })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect((await client.listCustomers()).map((c) => c.id)).toEqual([1, 3]);
    expect(fake.apiCalls()[0].url.pathname).toBe('/api/Client');
    expect(queryOf(fake.apiCalls()[0])).toEqual(paging(1));
  });

  it('uses the page size it was given for every envelope list', async () => {
    const fake = fakeFetch([json({ record_count: 3, clients: [{ id: 1 }, { id: 2 }] }), json({ record_count: 3, clients: [{ id: 3 }] })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch, pageSize: 2 });

    expect(await client.listCustomers()).toHaveLength(3);
    expect(fake.apiCalls().map(queryOf)).toEqual([paging(1, 2), paging(2, 2)]);
  });

  it("filters sites by customer, and drops what Halo sends of another customer's or inactive", async () => {
    const fake = fakeFetch([
      json({
        record_count: 3,
        sites: [
          { id: 10, name: 'HQ', client_id: 7 },
          { id: 11, name: 'Other', client_id: 8 },
          { id: 12, name: 'Old', client_id: 7, inactive: true },
        ],
      }),
    ]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect((await client.listSites(7)).map((s) => s.id)).toEqual([10]);
    expect(fake.apiCalls()[0].url.pathname).toBe('/api/Site');
    expect(queryOf(fake.apiCalls()[0])).toEqual({ client_id: '7', ...paging(1) });
  });

  it('lists every site without a customer filter', async () => {
    const fake = fakeFetch([json({ record_count: 2, sites: [{ id: 10, client_id: 7 }, { id: 11, client_id: 8 }] })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.listSites()).toHaveLength(2);
    expect(queryOf(fake.apiCalls()[0])).toEqual(paging(1));
  });

  it('refuses a customer filter that is not an id, without asking Halo', async () => {
    const fake = fakeFetch([]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    for (const bad of [0, -1, 1.5, Number.NaN]) {
      await expect(client.listSites(bad)).rejects.toMatchObject({ name: 'HaloError', kind: 'validation', retryable: false });
      await expect(client.listAssets({ clientId: bad })).rejects.toMatchObject({ kind: 'validation' });
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('reads one customer, site or asset by id', async () => {
    const fake = fakeFetch([json({ id: 7, name: 'Acme', main_site_id: 10 }), json({ id: 10, name: 'HQ', client_id: 7 }), json(asset(20001))]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.getCustomer(7)).toEqual({ id: 7, name: 'Acme', main_site_id: 10 });
    expect(await client.getSite(10)).toMatchObject({ id: 10, client_id: 7 });
    expect(await client.getAsset(20001)).toMatchObject({ id: 20001 });
    expect(fake.apiCalls().map((call) => `${call.method} ${call.url.pathname}${call.url.search}`)).toEqual([
      'GET /api/Client/7',
      'GET /api/Site/10',
      'GET /api/Asset/20001',
    ]);
  });

  it('maps a 404 to not_found, and answers not_found for id 0 without asking (Halo would send a blank record)', async () => {
    const fake = fakeFetch([json({ Message: 'Client 99 was not found' }, 404)]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    await expect(client.getCustomer(99)).rejects.toMatchObject({ kind: 'not_found', status: 404 });
    await expect(client.getSite(0)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(client.getAsset(-3)).rejects.toMatchObject({ kind: 'not_found' });
    expect(fake.apiCalls()).toHaveLength(1);
  });

  it('refuses an answer to GET by id that is not a record', async () => {
    const fake = fakeFetch([json([{ id: 1 }])]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    await expect(client.getCustomer(1)).rejects.toMatchObject({ kind: 'unexpected', message: expect.stringContaining('not a record') });
  });
});

describe('HaloClient asset types and groups', () => {
  it('reads the bare-array lists in one unpaged request each', async () => {
    const fake = fakeFetch([json([{ id: 101, name: 'Workstation', assetgroup_id: 1 }]), json([{ id: 1, name: 'Hardware' }])]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.listAssetTypes()).toEqual([{ id: 101, name: 'Workstation', assetgroup_id: 1 }]);
    expect(await client.listAssetGroups()).toEqual([{ id: 1, name: 'Hardware' }]);
    expect(fake.apiCalls().map((call) => call.url.href)).toEqual(['https://acme.halopsa.test/api/AssetType', 'https://acme.halopsa.test/api/AssetGroup']);
  });

  it('creates a group and a type with one POST of a one-element array each', async () => {
    const fake = fakeFetch([json({ id: 4, name: 'Backup' }), json({ id: 106, name: 'Backed-up computer', assetgroup_id: 4 })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.createAssetGroup({ name: 'Backup' })).toEqual({ id: 4, name: 'Backup' });
    expect(await client.createAssetType({ name: 'Backed-up computer', assetgroup_id: 4 })).toMatchObject({ id: 106 });
    const [group, type] = fake.apiCalls();
    expect([group.method, group.url.pathname, JSON.parse(group.body ?? '')]).toEqual(['POST', '/api/AssetGroup', [{ name: 'Backup' }]]);
    expect([type.method, type.url.pathname, JSON.parse(type.body ?? '')]).toEqual(['POST', '/api/AssetType', [{ name: 'Backed-up computer', assetgroup_id: 4 }]]);
  });

  it('maps the 403 of a non-administrator to forbidden', async () => {
    const fake = fakeFetch([json({ Message: 'Only administrators may change asset types.' }, 403)]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    await expect(client.createAssetType({ name: 'X', assetgroup_id: 1 })).rejects.toMatchObject({ kind: 'forbidden', status: 403 });
  });
});

describe('HaloClient.listAssets', () => {
  it('asks for the asset fields with the customer filter and paging, and only with names Halo declares', async () => {
    const fake = fakeFetch([json({ record_count: 1, assets: [asset(1)] })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    await client.listAssets({ clientId: 100 });
    expect(fake.apiCalls()[0].url.pathname).toBe('/api/Asset');
    expect(queryOf(fake.apiCalls()[0])).toEqual({ client_id: '100', includeassetfields: 'true', ...paging(1) });
  });

  it('sends no customer filter when none is asked for', async () => {
    const fake = fakeFetch([json({ record_count: 0, assets: [] })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.listAssets()).toEqual([]);
    expect(queryOf(fake.apiCalls()[0])).toEqual({ includeassetfields: 'true', ...paging(1) });
  });

  it('reads every page', async () => {
    const fake = fakeFetch([
      json({ record_count: 5, assets: [asset(1), asset(2)] }),
      json({ record_count: 5, assets: [asset(3), asset(4)] }),
      json({ record_count: 5, assets: [asset(5)] }),
    ]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch, pageSize: 2 });

    expect((await client.listAssets({ clientId: 100 })).map((a) => a.id)).toEqual([1, 2, 3, 4, 5]);
    expect(fake.apiCalls().map((call) => call.url.searchParams.get('page_no'))).toEqual(['1', '2', '3']);
  });

  it('leaves inactive assets out unless asked for them, and then says includeinactive', async () => {
    const answer = () => json({ record_count: 2, assets: [asset(1), asset(2, { inactive: true })] });
    const fake = fakeFetch([answer(), answer()]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect((await client.listAssets()).map((a) => a.id)).toEqual([1]);
    expect((await client.listAssets({ includeInactive: true })).map((a) => a.id)).toEqual([1, 2]);
    expect(fake.apiCalls().map((call) => call.url.searchParams.get('includeinactive'))).toEqual([null, 'true']);
  });

  it("drops assets of another customer that Halo let through, but keeps those that name none", async () => {
    const fake = fakeFetch([json({ record_count: 3, assets: [asset(1), asset(2, { client_id: 999 }), { id: 3, site_id: 5000, assettype_id: 101 }] })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect((await client.listAssets({ clientId: 100 })).map((a) => a.id)).toEqual([1, 3]);
  });
});

describe('HaloClient.findAssetsByCustomFieldValue', () => {
  const cf = (id: number, value: unknown) => ({ id, name: 'CFComputerId', value });

  it("searches loosely, then keeps only the assets whose field holds exactly the value", async () => {
    const fake = fakeFetch([
      json({
        record_count: 6,
        assets: [
          asset(1, { customfields: [cf(301, 'pc-1')] }),
          asset(2, { customfields: [cf(301, 'pc-10')] }),
          asset(3, { customfields: [cf(301, 'PC-1')] }),
          asset(4, { customfields: [cf(302, 'pc-1')] }),
          asset(5, { key_field: 'pc-1', customfields: [] }),
          asset(6, { inactive: true, customfields: [cf(301, 'pc-1')] }),
        ],
      }),
    ]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect((await client.findAssetsByCustomFieldValue(301, 'pc-1', 100)).map((a) => a.id)).toEqual([1, 6]);
    expect(queryOf(fake.apiCalls()[0])).toEqual({
      client_id: '100',
      includeinactive: 'true',
      includeassetfields: 'true',
      search: 'pc-1',
      ...paging(1),
    });
  });

  it('reads a candidate that came without custom fields on its own before judging it', async () => {
    const fake = fakeFetch([
      json({ record_count: 2, assets: [asset(1), asset(2, { customfields: [cf(301, 'x')] })] }),
      json(asset(1, { customfields: [cf(301, 'pc 7')] })),
    ]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect((await client.findAssetsByCustomFieldValue(301, 'pc 7')).map((a) => a.id)).toEqual([1]);
    expect(fake.apiCalls().map((call) => call.url.pathname)).toEqual(['/api/Asset', '/api/Asset/1']);
    expect(fake.apiCalls()[0].url.searchParams.get('search')).toBe('pc 7');
    expect(fake.apiCalls()[0].url.searchParams.has('client_id')).toBe(false);
  });

  it("matches a numeric value by its text, skips another customer's asset and a record repeated across pages", async () => {
    const fake = fakeFetch([
      json({ record_count: 4, assets: [asset(1, { customfields: [cf(301, 42)] }), asset(2, { client_id: 5, customfields: [cf(301, '42')] })] }),
      json({ record_count: 4, assets: [asset(1, { customfields: [cf(301, 42)] }), asset(3, { customfields: [cf(301, '42')] })] }),
    ]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch, pageSize: 2 });

    expect((await client.findAssetsByCustomFieldValue(301, '42', 100)).map((a) => a.id)).toEqual([1, 3]);
  });

  it('asks nothing for an empty value', async () => {
    const fake = fakeFetch([]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.findAssetsByCustomFieldValue(301, '')).toEqual([]);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('HaloClient.saveAssets', () => {
  const write = (n: number) => ({ site_id: 5000, assettype_id: 101, customfields: [{ id: 301, value: `pc-${n}` }] });

  it('sends one POST of the whole array and answers the saved assets in input order', async () => {
    const fake = fakeFetch([json([asset(20003), asset(20004), asset(20005)])]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    const saved = await client.saveAssets([write(1), write(2), { ...write(3), id: 20005, inactive: true }]);
    expect(saved.map((a) => a.id)).toEqual([20003, 20004, 20005]);
    expect(fake.apiCalls()).toHaveLength(1);
    const [call] = fake.apiCalls();
    expect([call.method, call.url.pathname]).toEqual(['POST', '/api/Asset']);
    expect(JSON.parse(call.body ?? '')).toEqual([write(1), write(2), { ...write(3), id: 20005, inactive: true }]);
  });

  it('sends nothing for no records', async () => {
    const fake = fakeFetch([]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.saveAssets([])).toEqual([]);
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses an answer with a record without an id, or of another length', async () => {
    const fake = fakeFetch([json([asset(1), { site_id: 5000 }]), json(asset(1))]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    await expect(client.saveAssets([write(1), write(2)])).rejects.toMatchObject({ kind: 'unexpected', message: expect.stringContaining('without an id') });
    await expect(client.saveAssets([write(1), write(2)])).rejects.toMatchObject({ kind: 'unexpected' });
  });

  it("surfaces Halo's plain-text business rule as a validation error", async () => {
    const fake = fakeFetch([text('Asset tag must be unique', 400)]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    await expect(client.saveAssets([write(1)])).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('Asset tag must be unique') });
  });
});

describe('HaloClient.getAssets', () => {
  it('reads each asset on its own, once, and leaves out one HaloPSA no longer has', async () => {
    const fake = fakeFetch([json(asset(1)), json({ Message: 'Asset not found' }, 404), json(asset(3))]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    const found = await client.getAssets([1, 2, 3, 1]);

    expect([...found.keys()].sort()).toEqual([1, 3]);
    expect(fake.apiCalls().map((call) => call.url.pathname).sort()).toEqual(['/api/Asset/1', '/api/Asset/2', '/api/Asset/3']);
  });

  it('fails on any other error', async () => {
    const fake = fakeFetch([json({ Message: 'No' }, 403)]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    await expect(client.getAssets([1])).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
