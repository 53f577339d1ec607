import { ActivityFailure, allHandlersFinished, ApplicationFailure, condition, continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { WatchActivities } from '../activities/watch-activities';
import { HEARTBEAT_TIMEOUT } from './heartbeat-timeout';
import { wakeWatcher, WATCH_ENDED } from './sync-messages';

export interface WatchConsoleInput {
  integrationId: string;
  tenantId: string;
  intervalSeconds: number;
  /** Polls per history before continuing as new (about a dozen events each). */
  pollsPerHistory: number;
  /** Poll as soon as started (a new watcher records its baseline at once); absent in older histories. */
  pollAtStart?: boolean;
}

const activities = proxyActivities<WatchActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '2 seconds', maximumInterval: '30 seconds', maximumAttempts: 3 },
});

function ended(error: unknown): boolean {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === WATCH_ENDED;
}

/**
 * watch:<integrationId>. The Console pushes nothing, so this reads it every interval and hands
 * the computers that changed to the sync workflow. A poll that fails is left to the next one;
 * the watcher ends when its integration is removed.
 */
export async function watchConsole(input: WatchConsoleInput): Promise<'integration-gone'> {
  let woken = input.pollAtStart ?? false;
  let intervalSeconds = input.intervalSeconds;
  setHandler(wakeWatcher, () => {
    woken = true;
  });
  const startToStart = patched('watch-interval-start-to-start');
  let lastPollStartedAt = Date.now();
  for (let poll = 0; poll < input.pollsPerHistory; poll++) {
    const waitMs = startToStart ? intervalSeconds * 1_000 - (Date.now() - lastPollStartedAt) : intervalSeconds * 1_000;
    if (!startToStart || (!woken && waitMs > 0)) await condition(() => woken, waitMs);
    woken = false;
    lastPollStartedAt = Date.now();
    try {
      intervalSeconds = (await activities.pollConsoleChanges({ integrationId: input.integrationId, tenantId: input.tenantId })).nextPollSeconds;
    } catch (error) {
      if (ended(error)) return 'integration-gone';
    }
  }
  await condition(allHandlersFinished);
  return continueAsNew<typeof watchConsole>({ ...input, intervalSeconds, pollAtStart: false });
}
