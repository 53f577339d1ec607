import { setTimeout as sleep } from 'node:timers/promises';
import { temporal as temporal_api } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { waitFor } from '../../dev/wait-for';
import type { WatchActivities, WatchPollResult } from '../../activities/watch-activities';
import { watchConsole } from '../../workflows/watch-console';
import { wakeWatcher } from '../../workflows/sync-messages';
import { startTemporalTestEnv } from '../support/temporal-test-env';

const POLL_SECONDS = 1.5;
const INTERVAL_SECONDS = 3;

/** The watcher's rhythm, on a real Temporal server with a stub poll that takes POLL_SECONDS. */
describe('watch:<integrationId>', () => {
  let env: TestWorkflowEnvironment;
  let polls = 0;
  const stubActivities: WatchActivities = {
    async pollConsoleChanges(): Promise<WatchPollResult> {
      polls++;
      await sleep(POLL_SECONDS * 1_000);
      return { nextPollSeconds: INTERVAL_SECONDS, changed: 0, outcome: 'unchanged' };
    },
  };

  beforeAll(async () => {
    env = await startTemporalTestEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('counts the interval from the start of one poll to the start of the next', async () => {
    const taskQueue = `watch-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: stubActivities,
    });
    const history = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(watchConsole, {
        taskQueue,
        workflowId: `watch-${taskQueue}`,
        args: [{ integrationId: 'i', tenantId: 't', intervalSeconds: INTERVAL_SECONDS, pollsPerHistory: 3, pollAtStart: true }],
      });
      const firstRun = env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId, { followRuns: false });
      await firstRun.result().catch(() => undefined);
      await handle.terminate();
      return firstRun.fetchHistory();
    });

    const timers = (history.events ?? []).flatMap((event) => (event.timerStartedEventAttributes ? [event.timerStartedEventAttributes] : []));
    const timerSeconds = timers.map((timer) => Number(timer.startToFireTimeout?.seconds ?? 0) + (timer.startToFireTimeout?.nanos ?? 0) / 1e9);
    expect(timerSeconds).toHaveLength(2);
    for (const seconds of timerSeconds) expect(seconds).toBeLessThanOrEqual(INTERVAL_SECONDS - POLL_SECONDS);
    const ended = history.events?.at(-1)?.eventType;
    expect(ended).toBe(temporal_api.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  });

  it('polls at once when woken, whatever is left of its interval', async () => {
    const taskQueue = `watch-wake-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: stubActivities,
    });
    polls = 0;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(watchConsole, {
        taskQueue,
        workflowId: `watch-${taskQueue}`,
        args: [{ integrationId: 'i', tenantId: 't', intervalSeconds: 3600, pollsPerHistory: 2, pollAtStart: false }],
      });
      await handle.signal(wakeWatcher);
      await waitFor('the first poll', async () => polls === 1, 10_000);
      await handle.signal(wakeWatcher);
      await env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId, { followRuns: false }).result().catch(() => undefined);
      await handle.terminate();
    });
    expect(polls).toBe(2);
  });
});
