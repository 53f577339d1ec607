import { HaloSimulator, startHaloSimulator } from '../../../simulators/halo/halo-simulator';
import { callApi, control, requestToken } from '../../../simulators/halo/testing/halo-test-client';

describe('HaloPSA simulator: names Halo does not declare', () => {
  let sim: HaloSimulator;
  const undeclared = async () => (await control<{ undeclared: Record<string, string[]> }>(sim, 'GET', '/counters')).undeclared;

  beforeAll(async () => {
    sim = await startHaloSimulator();
  });
  afterAll(() => sim.close());

  it('records them per operation at GET /_sim/counters, and keeps them through a reset of the counters', async () => {
    const token = await requestToken(sim);
    await callApi(sim, token, 'GET', '/Asset?client_id=1&includeassetfields=true&include_custom_fields=7');
    await callApi(sim, token, 'GET', '/asset/99?includedetails=true');
    await callApi(sim, token, 'POST', '/CustomButton', [{ name: 'b', label: 'B', url: 'https://x', usage: 5, msid: 0, colour: 'red' }]);
    expect(await undeclared()).toEqual({ 'GET /Asset': ['query:include_custom_fields'], 'POST /CustomButton': ['body:colour'] });
    expect(sim.undeclared.snapshot()).toEqual(await undeclared());

    const before = await undeclared();
    await control(sim, 'POST', '/counters/reset');
    expect(await undeclared()).toEqual(before);
    sim.undeclared.reset();
    expect(await undeclared()).toEqual({});
  });

  it('records what was sent even when the request is refused', async () => {
    await callApi(sim, undefined, 'GET', '/Client?nonsense=1');
    expect(await undeclared()).toEqual({ 'GET /Client': ['query:nonsense'] });
  });
});
