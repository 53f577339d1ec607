import { ApplicationFailure } from '@temporalio/common';
import { waitFor } from '../../dev/wait-for';
import type { BeginRunInput, SyncActivities } from '../../activities/sync-activities';
import { integrationSync, IntegrationSyncInput } from '../../workflows/integration-sync';
import { LAST_SYNC_RUN_STATE } from '../../workflows/search-attributes';
import { computersChanged, queueFullSync, requestFullSync, stopSync, syncProgress } from '../../workflows/sync-messages';
import { syncWorkflowId } from '../../workflows/workflow-ids';
import { WorkflowGateway } from '../../src/temporal/workflow-gateway';
import { StartedWorkflow, stubActivityWorkersForThisFile } from '../support/stub-activity-worker';

interface FinishedRun {
  runId: string;
  error: string | null;
  stopsIntegration: boolean;
}

/**
 * Stub sync activities: a full run plans `fullBatches` batches, a computers run one; each batch
 * (and, when `beginGated`, each run's beginning) waits for the test to let it go when `gated`, so
 * signals can arrive in between.
 */
function stubSync(options: { fullBatches: number; gated?: boolean; beginGated?: boolean; beginFails?: { message: string; type: string } }) {
  const begun: BeginRunInput[] = [];
  const finished: FinishedRun[] = [];
  const remaining = new Map<string, number>();
  const gates: (() => void)[] = [];
  const gate = () => new Promise<void>((resolve) => gates.push(resolve));
  const activities: SyncActivities = {
    async beginSyncRun(input) {
      begun.push(input);
      if (options.beginGated) await gate();
      if (options.beginFails) throw ApplicationFailure.nonRetryable(options.beginFails.message, options.beginFails.type);
      const pending = input.hids ? 1 : options.fullBatches;
      remaining.set(input.runId, pending);
      return { state: 'running', pending };
    },
    async applySyncBatch(input) {
      if (options.gated) await gate();
      const left = (remaining.get(input.runId) ?? 1) - 1;
      remaining.set(input.runId, left);
      return { processed: 1, remaining: left };
    },
    async finishSyncRun(input) {
      finished.push({ runId: input.runId, error: input.error, stopsIntegration: input.stopsIntegration });
      return {};
    },
  };
  const release = async (): Promise<void> => {
    await waitFor('a batch waiting', async () => gates.length > 0, 20_000);
    gates.shift()?.();
  };
  return { activities, begun, finished, release };
}

const baseInput: IntegrationSyncInput = { integrationId: 'i', tenantId: 't', batchSize: 100, idleMinutes: 10, debounceMs: 0, maxHistoryEvents: 10_000 };

