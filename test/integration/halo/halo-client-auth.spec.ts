import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { control } from '../../../simulators/halo/testing/halo-test-client';
import { clientFor, haloFailure, requestCounts, resetSimulator } from './halo-sim-support';

describe('HaloClient against the HaloPSA simulator: tokens', () => {
  let sim: HaloSimulator;
  let hosted: HaloSimulator;

  beforeAll(async () => {
    sim = await startHaloSimulator({ port: 0 });
    hosted = await startHaloSimulator({ port: 0, tenant: 'acme' });
  });
  afterAll(async () => {
    await sim.close();
    await hosted.close();
  });
  beforeEach(() => resetSimulator(sim));

  it('gets a token with a form body and answers the granted scopes', async () => {
    const bodies: string[] = [];
    const client = clientFor(sim, {}, {
      scope: 'read:customers edit:assets',
      fetch: (input, init) => {
        bodies.push(`${new Headers(init?.headers).get('content-type')} ${String(init?.body)}`);
        return fetch(input, init);
      },
    });

    expect(await client.authenticate()).toEqual(['read:customers', 'edit:assets']);
    expect(bodies).toEqual([expect.stringMatching(/^application\/x-www-form-urlencoded grant_type=client_credentials&client_id=/)]);
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'POST /auth/token': 1 });
  });

  it('puts the tenant on the token URL of a hosted instance', async () => {
    const client = clientFor(hosted);
    expect(await client.authenticate()).toEqual(['all']);
    expect(await client.getAgentMe()).toMatchObject({ name: 'API Agent', is_admin: true });
  });

  it('reports a missing or wrong tenant as bad_tenant', async () => {
    const { clientSecret } = hosted.credentials;
    const missing = await haloFailure(clientFor(hosted, { tenant: undefined }).authenticate(), clientSecret);
    expect(missing).toMatchObject({ kind: 'bad_tenant', status: 400, retryable: false });
    const wrong = await haloFailure(clientFor(hosted, { tenant: 'other' }).authenticate(), clientSecret);
    expect(wrong).toMatchObject({ kind: 'bad_tenant', status: 401, message: expect.stringContaining('"other"') });
  });

  it('reports a wrong secret or client id as invalid_client', async () => {
    const { clientSecret } = sim.credentials;
    const badSecret = await haloFailure(clientFor(sim, { clientSecret: `${clientSecret}x` }).authenticate(), clientSecret);
    expect(badSecret).toMatchObject({ kind: 'invalid_client', status: 401, retryable: false });
    expect(badSecret.message).toContain("client ID or secret");
    await haloFailure(clientFor(sim, { clientSecret: `${clientSecret}x` }).getAgentMe(), `${clientSecret}x`);
    const badId = await haloFailure(clientFor(sim, { clientId: 'nobody' }).getAgentMe(), clientSecret);
    expect(badId.kind).toBe('invalid_client');
  });

  it('reports a scope Halo does not know as invalid_scope', async () => {
    const error = await haloFailure(clientFor(sim, {}, { scope: 'read:everything' }).authenticate(), sim.credentials.clientSecret);
    expect(error).toMatchObject({ kind: 'invalid_scope', status: 400, message: expect.stringContaining('read:everything') });
  });

  it('reuses its token, then renews it a minute before it expires', async () => {
    const client = clientFor(sim);
    await client.request('GET', '/AssetType');
    await control(sim, 'POST', '/clock/advance', { seconds: 3000 });
    await client.request('GET', '/AssetType');
    expect((await requestCounts(sim)).byPathAndVerb['POST /auth/token']).toBe(1);

    await control(sim, 'POST', '/clock/advance', { seconds: 541 });
    await client.request('GET', '/AssetType');
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'POST /auth/token': 2, 'GET /api/assettype': 3 });
  });

  it('renews once after a forced expiry and repeats the request', async () => {
    const client = clientFor(sim);
    await client.request('GET', '/AssetType');
    expect(await control(sim, 'POST', '/tokens/expire')).toEqual({ expired: expect.any(Number) });

    expect(await client.request('GET', '/AssetType')).toEqual(expect.any(Array));
    await client.request('GET', '/AssetType');
    expect((await requestCounts(sim)).byPathAndVerb).toEqual({ 'POST /auth/token': 2, 'GET /api/assettype': 4 });
  });
});
