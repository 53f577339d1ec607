import { ConsoleSimulator, startConsoleSimulator } from '../../../simulators/console/console-simulator';
import { generateDemoData } from '../../../simulators/demo-data/generate-demo-data';

const dataset = generateDemoData({ companies: 3, computers: 12, seed: 5 });

describe('Console simulator: faults and counters', () => {
  let sut: ConsoleSimulator;
  let token: string;

  beforeAll(async () => {
    sut = await startConsoleSimulator({ data: dataset.console });
    const res = await fetch(`${sut.url}/api/Provider/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ UserName: sut.credentials.login, Password: sut.credentials.password }),
    });
    token = ((await res.json()) as { access_token: string }).access_token;
  });
  afterAll(() => sut.close());
  afterEach(async () => {
    await control('DELETE', '/faults');
  });

  async function control(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${sut.url}/_sim${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  /** One outcome per request: the status, or "dropped" when the connection was cut. */
  async function outcomes(n: number): Promise<(number | 'dropped')[]> {
    const out: (number | 'dropped')[] = [];
    for (let i = 0; i < n; i++) {
      try {
        const res = await fetch(`${sut.url}/api/Companies`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } });
        await res.arrayBuffer();
        out.push(res.status);
      } catch {
        out.push('dropped');
      }
    }
    return out;
  }

  it('injects 5xx answers at the configured rate; control routes stay unaffected', async () => {
    const set = await control('PUT', '/faults', { seed: 3, serverErrorRate: 1 });
    expect(await set.json()).toEqual(expect.objectContaining({ seed: 3, serverErrorRate: 1 }));
    const res = await fetch(`${sut.url}/api/Companies`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(503);
    expect((await control('GET', '/counters')).status).toBe(200);
    expect((await control('GET', '/faults')).status).toBe(200);
  });

  it('drops connections at the configured rate', async () => {
    await control('PUT', '/faults', { seed: 3, dropConnectionRate: 1 });
    expect(await outcomes(2)).toEqual(['dropped', 'dropped']);
  });

  it('adds latency', async () => {
    await control('PUT', '/faults', { seed: 3, latencyMs: 150, latencyRate: 1 });
    const started = Date.now();
    expect(await outcomes(1)).toEqual([200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('repeats the same fault sequence for the same seed', async () => {
    const faults = { seed: 77, serverErrorRate: 0.3, dropConnectionRate: 0.2 };
    await control('PUT', '/faults', faults);
    const first = await outcomes(20);
    await control('PUT', '/faults', faults);
    const second = await outcomes(20);
    expect(second).toEqual(first);
    expect(first).toContain(200);
    expect(first).toContain(503);
    expect(first).toContain('dropped');
    await control('PUT', '/faults', { ...faults, seed: 78 });
    expect(await outcomes(20)).not.toEqual(first);
  });

  it('counts vendor requests per verb and path, not control requests', async () => {
    await control('POST', '/counters/reset');
    await outcomes(3);
    await fetch(`${sut.url}/api/Computers/0/5`, { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${sut.url}/api/Licenses?isAvailable=true`, { headers: { authorization: `Bearer ${token}` } });
    await control('GET', '/state');
    const counters = (await (await control('GET', '/counters')).json()) as { total: number; byPathAndVerb: Record<string, number> };
    expect(counters).toEqual({
      total: 5,
      byPathAndVerb: { 'GET /api/companies': 3, 'GET /api/computers/0/5': 1, 'GET /api/licenses': 1 },
    });
    expect(sut.counters.snapshot().total).toBe(5);
    await control('POST', '/counters/reset');
    expect(sut.counters.snapshot().total).toBe(0);
  });
});
