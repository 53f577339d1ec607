import { JsonArrayStreamError, jsonArrayBatches } from '../../../src/http/json-array-batches';

async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function read(text: string, chunkSize: number, batchSize = 2): Promise<unknown[][]> {
  const batches: unknown[][] = [];
  for await (const batch of jsonArrayBatches(chunksOf(text, chunkSize), batchSize)) batches.push(batch);
  return batches;
}

describe('jsonArrayBatches', () => {
  const tricky = [
    { Name: 'a, "quoted" ]}', Nested: { List: [1, [2, { x: '{' }]] } },
    'plain string with \\ and "',
    42,
    null,
    { Name: 'Ünïcødé — 日本語 🚀' },
    [],
    {},
  ];

  it.each([1, 2, 3, 7, 1000])('gives what JSON.parse gives, in batches, whatever the chunk size (%i bytes)', async (chunkSize) => {
    const batches = await read(` \n${JSON.stringify(tricky, null, 1)}\n `, chunkSize, 3);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat()).toEqual(tricky);
  });

  it('reads an empty array as no batches', async () => {
    expect(await read('[ ]', 1)).toEqual([]);
  });

  it.each([
    ['{"a":1}', 'the body is not a JSON array'],
    ['', 'the body is empty'],
    ['[1,2', 'the array breaks off'],
    ['[1,,2]', 'an array element is missing'],
    ['[1,2,]', 'an array element is missing'],
    ['[1] x', 'text follows the array'],
    ['[{"a":}]', 'an array element is not JSON'],
  ])('refuses %j', async (text, message) => {
    await expect(read(text, 2, 1)).rejects.toThrow(JsonArrayStreamError);
    await expect(read(text, 2, 1)).rejects.toThrow(message);
  });
});
