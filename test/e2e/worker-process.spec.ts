import { temporal as temporal_api } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { waitFor } from '../../dev/wait-for';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { productSecretsEnv } from '../support/product-env';
import { startProductProcess } from '../support/product-process';
import { startTemporalTestEnv } from '../support/temporal-test-env';

describe('the worker process', () => {
  let temporal: TestWorkflowEnvironment;
  let database: TestDatabase;

  beforeAll(async () => {
    [temporal, database] = await Promise.all([startTemporalTestEnv(), createTestDatabase()]);
  });

  afterAll(async () => {
    await temporal?.teardown();
    await database?.drop();
  });

  it('polls its task queue, and on SIGTERM drains and exits 0', async () => {
    const taskQueue = `worker-e2e-${Date.now()}`;
    const worker = startProductProcess('worker', {
      ...productSecretsEnv(),
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporal.connection.options.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
    });
    await worker.waitForOutput(/"state":"RUNNING"/);

    await waitFor('a poller on the task queue', async () => {
      const described = await temporal.client.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: taskQueue },
        taskQueueType: temporal_api.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      return (described.pollers ?? []).length > 0;
    }, 30_000);
    expect(await worker.stop('SIGTERM')).toBe(0);
    expect(worker.output()).toMatch(/"state":"DRAINED"/);
    expect(worker.output()).toMatch(/worker stopped/);
  });
});
