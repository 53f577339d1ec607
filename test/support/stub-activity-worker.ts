import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { startTemporalTestEnv } from './temporal-test-env';

/**
 * The workflow tier's set-up: one real Temporal dev server and one bundle of the product's
 * workflows per test file; each test runs its own worker, on its own task queue, with stub
 * activities, for as long as its body runs.
 */
export class StubActivityWorkers {
  private constructor(
    readonly env: TestWorkflowEnvironment,
    private readonly workflowBundle: WorkflowBundleWithSourceMap,
  ) {}

  static async start(): Promise<StubActivityWorkers> {
    const [env, bundle] = await Promise.all([startTemporalTestEnv(), bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows') })]);
    return new StubActivityWorkers(env, bundle);
  }

  /** Runs `body` with a worker of `activities` polling a fresh task queue, which `body` receives. */
  async run<T>(activities: object, body: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `stub-${Date.now()}-${Math.random().toString(16).slice(2)}`;
    const worker = await Worker.create({ connection: this.env.nativeConnection, taskQueue, workflowBundle: this.workflowBundle, activities });
    return worker.runUntil(() => body(taskQueue));
  }

  async teardown(): Promise<void> {
    await this.env.teardown();
  }
}

/** A workflow started through the test environment's client. */
export type StartedWorkflow = Awaited<ReturnType<TestWorkflowEnvironment['client']['workflow']['start']>>;

/** The file's StubActivityWorkers, started before its tests and torn down after them. */
export function stubActivityWorkersForThisFile(): () => StubActivityWorkers {
  let workers: StubActivityWorkers | undefined;
  beforeAll(async () => {
    workers = await StubActivityWorkers.start();
  });
  afterAll(async () => {
    await workers?.teardown();
  });
  return () => {
    if (!workers) throw new Error('the stub activity workers have not started');
    return workers;
  };
}
