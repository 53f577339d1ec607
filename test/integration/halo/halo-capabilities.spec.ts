import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { control } from '../../../simulators/halo/testing/halo-test-client';
import { HaloCapabilities, hasHaloToken, HaloProbeName, readHaloCapabilities } from '../../../src/halo/halo-capabilities';
import { clientFor, expectNoSecret, requestCounts, resetSimulator } from './halo-sim-support';

const ALL_PROBES: HaloProbeName[] = [
  'customersRead',
  'assetsRead',
  'assetTypesRead',
  'customFieldsRead',
  'buttonsRead',
  'assetsWrite',
  'customersWrite',
  'configurationWrite',
];

function granted(...names: HaloProbeName[]) {
  return Object.fromEntries(names.map((name) => [name, { status: 'granted' }]));
}

function denied(name: HaloProbeName, naming: string) {
  return { [name]: { status: 'denied', message: expect.stringContaining(naming) } };
}

function authenticated(capabilities: HaloCapabilities) {
  if (!hasHaloToken(capabilities)) throw new Error(`Token refused: ${capabilities.token.error.message}`);
  return capabilities;
}

describe('readHaloCapabilities against the HaloPSA simulator', () => {
  let sim: HaloSimulator;

  beforeAll(async () => {
    sim = await startHaloSimulator({ port: 0 });
    sim.seedClients([{ name: 'Acme', sites: ['HQ'] }]);
  });
  afterAll(() => sim.close());
  beforeEach(() => resetSimulator(sim));

  afterEach(() => {
    expect(sim.state.assets.size).toBe(0);
    expect(sim.state.clients.size).toBe(1);
    expect(sim.state.fieldInfos.size).toBe(0);
  });

  it('finds every permission of a full-rights application in 10 requests, writing nothing', async () => {
    const result = authenticated(await readHaloCapabilities(clientFor(sim)));

    expect(result).toEqual({
      token: { ok: true, grantedScopes: ['all'] },
      agent: { name: 'API Agent', isAdmin: true },
      probes: granted(...ALL_PROBES),
      requests: 10,
    });
    const counts = await requestCounts(sim);
    expect(counts.total).toBe(10);
    expect(counts.byPathAndVerb).toEqual({
      'POST /auth/token': 1,
      'GET /api/agent/me': 1,
      'GET /api/client': 1,
      'GET /api/asset': 1,
      'GET /api/assettype': 1,
      'GET /api/fieldinfo': 1,
      'GET /api/custombutton': 1,
      'POST /api/asset': 1,
      'POST /api/client': 1,
      'POST /api/fieldinfo': 1,
    });
  });

  it('asks for a new token even when the client holds one', async () => {
    const client = clientFor(sim);
    await client.authenticate();
    await control(sim, 'PUT', '/application', { allowedScopes: 'read:customers read:assets' });

    const result = authenticated(await readHaloCapabilities(client));
    expect(result.token.grantedScopes).toEqual(['read:customers', 'read:assets']);
    expect(result.requests).toBe(10);
  });

  it('reports a non-admin agent: configuration writes denied, the rest granted', async () => {
    await control(sim, 'PUT', '/agent', { is_admin: false });

    const result = authenticated(await readHaloCapabilities(clientFor(sim)));
    expect(result.agent).toEqual({ name: 'API Agent', isAdmin: false });
    expect(result.probes).toEqual({
      ...granted(...ALL_PROBES.filter((name) => name !== 'configurationWrite')),
      ...denied('configurationWrite', 'not a HaloPSA administrator'),
    });
  });

  it('reports an agent without asset rights: asset probes denied', async () => {
    await control(sim, 'PUT', '/agent', { access: { customers: 'modify', assets: 'none', tickets: 'none' } });

    const { probes } = authenticated(await readHaloCapabilities(clientFor(sim)));
    expect(probes).toMatchObject({ ...denied('assetsRead', 'Assets: read'), ...denied('assetsWrite', 'Assets: modify') });
    expect(probes.customersWrite).toEqual({ status: 'granted' });
  });

  it('reports an application without the asset edit scope', async () => {
    await control(sim, 'PUT', '/application', { allowedScopes: 'edit:customers read:assets' });

    const result = authenticated(await readHaloCapabilities(clientFor(sim)));
    expect(result.token.grantedScopes).toEqual(['edit:customers', 'read:assets']);
    expect(result.probes).toEqual({
      ...granted('customersRead', 'assetsRead', 'assetTypesRead', 'customFieldsRead', 'buttonsRead', 'customersWrite'),
      ...denied('assetsWrite', 'edit:assets'),
      ...denied('configurationWrite', 'admin'),
    });
    expect(result.requests).toBe(10);
  });

  it('reports a forced 403 on one probe as denied', async () => {
    await control(sim, 'PUT', '/forbidden', [{ entity: 'CustomButton', verb: 'GET' }]);

    const { probes } = authenticated(await readHaloCapabilities(clientFor(sim)));
    expect(probes.buttonsRead).toEqual({ status: 'denied', message: expect.stringContaining('403') });
  });

  it('stops at the token when the secret is wrong, naming the application and not the secret', async () => {
    const { clientSecret } = sim.credentials;
    const wrongSecret = `${clientSecret.slice(0, -4)}oops`;

    const result = await readHaloCapabilities(clientFor(sim, { clientSecret: wrongSecret }));

    expect(Object.keys(result).sort()).toEqual(['requests', 'token']);
    expect(result).toMatchObject({ token: { ok: false, error: { kind: 'invalid_client', status: 401 } }, requests: 1 });
    if (hasHaloToken(result)) throw new Error('The token should have been refused');
    expectNoSecret(result.token.error, clientSecret);
    expectNoSecret(result.token.error, wrongSecret);
    expect(JSON.stringify(result)).not.toContain(wrongSecret);
    expect(JSON.stringify(result)).toContain("HaloPSA refused the API application's client ID or secret");
  });

  it('throws a rate limit rather than reporting it as a missing permission', async () => {
    await control(sim, 'PUT', '/rate-limit', { maxRequests: 4, windowSeconds: 300, retryAfterSeconds: 30 });
    await control(sim, 'POST', '/rate-limit/reset');

    await expect(readHaloCapabilities(clientFor(sim))).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
  });
});
