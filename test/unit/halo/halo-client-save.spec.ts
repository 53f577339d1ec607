import { HaloClient } from '../../../src/halo/halo-client';
import { fakeFetch, json, SETTINGS } from './fake-fetch';

interface Named {
  id: number;
  name: string;
}

describe('HaloClient.save', () => {
  it('POSTs an array and answers an array even when Halo answers one object', async () => {
    const fake = fakeFetch([json({ id: 301, name: 'A' })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.save<Named>('/FieldInfo', [{ name: 'A' }])).toEqual([{ id: 301, name: 'A' }]);
    const [call] = fake.apiCalls();
    expect(call.method).toBe('POST');
    expect(call.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call.body ?? '')).toEqual([{ name: 'A' }]);
  });

  it('keeps the input order of several records', async () => {
    const fake = fakeFetch([
      json([
        { id: 1, name: 'A' },
        { id: 2, name: 'B' },
      ]),
    ]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    const saved = await client.save<Named>('/Client', [{ name: 'A' }, { name: 'B' }]);
    expect(saved.map((record) => record.name)).toEqual(['A', 'B']);
  });

  it('accepts a one-element array for one record', async () => {
    const fake = fakeFetch([json([{ id: 1, name: 'A' }])]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.save<Named>('/Client', [{ name: 'A' }])).toEqual([{ id: 1, name: 'A' }]);
  });

  it('sends nothing for an empty array', async () => {
    const fake = fakeFetch([]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    expect(await client.save('/Asset', [])).toEqual([]);
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses an answer that does not match the records sent', async () => {
    const fake = fakeFetch([json([{ id: 1 }]), new Response('', { status: 200 })]);
    const client = new HaloClient(SETTINGS, { fetch: fake.fetch });

    await expect(client.save('/Asset', [{}, {}])).rejects.toMatchObject({ kind: 'unexpected', message: expect.stringContaining('2 record(s)') });
    await expect(client.save('/Asset', [{}])).rejects.toMatchObject({ kind: 'unexpected', message: expect.stringContaining('an empty body') });
  });
});
