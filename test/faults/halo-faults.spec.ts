import { simulatorControl } from '../support/simulator-control';
import { ProductStack, startProductStack } from '../support/product-stack';
import { inspectEndState, syncFigures } from './support/end-state';
import { connectAndMapEverything, MappedIntegration } from './support/fault-journey';
import { FAULT_SCALE, FAULT_SEED } from './support/fault-suite-settings';
import { InjectedFaults, printFaultSummary } from './support/fault-summary';
import { inspectRemoval, removalFigures } from './support/removal-end-state';
import { allRunsFinished, syncNowAndSettle, workOf } from './support/sync-runs';

const SETTLE_MS = FAULT_SCALE.settleMs;
jest.setTimeout(3 * SETTLE_MS);

/** 10 % of HaloPSA requests each: refused with 429, answered 503, cut off, or (writes) applied with the answer lost. */
const TEN_PERCENT_OF_EACH = { serverErrorRate: 0.1, dropConnectionRate: 0.1, rateLimitRate: 0.1, lostResponseRate: 0.1 };

describe(`HaloPSA failing 10 % of requests in each way, during a ${FAULT_SCALE.computers}-computer sync and a removal`, () => {
  let stack: ProductStack;
  let journey: MappedIntegration;

  const haloSim = <T>(method: string, path: string, body?: unknown) => simulatorControl<T>(stack.halo.url, method, path, body);
  const injected = () => haloSim<InjectedFaults>('GET', '/counters');
  const underFaults = async <T>(work: () => Promise<T>): Promise<{ result: T; faults: InjectedFaults }> => {
    await haloSim('POST', '/counters/reset');
    await haloSim('PUT', '/faults', { seed: FAULT_SEED, latencyMs: 20, latencyRate: 1, ...TEN_PERCENT_OF_EACH });
    try {
      const result = await work();
      return { result, faults: await injected() };
    } finally {
      await haloSim('DELETE', '/faults');
    }
  };

  beforeAll(async () => {
    stack = await startProductStack({ companies: FAULT_SCALE.companies, computers: FAULT_SCALE.computers, env: { HALO_WRITE_BATCH_SIZE: '25' } });
    journey = await connectAndMapEverything(stack);
    // Real HaloPSA sends no Retry-After, so each 429 would hold its activity a minute or more (that
    // fallback has its own unit tests); asking for 1 s keeps the suite short and still exercises the waits.
    await haloSim('PUT', '/rate-limit', { retryAfterSeconds: 1 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('completes the sync with one asset per computer, every link recorded and every run finished', async () => {
    const { faults } = await underFaults(() => syncNowAndSettle(stack, journey, SETTLE_MS));
    const followUp = await syncNowAndSettle(stack, journey, SETTLE_MS);

    const end = await inspectEndState(stack, journey);
    printFaultSummary(`HaloPSA faults during a ${FAULT_SCALE.computers}-computer initial sync`, syncFigures(end, faults));
    expect(Object.values(faults.faultsInjected).every((n) => n > 0)).toBe(true);
    expect(end).toMatchObject({ duplicates: [], lost: [], unfinishedRuns: [] });
    // Nothing left to repair: a clean re-sync completes without writing or failing anything.
    expect({ state: followUp.state, work: workOf(followUp) }).toEqual({ state: 'completed', work: {} });
  });

  it('finishes the removal with every step done and every asset left in place', async () => {
    await allRunsFinished(stack, journey.integrationId, SETTLE_MS);
    const assetIds = stack.halo.state.assets.all().map((asset) => asset.id);
    const { result: end, faults } = await underFaults(async () => {
      const started = await journey.api('DELETE', '/api/v1/halopsa');
      expect(started.status).toBe(202);
      return inspectRemoval(stack, journey, assetIds, SETTLE_MS);
    });
    printFaultSummary('HaloPSA faults during a removal', removalFigures(end, assetIds.length, faults));
    expect(Object.values(faults.faultsInjected).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    expect(end).toMatchObject({ state: 'removed', stepsNotDone: [], openActions: 0, buttons: 0, fields: 0, integrationRows: 0, assetsLost: 0, assetsAdded: 0 });
  });
});
