import { waitFor } from '../../dev/wait-for';
import { assetsHoldingComputerId } from '../../simulators/halo/state/computer-id-assets';
import { simulatorControl } from '../support/simulator-control';
import { ProductStack, startProductStack } from '../support/product-stack';
import { inspectEndState, syncFigures } from './support/end-state';
import { connectAndMapEverything, MappedIntegration } from './support/fault-journey';
import { FAULT_SCALE, scenarioRandom } from './support/fault-suite-settings';
import { printFaultSummary } from './support/fault-summary';
import { requestSync, runIds, settledManualRun, syncNowAndSettle, workOf } from './support/sync-runs';

const SETTLE_MS = FAULT_SCALE.settleMs;
jest.setTimeout(3 * SETTLE_MS);

describe(`Temporal and PostgreSQL restarted during a ${FAULT_SCALE.computers}-computer initial sync`, () => {
  let stack: ProductStack;
  let journey: MappedIntegration;

  beforeAll(async () => {
    stack = await startProductStack({
      companies: FAULT_SCALE.companies,
      computers: FAULT_SCALE.computers,
      infrastructure: 'restartable',
      env: { HALO_WRITE_BATCH_SIZE: '25' },
    });
    journey = await connectAndMapEverything(stack);
    await simulatorControl(stack.halo.url, 'PUT', '/faults', { latencyMs: 100, latencyRate: 1 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('completes the run, with one asset per computer and every link recorded, and the processes ride it out', async () => {
    const random = scenarioRandom('infrastructure-restarts');
    const licensed = stack.dataset.console.computers.filter((c) => c.License?.Granted).length;
    const restarts = [
      { name: 'temporal restart', at: 0.1 + random.next() * 0.3, restart: (downMs: number) => stack.restart!.temporal(downMs) },
      { name: 'postgres restart', at: 0.5 + random.next() * 0.3, restart: (downMs: number) => stack.restart!.postgres(downMs) },
    ];
    const before = await runIds(stack, journey.integrationId);
    await requestSync(journey);
    for (const { name, at, restart } of restarts) {
      await waitFor(`${Math.round(at * 100)} % of the assets written before the ${name}`, async () => assetsHoldingComputerId(stack.halo.state) >= at * licensed, SETTLE_MS, 25);
      await restart(random.int(1_000, 5_000));
    }
    await settledManualRun(stack, journey.integrationId, before, SETTLE_MS);
    const followUp = await syncNowAndSettle(stack, journey, SETTLE_MS);

    const end = await inspectEndState(stack, journey);
    printFaultSummary(`Temporal and PostgreSQL restarted during a ${FAULT_SCALE.computers}-computer initial sync`, syncFigures(end, { faultsInjected: Object.fromEntries(restarts.map((r) => [r.name, 1])) }));
    expect(end).toMatchObject({ duplicates: [], lost: [], unfinishedRuns: [] });
    // Nothing left to repair: a clean re-sync completes without writing or failing anything.
    expect({ state: followUp.state, work: workOf(followUp) }).toEqual({ state: 'completed', work: {} });
    expect({ api: stack.api.child.exitCode, worker: stack.worker.child.exitCode }).toEqual({ api: null, worker: null });
  });
});
