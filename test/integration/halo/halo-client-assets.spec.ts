import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { control } from '../../../simulators/halo/testing/halo-test-client';
import { ClientRecord } from '../../../simulators/halo/state/records';
import { HaloClient } from '../../../src/halo/halo-client';
import { customFieldValue, HaloAsset, HaloAssetWrite } from '../../../src/halo/halo-entities';
import { clientFor, haloFailure, requestCounts, resetSimulator } from './halo-sim-support';

interface AssetCounters {
  assetCreatesByCustomFieldValue: Record<string, Record<string, number>>;
}

const DEVICE_NAME_FIELD = 1;

describe('HaloClient against the HaloPSA simulator: assets', () => {
  let sim: HaloSimulator;
  let client: HaloClient;
  let acme: ClientRecord;
  let beta: ClientRecord;
  let workstation: number;
  let computerIdField: number;

  /** A new asset of `customer` (at its main site) carrying `computerId`. */
  const newAsset = (customer: ClientRecord, computerId: string, deviceName = `Device ${computerId}`): HaloAssetWrite => ({
    site_id: customer.main_site_id,
    assettype_id: workstation,
    fields: [{ id: DEVICE_NAME_FIELD, value: deviceName }],
    customfields: [{ id: computerIdField, value: computerId }],
  });
  const computerIds = (assets: HaloAsset[]) => assets.map((asset) => customFieldValue(asset, computerIdField));

  beforeAll(async () => {
    sim = await startHaloSimulator({ port: 0 });
    [acme, beta] = sim.state.seedClients([
      { name: 'Acme', sites: ['HQ', 'Branch'] },
      { name: 'Beta', sites: [] },
    ]);
    workstation = sim.state.assetTypes.all().find((type) => type.name === 'Workstation')?.id ?? 0;
    computerIdField = (await clientFor(sim).createAssetCustomField({ name: 'ComputerId', label: 'Console computer ID', type: 0 })).id;
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    for (const asset of sim.state.assets.all()) sim.state.assets.delete(asset.id);
    await resetSimulator(sim);
    client = clientFor(sim);
    await client.authenticate();
    await control(sim, 'POST', '/counters/reset');
  });

  it('creates three assets with one POST: three ids in input order, one create per computer id', async () => {
    const saved = await client.saveAssets([newAsset(acme, 'pc-c'), newAsset(acme, 'pc-a'), newAsset(beta, 'pc-b')]);

    expect(saved.map((asset) => asset.id)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(new Set(saved.map((asset) => asset.id)).size).toBe(3);
    expect(saved.map((asset) => sim.state.assets.get(asset.id)?.customfields[0]?.value)).toEqual(['pc-c', 'pc-a', 'pc-b']);
    expect(saved.map((asset) => asset.client_id)).toEqual([acme.id, acme.id, beta.id]);
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'POST /api/asset': 1 });
    const counters = await control<AssetCounters>(sim, 'GET', '/counters');
    expect(counters.assetCreatesByCustomFieldValue).toEqual({ CFComputerId: { 'pc-a': 1, 'pc-b': 1, 'pc-c': 1 } });
  });

  it('updates and creates in one batch; only the new asset counts as a create', async () => {
    const [existing] = await client.saveAssets([newAsset(acme, 'pc-1')]);
    await control(sim, 'POST', '/counters/reset');

    const saved = await client.saveAssets([
      { id: existing.id, site_id: existing.site_id, assettype_id: existing.assettype_id, customfields: [{ id: computerIdField, value: 'pc-1b' }] },
      newAsset(beta, 'pc-2'),
    ]);

    expect(saved[0].id).toBe(existing.id);
    expect(sim.state.assets.get(existing.id)?.customfields).toEqual([{ id: computerIdField, value: 'pc-1b' }]);
    expect(sim.state.assets.all()).toHaveLength(2);
    const counters = await control<AssetCounters>(sim, 'GET', '/counters');
    expect(counters.assetCreatesByCustomFieldValue).toEqual({ CFComputerId: { 'pc-2': 1 } });
  });

  it("lists a customer's assets over several pages with the computer id readable", async () => {
    const acmeIds = Array.from({ length: 7 }, (_, i) => `acme-${i + 1}`);
    await client.saveAssets([...acmeIds.map((id) => newAsset(acme, id)), newAsset(beta, 'beta-1'), newAsset(beta, 'beta-2')]);
    await control(sim, 'POST', '/counters/reset');
    const paged = clientFor(sim, {}, { pageSize: 3 });

    const assets = await paged.listAssets({ clientId: acme.id });

    expect(computerIds(assets)).toEqual(acmeIds);
    expect(assets.every((asset) => asset.client_id === acme.id && asset.site_name === 'HQ' && asset.assettype_name === 'Workstation')).toBe(true);
    expect(assets[0].fields).toEqual([expect.objectContaining({ id: DEVICE_NAME_FIELD, value: 'Device acme-1' })]);
    // Seven assets in pages of three: 3 + 3 + a short page of 1.
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'POST /auth/token': 1, 'GET /api/asset': 3 });

    await control(sim, 'POST', '/counters/reset');
    expect(await paged.listAssets()).toHaveLength(9);
    // Nine in pages of three: the third page reaches record_count, so no fourth is asked for.
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'GET /api/asset': 3 });
  });

  it('leaves retired assets out unless asked for them', async () => {
    const [kept, retired] = await client.saveAssets([newAsset(acme, 'pc-kept'), newAsset(acme, 'pc-retired')]);
    await client.saveAssets([{ id: retired.id, site_id: retired.site_id, assettype_id: retired.assettype_id, inactive: true }]);

    expect((await client.listAssets({ clientId: acme.id })).map((asset) => asset.id)).toEqual([kept.id]);
    const all = await client.listAssets({ clientId: acme.id, includeInactive: true });
    expect(all.map((asset) => [asset.id, asset.inactive === true])).toEqual([
      [kept.id, false],
      [retired.id, true],
    ]);
    // The retiring update sent no custom fields, so the stored ones stayed.
    expect(computerIds(all)).toEqual(['pc-kept', 'pc-retired']);
  });

  it('finds assets by the exact computer id, ignoring the loose matches of Halo search', async () => {
    const [exact, , , , , retired, betaTwin] = await client.saveAssets([
      newAsset(acme, 'pc-1'),
      newAsset(acme, 'pc-10'),
      newAsset(acme, 'xpc-1'),
      newAsset(acme, 'PC-1'),
      newAsset(acme, 'other', 'pc-1'),
      newAsset(acme, 'pc-1'),
      newAsset(beta, 'pc-1'),
    ]);
    await client.saveAssets([{ id: retired.id, site_id: retired.site_id, assettype_id: retired.assettype_id, inactive: true }]);
    const loose = await client.listAll<HaloAsset>('/Asset', 'assets', { search: 'pc-1', client_id: acme.id });
    expect(loose.length).toBeGreaterThanOrEqual(4);
    await control(sim, 'POST', '/counters/reset');

    const found = await client.findAssetsByCustomFieldValue(computerIdField, 'pc-1', acme.id);

    expect(found.map((asset) => asset.id)).toEqual([exact.id, retired.id]);
    expect(found.map((asset) => asset.inactive === true)).toEqual([false, true]);
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'GET /api/asset': 1 });

    const anywhere = await client.findAssetsByCustomFieldValue(computerIdField, 'pc-1');
    expect(anywhere.map((asset) => asset.id)).toEqual([exact.id, retired.id, betaTwin.id]);
    expect(await client.findAssetsByCustomFieldValue(computerIdField, 'pc-1', beta.id)).toEqual([expect.objectContaining({ id: betaTwin.id })]);
    expect(await client.findAssetsByCustomFieldValue(computerIdField, 'pc-404')).toEqual([]);
  });

  it('reads one asset with its fields and custom fields; an unknown id is not_found', async () => {
    const [created] = await client.saveAssets([newAsset(beta, 'pc-9', 'LAPTOP-9')]);

    const asset = await client.getAsset(created.id);
    expect(asset).toMatchObject({ id: created.id, client_id: beta.id, site_id: beta.main_site_id, assettype_id: workstation, inactive: false });
    expect(client.customFieldValue(asset, computerIdField)).toBe('pc-9');
    expect(asset.fields).toEqual([expect.objectContaining({ id: DEVICE_NAME_FIELD, value: 'LAPTOP-9' })]);

    const error = await haloFailure(client.getAsset(987_654), sim.credentials.clientSecret);
    expect(error).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('refuses a batch with an invalid asset as a whole, as a validation error', async () => {
    const error = await haloFailure(
      client.saveAssets([newAsset(acme, 'pc-ok'), { ...newAsset(acme, 'pc-bad'), site_id: 4_999_999 }]),
      sim.credentials.clientSecret,
    );

    expect(error).toMatchObject({ kind: 'validation', status: 400, message: expect.stringContaining('site_id') });
    expect(sim.state.assets.all()).toEqual([]);
  });
});