/** The sync workflow's queue on a real Temporal server with stub activities. */
describe('sync:<integrationId>', () => {
  const workers = stubActivityWorkersForThisFile();

  async function withSyncWorkflow<T>(stub: ReturnType<typeof stubSync>, input: Partial<IntegrationSyncInput>, body: (handle: StartedWorkflow) => Promise<T>): Promise<T> {
    return workers().run(stub.activities, async (taskQueue) => {
      const handle = await workers().env.client.workflow.start(integrationSync, { taskQueue, workflowId: `sync-${taskQueue}`, args: [{ ...baseInput, ...input }] });
      try {
        return await body(handle);
      } finally {
        await handle.terminate().catch(() => undefined);
      }
    });
  }

  it("runs a manual request queued behind a schedule's as one manual full run", async () => {
    const stub = stubSync({ fullBatches: 1, gated: true });
    await withSyncWorkflow(stub, {}, async (handle) => {
      await handle.signal(requestFullSync, { trigger: 'schedule' });
      await waitFor('the first run', async () => stub.begun.length === 1, 20_000);
      await handle.signal(requestFullSync, { trigger: 'schedule' });
      await handle.signal(requestFullSync, { trigger: 'manual' });
      await stub.release();
      await stub.release();
      await waitFor('two runs finished', async () => stub.finished.length === 2, 20_000);
    });
    expect(stub.begun.map((run) => run.trigger)).toEqual(['schedule', 'manual']);
  });

  it('answers "sync now" with the id of the run it queued, the same for every request until that run begins', async () => {
    const stub = stubSync({ fullBatches: 1, gated: true });
    const ids = await withSyncWorkflow(stub, {}, async (handle) => {
      const first = await handle.executeUpdate(queueFullSync, { args: [{ trigger: 'manual' }] });
      await waitFor('the first run', async () => stub.begun.length === 1, 20_000);
      const second = await handle.executeUpdate(queueFullSync, { args: [{ trigger: 'schedule' }] });
      const third = await handle.executeUpdate(queueFullSync, { args: [{ trigger: 'manual' }] });
      await stub.release();
      await stub.release();
      await waitFor('two runs finished', async () => stub.finished.length === 2, 20_000);
      return [first.runId, second.runId, third.runId];
    });
    expect(stub.begun.map((run) => run.runId)).toEqual([ids[0], ids[1]]);
    expect(ids[2]).toBe(ids[1]);
    expect(ids[1]).not.toBe(ids[0]);
    expect(stub.begun.map((run) => run.trigger)).toEqual(['manual', 'manual']);
  });

  it('answers "sync now" sent with start (update-with-start) with a run id that stays answerable until the run is recorded', async () => {
    const stub = stubSync({ fullBatches: 1, gated: true, beginGated: true });
    const integration = { id: `int-${Date.now()}`, tenantId: 't' };
    const { first, second, third, beginning, queued } = await workers().run(stub.activities, async (taskQueue) => {
      const gateway = new WorkflowGateway(workers().env.client, { taskQueue, maxHistoryEvents: 10_000, batchSize: 100 });
      const handle = workers().env.client.workflow.getHandle(syncWorkflowId(integration.id));
      try {
        const first = await gateway.queueFull(integration, 'manual', 20_000);
        await waitFor('the first run to begin', async () => stub.begun.length === 1, 20_000);
        const beginning = (await handle.query(syncProgress)).queued;
        const second = await gateway.queueFull(integration, 'manual', 20_000);
        const third = await gateway.queueFull(integration, 'manual', 20_000);
        const queued = (await handle.query(syncProgress)).queued;
        for (let gates = 4; gates > 0; gates--) await stub.release();
        await waitFor('two runs finished', async () => stub.finished.length === 2, 20_000);
        return { first, second, third, beginning, queued };
      } finally {
        await handle.terminate().catch(() => undefined);
      }
    });
    expect(first).toEqual({ workflowId: syncWorkflowId(integration.id), runId: stub.begun[0].runId });
    // Taken from the queue, its record not yet written: still answered as the run to follow.
    expect(beginning).toMatchObject({ full: false, fullRunId: null, beginningRunId: first.runId });
    expect(second.runId).not.toBe(first.runId);
    expect(third.runId).toBe(second.runId);
    expect(queued).toMatchObject({ full: true, fullRunId: second.runId, beginningRunId: first.runId });
    expect(stub.begun.map((run) => [run.runId, run.trigger])).toEqual([[first.runId, 'manual'], [second.runId, 'manual']]);
  });

  it('syncs computers named during a full run between its batches, replacing what it planned for them', async () => {
    const stub = stubSync({ fullBatches: 3, gated: true });
    await withSyncWorkflow(stub, {}, async (handle) => {
      await handle.signal(requestFullSync, { trigger: 'manual' });
      await waitFor('the full run', async () => stub.begun.length === 1, 20_000);
      await handle.signal(computersChanged, { hids: ['b', 'a'] });
      await stub.release();
      await waitFor('the event run', async () => stub.begun.length === 2, 20_000);
      await stub.release();
      await stub.release();
      await stub.release();
      await waitFor('both runs finished', async () => stub.finished.length === 2, 20_000);
    });
    const [full, event] = stub.begun;
    expect(event).toMatchObject({ trigger: 'event', hids: ['a', 'b'], supersedes: full.runId });
    expect(stub.finished.map((run) => run.runId)).toEqual([event.runId, full.runId]);
  });

  it('stops after the current batch when asked, recording the run as stopped', async () => {
    const stub = stubSync({ fullBatches: 5, gated: true });
    await withSyncWorkflow(stub, {}, async (handle) => {
      await handle.signal(requestFullSync, { trigger: 'manual' });
      await waitFor('the full run', async () => stub.begun.length === 1, 20_000);
      await handle.signal(stopSync);
      await stub.release();
      await handle.result();
    });
    expect(stub.finished).toEqual([{ runId: stub.begun[0].runId, error: 'stopped: the integration is being removed', stopsIntegration: false }]);
  });

  it('fails the run, not the workflow, when planning fails, and stops the integration only for refused credentials', async () => {
    const refused = stubSync({ fullBatches: 1, beginFails: { message: 'HaloPSA refused the credentials', type: 'Halo_invalid_client' } });
    const lastRunState = await withSyncWorkflow(refused, {}, async (handle) => {
      await handle.signal(requestFullSync, { trigger: 'manual' });
      await waitFor('the run recorded', async () => refused.finished.length === 1, 20_000);
      let state: unknown;
      await waitFor('the search attribute', async () => (state = (await handle.describe()).typedSearchAttributes.get(LAST_SYNC_RUN_STATE)) !== undefined, 20_000);
      return state;
    });
    expect(lastRunState).toBe('failed');
    expect(refused.finished[0]).toMatchObject({ error: 'HaloPSA refused the credentials', stopsIntegration: true });

    const consoleDown = stubSync({ fullBatches: 1, beginFails: { message: 'The Console refused the login', type: 'Console_auth' } });
    await withSyncWorkflow(consoleDown, {}, async (handle) => {
      await handle.signal(requestFullSync, { trigger: 'manual' });
      await waitFor('the run recorded', async () => consoleDown.finished.length === 1, 20_000);
      await handle.signal(requestFullSync, { trigger: 'manual' });
      await waitFor('the next run recorded', async () => consoleDown.finished.length === 2, 20_000);
    });
    expect(consoleDown.finished.map((run) => run.stopsIntegration)).toEqual([false, false]);
  });

  it('continues as new past its history limit, carrying what is queued', async () => {
    const stub = stubSync({ fullBatches: 1, gated: true });
    await withSyncWorkflow(stub, { maxHistoryEvents: 1 }, async (handle) => {
      await handle.signal(requestFullSync, { trigger: 'schedule' });
      await waitFor('the first run', async () => stub.begun.length === 1, 20_000);
      await handle.signal(computersChanged, { hids: ['c'] });
      await stub.release();
      await waitFor('the carried-over run', async () => stub.begun.length === 2, 20_000);
      await stub.release();
      await waitFor('both runs finished', async () => stub.finished.length === 2, 20_000);
      const first = await workers().env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId, { followRuns: false }).describe();
      expect(first.status.name).toBe('CONTINUED_AS_NEW');
    });
    expect(stub.begun[1]).toMatchObject({ trigger: 'event', hids: ['c'] });
  });

  it('ends by itself when idle', async () => {
    const stub = stubSync({ fullBatches: 1 });
    await withSyncWorkflow(stub, { idleMinutes: 0.05 }, async (handle) => {
      await handle.result();
    });
    expect(stub.begun).toEqual([]);
  });
});
