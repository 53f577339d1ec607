import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { control } from '../../../simulators/halo/testing/halo-test-client';
import { HaloClient, sameFieldName } from '../../../src/halo/halo-client';
import { clientFor, requestCounts, resetSimulator } from './halo-sim-support';

interface Client {
  id: number;
  name: string;
}

describe('HaloClient against the HaloPSA simulator: lists, saves and setup helpers', () => {
  let sim: HaloSimulator;
  let client: HaloClient;

  beforeAll(async () => {
    sim = await startHaloSimulator({ port: 0 });
    sim.seedClients(Array.from({ length: 7 }, (_, i) => ({ name: `Customer ${i + 1}`, sites: [] })));
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await resetSimulator(sim);
    client = clientFor(sim);
    await client.authenticate();
    await control(sim, 'POST', '/counters/reset');
  });

  it('reads an envelope list over several pages, stopping on the short page', async () => {
    const clients = await client.listAll<Client>('/Client', 'clients', {}, 3);
    expect(clients.map((c) => c.name)).toEqual(Array.from({ length: 7 }, (_, i) => `Customer ${i + 1}`));
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'GET /api/client': 3 });
  });

  it('stops when page_no * page_size reaches record_count, without asking for an empty page', async () => {
    expect(await client.listAll<Client>('/Client', 'clients', {}, 7)).toHaveLength(7);
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'GET /api/client': 1 });
  });

  it('passes filters along with the paging parameters', async () => {
    const found = await client.listAll<Client>('/Client', 'clients', { search: 'Customer 7' }, 2);
    expect(found.map((c) => c.name)).toEqual(['Customer 7']);
  });

  it('answers an array in input order whatever the number of records saved', async () => {
    const [one] = await client.save<Client>('/Client', [{ name: 'Solo' }]);
    expect(one).toMatchObject({ id: expect.any(Number), name: 'Solo' });
    const two = await client.save<Client>('/Client', [{ name: 'Beta' }, { name: 'Alpha' }]);
    expect(two.map((c) => c.name)).toEqual(['Beta', 'Alpha']);
    expect(sim.state.clients.get(two[1].id)?.name).toBe('Alpha');
    for (const saved of [one, ...two]) sim.state.clients.delete(saved.id);
  });

  it('creates, finds and deletes the asset custom field, whose name comes back with CF', async () => {
    const created = await client.createAssetCustomField({ name: 'ConsoleComputerId', label: 'Console computer ID', type: 0 });
    expect(created).toMatchObject({ id: expect.any(Number), name: 'CFConsoleComputerId', label: 'Console computer ID', type: 0, usage: 5 });

    const listed = await client.listAssetCustomFields();
    expect(listed.find((field) => sameFieldName(field.name, 'consolecomputerid'))?.id).toBe(created.id);

    await client.deleteCustomField(created.id);
    expect(await client.listAssetCustomFields()).toEqual([]);
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({
      'POST /api/fieldinfo': 1,
      'GET /api/fieldinfo': 2,
      [`DELETE /api/fieldinfo/${created.id}`]: 1,
    });
  });

  it('creates, updates, finds and deletes the asset button', async () => {
    const created = await client.createAssetButton({
      name: 'ConsoleConnect',
      label: 'Connect to computer',
      url: 'https://svc.example/connect/t1/{$ID}',
      newtab: true,
    });
    expect(created).toMatchObject({ usage: 5, msid: 0, newtab: true, url: 'https://svc.example/connect/t1/{$ID}' });

    const updated = await client.updateAssetButton({ id: created.id, name: 'ConsoleConnect', label: 'Connect', url: 'https://svc.example/connect/t2/{$ID}', newtab: true });
    expect(updated).toMatchObject({ id: created.id, label: 'Connect', url: 'https://svc.example/connect/t2/{$ID}' });

    const listed = await client.listAssetButtons();
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: 'ConsoleConnect' })]);

    await client.deleteCustomButton(created.id);
    expect(await client.listAssetButtons()).toEqual([]);
  });
});
