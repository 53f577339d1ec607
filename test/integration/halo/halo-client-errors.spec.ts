import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { control } from '../../../simulators/halo/testing/halo-test-client';
import { HaloClient } from '../../../src/halo/halo-client';
import { clientFor, haloFailure, requestCounts, resetSimulator } from './halo-sim-support';

describe('HaloClient against the HaloPSA simulator: errors', () => {
  let sim: HaloSimulator;
  let client: HaloClient;
  let secret: string;

  beforeAll(async () => {
    sim = await startHaloSimulator({ port: 0 });
    secret = sim.credentials.clientSecret;
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await resetSimulator(sim);
    client = clientFor(sim);
    await client.authenticate();
  });

  it('maps a 403 to forbidden with what Halo says is missing', async () => {
    const button = await client.createAssetButton({ name: 'Keep', label: 'Keep', url: 'https://svc.example/{$ID}', newtab: true });
    await control(sim, 'PUT', '/forbidden', [{ entity: 'CustomButton', verb: 'DELETE' }]);

    const error = await haloFailure(client.deleteCustomButton(button.id), secret);
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, retryable: false });
    expect(error.message).toContain('You do not have permission to DELETE CustomButton records');
    expect(sim.state.customButtons.get(button.id)).toBeDefined();
  });

  it('maps a 404 to not_found', async () => {
    expect(await haloFailure(client.deleteCustomField(987_654), secret)).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('maps a 400 to validation with the ASP.NET dictionary readable', async () => {
    const error = await haloFailure(client.save('/Asset', [{ assettype_id: 101 }]), secret);
    expect(error).toMatchObject({ kind: 'validation', status: 400, message: expect.stringContaining('[0].site_id:') });
  });

  it('maps a 429 with Retry-After to rate_limited with the delay', async () => {
    await control(sim, 'PUT', '/rate-limit', { maxRequests: 2, windowSeconds: 60, retryAfterSeconds: 17 });
    await control(sim, 'POST', '/rate-limit/reset');
    await client.request('GET', '/AssetType');
    await client.request('GET', '/AssetType');

    const error = await haloFailure(client.request('GET', '/AssetType'), secret);
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 17_000, retryable: true });
    expect(error.message).toContain('Rate Limit Reached - 2 Requests per rolling 1 minute window');
  });

  it('maps a 429 without Retry-After to rate_limited with no delay', async () => {
    await control(sim, 'PUT', '/rate-limit', { maxRequests: 1, windowSeconds: 300 });
    await control(sim, 'POST', '/rate-limit/reset');
    await client.request('GET', '/AssetType');

    const error = await haloFailure(client.request('GET', '/AssetType'), secret);
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryable: true });
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toContain('Rate Limit Reached - 1 Requests per rolling 5 minute window');
  });

  it('maps a 5xx to a retryable server error', async () => {
    await control(sim, 'PUT', '/faults', { serverErrorRate: 1 });
    const error = await haloFailure(client.request('GET', '/Client'), secret);
    expect(error).toMatchObject({ kind: 'server', status: 503, retryable: true, message: expect.stringContaining('Service Unavailable') });
  });

  it('maps a dropped connection to a retryable network error', async () => {
    await control(sim, 'PUT', '/faults', { dropConnectionRate: 1 });
    const error = await haloFailure(client.request('GET', '/Client'), secret);
    expect(error).toMatchObject({ kind: 'network', retryable: true, status: undefined });
    expect(error.message).toContain(`GET ${sim.url}/api/Client failed:`);
  });

  it('maps a connection refused by a closed port to a network error', async () => {
    const gone = await startHaloSimulator({ port: 0 });
    await gone.close();
    const error = await haloFailure(clientFor(gone).authenticate(), gone.credentials.clientSecret);
    expect(error).toMatchObject({ kind: 'network', retryable: true, message: expect.stringContaining('ECONNREFUSED') });
  });

  it('times out a slow answer as a network error', async () => {
    await control(sim, 'PUT', '/faults', { latencyMs: 500, latencyRate: 1 });
    const impatient = clientFor(sim, {}, { timeoutMs: 100 });
    const error = await haloFailure(impatient.authenticate(), secret);
    expect(error).toMatchObject({ kind: 'network', retryable: true, message: expect.stringContaining('timed out after 100 ms') });
  });

  it('counts every request it sends', async () => {
    await control(sim, 'POST', '/counters/reset');
    const fresh = clientFor(sim);
    await fresh.getAgentMe();
    await fresh.listAssetButtons();
    expect(fresh.requestsSent).toBe(3);
    expect((await requestCounts(sim)).total).toBe(3);
  });
});
