import { allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { WatchActivities } from '../activities/watch-activities';
import { WATCHER_POLL } from './activity-options';
import { activityFailureCause } from './failures';
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

const activities = proxyActivities<WatchActivities>(WATCHER_POLL);

function ended(error: unknown): boolean {
  return activityFailureCause(error)?.type === WATCH_ENDED;
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
