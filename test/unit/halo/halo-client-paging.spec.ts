import { HaloClient } from '../../../src/halo/halo-client';
import { fakeFetch, json, SETTINGS } from './fake-fetch';

const records = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

describe('HaloClient.listAll', () => {
  it('pages an envelope list with pageinate, page_size and page_no until page_no * page_size >= record_count', async () => {
    const fake = fakeFetch([
      json({ record_count: 6, assets: records(1, 2) }),
      json({ record_count: 6, assets: records(3, 2) }),
      json({ record_count: 6, assets: records(5, 2) }),
    ]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    const all = await client.listAll<{ id: number }>('/Asset', 'assets', { client_id: 7 }, 2);

    expect(all.map((asset) => asset.id)).toEqual([1, 2, 3, 4, 5, 6]);
    const queries = fake.apiCalls().map((call) => Object.fromEntries(call.url.searchParams));
    expect(queries).toEqual([1, 2, 3].map((page) => ({ client_id: '7', pageinate: 'true', page_size: '2', page_no: String(page) })));
    expect(fake.apiCalls()[0].url.pathname).toBe('/api/Asset');
  });

  it('stops on a short page even when record_count promises more', async () => {
    const fake = fakeFetch([json({ record_count: 10, clients: records(1, 3) }), json({ record_count: 10, clients: records(4, 1) })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.listAll('/Client', 'clients', {}, 3)).toHaveLength(4);
    expect(fake.apiCalls()).toHaveLength(2);
  });

  it('stops on an empty page', async () => {
    const fake = fakeFetch([json({ record_count: 0, clients: [] })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.listAll('/Client', 'clients')).toEqual([]);
    expect(fake.apiCalls()).toHaveLength(1);
    expect(fake.apiCalls()[0].url.searchParams.get('page_size')).toBe('500');
  });

  it('keeps paging without record_count until a short page', async () => {
    const fake = fakeFetch([json({ sites: records(1, 2) }), json({ sites: records(3, 2) }), json({ sites: [] })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.listAll('/Site', 'sites', {}, 2)).toHaveLength(4);
    expect(fake.apiCalls()).toHaveLength(3);
  });

  it('stops when Halo ignores paging and answers more than a page', async () => {
    const fake = fakeFetch([json({ record_count: 5, assets: records(1, 5) })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.listAll('/Asset', 'assets', {}, 2)).toHaveLength(5);
    expect(fake.apiCalls()).toHaveLength(1);
  });

  it('tolerates a bare array where an envelope was expected', async () => {
    const fake = fakeFetch([json(records(1, 2)), json(records(3, 1))]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.listAll('/Asset', 'assets', {}, 2)).toHaveLength(3);
  });

  it('reads a bare-array list in one unpaged request', async () => {
    const fake = fakeFetch([json(records(1, 3))]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.listAll('/FieldInfo', null, { typeid: 5 }, 2)).toHaveLength(3);
    expect(fake.apiCalls()).toHaveLength(1);
    expect(Object.fromEntries(fake.apiCalls()[0].url.searchParams)).toEqual({ typeid: '5' });
  });

  it('refuses an answer that is not the expected list', async () => {
    const fake = fakeFetch([json({ record_count: 1, items: [] }), json({ id: 1 })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    await expect(client.listAll('/Asset', 'assets')).rejects.toMatchObject({ kind: 'unexpected', message: expect.stringContaining('"assets"') });
    await expect(client.listAll('/FieldInfo', null)).rejects.toMatchObject({ kind: 'unexpected' });
  });
});
