import { waitFor } from '../../dev/wait-for';
import { assetsHoldingComputerId } from '../../simulators/halo/state/computer-id-assets';
import { simulatorControl } from '../support/simulator-control';
import { ProductStack, startProductStack } from '../support/product-stack';
import { killAndReplaceWorker } from '../support/worker-restart';
import { inspectEndState, syncFigures } from './support/end-state';
import { connectAndMapEverything, MappedIntegration } from './support/fault-journey';
import { FAULT_SCALE, scenarioRandom } from './support/fault-suite-settings';
import { printFaultSummary } from './support/fault-summary';
import { inspectRemoval, removalFigures, removalView, RemovalView } from './support/removal-end-state';
import { allRunsFinished, requestSync, runIds, settledManualRun, syncNowAndSettle, workOf } from './support/sync-runs';

const SETTLE_MS = FAULT_SCALE.settleMs;
jest.setTimeout(3 * SETTLE_MS);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`the worker killed at ${FAULT_SCALE.syncKills} seeded points of a ${FAULT_SCALE.computers}-computer initial sync, and at ${FAULT_SCALE.removalKills} of a removal`, () => {
  let stack: ProductStack;
  let journey: MappedIntegration;

  beforeAll(async () => {
    // Small batches and a slow HaloPSA: the run lasts long enough for kills to land in every phase.
    stack = await startProductStack({ companies: FAULT_SCALE.companies, computers: FAULT_SCALE.computers, env: { HALO_WRITE_BATCH_SIZE: '25' } });
    journey = await connectAndMapEverything(stack);
    await simulatorControl(stack.halo.url, 'PUT', '/faults', { latencyMs: 100, latencyRate: 1 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('ends with one asset per computer, every link recorded and every run finished', async () => {
    const random = scenarioRandom('worker-kills-sync');
    const licensed = stack.dataset.console.computers.filter((c) => c.License?.Granted).length;
    // Fractions of the licensed computers written when each kill lands (0: while the run plans).
    const points = Array.from({ length: FAULT_SCALE.syncKills }, () => random.next() * 0.9).sort((a, b) => a - b);
    const before = await runIds(stack, journey.integrationId);
    await requestSync(journey);
    for (const point of points) {
      await waitFor(`${Math.round(point * 100)} % of the assets written`, async () => assetsHoldingComputerId(stack.halo.state) >= point * licensed, SETTLE_MS, 25);
      await sleep(random.int(0, 400));
      await killAndReplaceWorker(stack);
    }
    await settledManualRun(stack, journey.integrationId, before, SETTLE_MS);
    const followUp = await syncNowAndSettle(stack, journey, SETTLE_MS);

    const end = await inspectEndState(stack, journey);
    printFaultSummary(`worker killed during a ${FAULT_SCALE.computers}-computer initial sync`, syncFigures(end, { faultsInjected: { 'worker kill': points.length } }));
    expect(end.expected).toBeGreaterThan(FAULT_SCALE.computers / 2);
    expect(end).toMatchObject({ duplicates: [], lost: [], unfinishedRuns: [] });
    // Nothing left to repair: a clean re-sync completes without writing or failing anything.
    expect({ state: followUp.state, work: workOf(followUp) }).toEqual({ state: 'completed', work: {} });
  });

  it('finishes the removal with every step done and every asset left in place', async () => {
    const random = scenarioRandom('worker-kills-removal');
    await allRunsFinished(stack, journey.integrationId, SETTLE_MS);
    const assetIds = stack.halo.state.assets.all().map((asset) => asset.id);
    const started = await journey.api<RemovalView>('DELETE', '/api/v1/halopsa');
    expect(started.status).toBe(202);
    // Each kill lands a seeded moment after a seeded number of steps is done.
    const afterSteps = Array.from({ length: FAULT_SCALE.removalKills }, () => random.int(0, 5)).sort((a, b) => a - b);
    let kills = 0;
    for (const steps of afterSteps) {
      let view: RemovalView | undefined;
      await waitFor(`${steps} removal steps done`, async () => {
        view = await removalView(journey);
        return view.state !== 'removing' || view.steps.filter((step) => step.outcome === 'done').length >= steps;
      }, SETTLE_MS, 750);
      if (view!.state !== 'removing') break;
      await sleep(random.int(0, 300));
      await killAndReplaceWorker(stack);
      kills += 1;
    }
    const end = await inspectRemoval(stack, journey, assetIds, SETTLE_MS);
    printFaultSummary('worker killed during a removal', removalFigures(end, assetIds.length, { faultsInjected: { 'worker kill': kills } }));
    expect(end).toMatchObject({ state: 'removed', stepsNotDone: [], openActions: 0, buttons: 0, fields: 0, integrationRows: 0, assetsLost: 0, assetsAdded: 0 });
    expect(kills).toBeGreaterThanOrEqual(Math.ceil(FAULT_SCALE.removalKills / 2));
  });
});
