import { assetIdsByComputerId, assetsHoldingComputerId, computerIdsWithSeveralAssets } from '../simulators/halo/state/computer-id-assets';
import type { SimulatorProfile } from '../simulators/profile';
import { syncWorkflowId, watcherWorkflowId } from '../workflows/workflow-ids';
import { SeededRandom } from '../simulators/shared/seeded-random';
import { pollUntil, simControl, sleep } from './bench-http';
import type { BenchStack } from './bench-stack';
import type { MappingSummary, Tenant } from './journey';
import {
  describeRaw,
  haloCounters,
  historyGrowth,
  historyLengths,
  memoryOf,
  percentile,
  RequestSummary,
  seconds,
  summariseRequests,
  templatedPaths,
} from './measure';

/** Plan actions that write one asset element to HaloPSA (an unlink writes nothing). */
const WRITE_ACTIONS = ['create', 'update', 'move', 'retire', 'reactivate'] as const;
const UPDATE_ACTIONS = WRITE_ACTIONS.filter((action) => action !== 'create');
/** HaloClient's list page size: one GET reads up to this many assets. */
const HALO_PAGE_SIZE = 500;

export interface PhaseContext {
  stack: BenchStack;
  tenant: Tenant;
  mapping: MappingSummary;
  batchSize: number;
  timeoutMs: number;
  refusals: { value(): number; reset(): void };
  /** `strict`: HaloPSA may replace a posted list, so a read before each update is part of the minimal count. */
  profile: SimulatorProfile;
  log: (line: string) => void;
}

export interface RunView {
  runId: string;
  trigger: string;
  scope: string;
  state: string;
  deepCheck: boolean;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number>;
  error: string | null;
}

export interface PhaseReport {
  completed: boolean;
  /** Why the phase did not complete (a timeout, a failed run). */
  problem?: string;
  wallSeconds: number;
  runs: (Pick<RunView, 'runId' | 'trigger' | 'state' | 'deepCheck' | 'counts' | 'error'> & { runSeconds: number | null })[];
  /** Asset elements written (created, updated, moved, retired, reactivated) by the phase's runs. */
  assetElementsWritten: number;
  haloRequests: RequestSummary;
  consoleRequests: { total: number; byPathAndVerb: Record<string, number> };
  minimalRequests: { readsNeeded: number; writes: number; total: number; ratio: number | null; readsCounted: Record<string, number>; note?: string };
  temporal: { workflowId: string; historyEvents: number; executions: { runId: string; before: number; after: number }[] };
  duplicates: { createdMoreThanOnceInPhase: number; computerIdsWithMoreThanOneAsset: number; examples: string[] };
  worker: { peakRssMB: number | null; rssMB: number | null };
  /** HaloPSA's limiter when the phase began: settings (never lowered) and requests already in the window. */
  haloRateLimitAtStart: { maxRequests: number; windowSeconds: number; retryAfterSeconds?: number; usage: Record<string, number> };
}

const syncWorkflowOf = (ctx: PhaseContext): string => syncWorkflowId(ctx.tenant.integrationId);
/** How often the run list is read: the API allows an API key 120 requests a minute (2 a second, refilled evenly). */
const POLL_MS = 500;
/** TEMPORAL_NAMESPACE is left at its default. */
const NAMESPACE = 'default';

async function runs(ctx: PhaseContext): Promise<RunView[]> {
  return (await ctx.tenant.api.ok<{ items: RunView[] }>('GET', '/api/v1/halopsa/sync-runs?pageSize=100')).items;
}

/**
 * The fewest GETs a deep check can make: one paged listing (500 a page) of the assets that hold a
 * computer id, i.e. the assets the service linked. 0 when none exists (nothing to compare).
 */
export function deepCheckPages(ctx: PhaseContext): number {
  return Math.ceil(assetsHoldingComputerId(ctx.stack.simulators.haloSimulator.state) / HALO_PAGE_SIZE);
}

/** Waits until the sync workflow's history stops growing (its last tasks after a run), at most 10 s. */
async function settle(ctx: PhaseContext): Promise<void> {
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const lengths = await historyLengths(ctx.stack.temporal.connection, NAMESPACE, syncWorkflowOf(ctx));
    const total = [...lengths.values()].reduce((a, b) => a + b, 0);
    if (total === last) return;
    last = total;
    await sleep(500);
  }
}

/**
 * Runs one phase between counter resets and takes every measurement around it. `body` answers
 * the runs it waited for (or a problem); the rest is measured here the same way for every phase.
 */
export async function measuredPhase(
  ctx: PhaseContext,
  name: string,
  body: () => Promise<{ runs: RunView[]; problem?: string; wallMs?: number }>,
): Promise<PhaseReport> {
  const { stack } = ctx;
  const haloUrl = stack.simulators.haloUrl;
  const consoleUrl = stack.simulators.consoleUrl;
  const rateLimitAtStart = await simControl<PhaseReport['haloRateLimitAtStart']>(haloUrl, 'GET', '/rate-limit');
  if (rateLimitAtStart.maxRequests !== 300 || rateLimitAtStart.windowSeconds !== 300) {
    throw new Error(`HaloPSA's rate limit is not the real one at ${name}: ${JSON.stringify(rateLimitAtStart)}`);
  }
  const deepCheckPagesBefore = deepCheckPages(ctx);
  await simControl(haloUrl, 'POST', '/counters/reset');
  await simControl(consoleUrl, 'POST', '/counters/reset');
  ctx.refusals.reset();
  const historyBefore = await historyLengths(stack.temporal.connection, NAMESPACE, syncWorkflowOf(ctx));
  ctx.log(`${name}: started (HaloPSA window already holds ${Object.values(rateLimitAtStart.usage).reduce((a, b) => a + b, 0)} requests)`);
  const started = Date.now();
  const outcome = await body();
  const wallMs = outcome.wallMs ?? Date.now() - started;
  await settle(ctx);
  const historyAfter = await historyLengths(stack.temporal.connection, NAMESPACE, syncWorkflowOf(ctx));
  const counters = await haloCounters(haloUrl);
  const consoleRaw = await simControl<{ total: number; byPathAndVerb: Record<string, number> }>(consoleUrl, 'GET', '/counters');
  const consoleCounters = { total: consoleRaw.total, byPathAndVerb: templatedPaths(consoleRaw.byPathAndVerb) };
  const haloRequests = summariseRequests(counters, ctx.refusals.value());
  const heldTwice = computerIdsWithSeveralAssets(stack.simulators.haloSimulator.state);
  // Creates counted per value of the computer-id custom field only (the simulator counts every custom field).
  const createdTwice = Object.entries(counters.assetCreatesByCustomFieldValue)
    .filter(([field]) => field.toLowerCase() === 'cfconsolecomputerid')
    .flatMap(([, perValue]) => Object.entries(perValue).filter(([, n]) => n > 1).map(([value]) => value));

  const written = (run: RunView): number => WRITE_ACTIONS.reduce((sum, action) => sum + (run.counts?.[action] ?? 0), 0);
  const writingRuns = outcome.runs.filter((run) => written(run) > 0);
  const elements = outcome.runs.reduce((sum, run) => sum + written(run), 0);
  const readsCounted = {
    tokenRequests: Math.min(1, counters.requests.byPathAndVerb['POST /auth/token'] ?? 0),
    assetTypeListPerWritingRun: writingRuns.length,
    deepCheckPages: outcome.runs.some((run) => run.deepCheck) ? deepCheckPagesBefore : 0,
    assetReadsBeforeUpdate: ctx.profile === 'strict' ? outcome.runs.reduce((sum, run) => sum + UPDATE_ACTIONS.reduce((n, action) => n + (run.counts?.[action] ?? 0), 0), 0) : 0,
  };
  const readsNeeded = Object.values(readsCounted).reduce((a, b) => a + b, 0);
  const writes = writingRuns.reduce((sum, run) => sum + Math.ceil(written(run) / ctx.batchSize), 0);
  const minimal = readsNeeded + writes;

  const report: PhaseReport = {
    completed: outcome.problem === undefined,
    ...(outcome.problem === undefined ? {} : { problem: outcome.problem }),
    wallSeconds: seconds(wallMs),
    runs: outcome.runs.map((run) => ({
      runId: run.runId,
      trigger: run.trigger,
      state: run.state,
      deepCheck: run.deepCheck,
      counts: run.counts,
      error: run.error,
      runSeconds: run.finishedAt ? seconds(new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()) : null,
    })),
    assetElementsWritten: elements,
    haloRequests,
    consoleRequests: consoleCounters,
    minimalRequests: { readsNeeded, writes, total: minimal, ratio: minimal > 0 ? Math.round((haloRequests.total / minimal) * 100) / 100 : null, readsCounted },
    temporal: (({ events, executions }) => ({ workflowId: syncWorkflowOf(ctx), historyEvents: events, executions }))(historyGrowth(historyBefore, historyAfter)),
    duplicates: {
      createdMoreThanOnceInPhase: createdTwice.length,
      computerIdsWithMoreThanOneAsset: heldTwice.length,
      examples: [...createdTwice, ...heldTwice].slice(0, 5),
    },
    worker: await memoryOf(stack.worker.pid),
    haloRateLimitAtStart: rateLimitAtStart,
  };
  ctx.log(`${name}: ${report.completed ? 'done' : `NOT completed (${report.problem})`} in ${report.wallSeconds} s; HaloPSA ${haloRequests.total} requests (${haloRequests.refused429} refused 429), minimal ${minimal}; history +${report.temporal.historyEvents}; worker peak ${report.worker.peakRssMB} MB`);
  return report;
}

/** What the sync workflow is doing now: pending activities with their attempt and last failure (for a run that does not finish). */
export async function syncWorkflowDiagnostics(ctx: PhaseContext): Promise<unknown> {
  try {
    const description = await describeRaw(ctx.stack.temporal.connection, NAMESPACE, syncWorkflowOf(ctx));
    if (!description) return { error: 'no sync workflow' };
    return {
      status: ['UNSPECIFIED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'][Number(description.workflowExecutionInfo?.status ?? 0)] ?? 'UNKNOWN',
      historyLength: Number(description.workflowExecutionInfo?.historyLength ?? 0),
      pendingActivities: (description.pendingActivities ?? []).map((a) => ({
        activity: a.activityType?.name,
        attempt: a.attempt,
        state: ['UNSPECIFIED', 'SCHEDULED', 'STARTED', 'CANCEL_REQUESTED', 'PAUSED', 'PAUSE_REQUESTED'][Number(a.state ?? 0)] ?? 'UNKNOWN',
        nextAttemptScheduleTime: a.nextAttemptScheduleTime?.seconds ? new Date(Number(a.nextAttemptScheduleTime.seconds) * 1000).toISOString() : undefined,
        lastFailure: a.lastFailure?.message?.slice(0, 300),
        lastFailureType: a.lastFailure?.applicationFailureInfo?.type,
      })),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Why the product cannot finish a run any more: its API or worker process has ended. */
function productProcessEnded(ctx: PhaseContext): string | undefined {
  for (const [kind, child] of [['worker', ctx.stack.worker], ['API', ctx.stack.api]] as const) {
    const ended = child.ended();
    if (ended) return `the ${kind} process ${ended}; see ${child.logFile}`;
  }
  return undefined;
}

/** "Sync now", then waits for that manual run to finish (bounded, and no longer than the product's processes live). */
export async function syncNowAndWait(ctx: PhaseContext): Promise<{ runs: RunView[]; problem?: string }> {
  const known = new Set((await runs(ctx)).map((r) => r.runId));
  await ctx.tenant.api.ok('POST', '/api/v1/halopsa/sync', undefined, [202]);
  let lastSeen: RunView | undefined;
  let lastLog = Date.now();
  let ended: string | undefined;
  const finished = await pollUntil(
    async () => {
      ended = productProcessEnded(ctx);
      if (ended) return 'ended';
      const run = (await runs(ctx)).find((r) => !known.has(r.runId) && r.trigger === 'manual');
      lastSeen = run;
      if (Date.now() - lastLog > 30_000) {
        lastLog = Date.now();
        ctx.log(`  manual run ${run ? `${run.state}, counts ${JSON.stringify(run.counts)}` : 'not begun yet'}; HaloPSA 429s so far ${ctx.refusals.value()}`);
      }
      return run && run.state !== 'running' ? run : undefined;
    },
    ctx.timeoutMs,
    POLL_MS,
  );
  if (!finished || finished === 'ended') {
    return { runs: lastSeen ? [lastSeen] : [], problem: ended ?? `the manual run did not finish within ${seconds(ctx.timeoutMs)} s` };
  }
  return { runs: [finished], ...(finished.state === 'completed' ? {} : { problem: `the run ended ${finished.state}: ${finished.error}` }) };
}

/** Per-computer record of a run, summed: action/outcome/reason → count. */
export async function runBreakdown(ctx: PhaseContext, runId: string): Promise<Record<string, number>> {
  const breakdown: Record<string, number> = {};
  for (let page = 1; page <= 1_000; page++) {
    const detail = await ctx.tenant.api.ok<{ items: { total: number; items: { action: string; outcome: string; reason: string | null }[] } }>(
      'GET',
      `/api/v1/halopsa/sync-runs/${runId}?page=${page}&pageSize=500`,
    );
    for (const item of detail.items.items) {
      const key = `${item.action}/${item.outcome}${item.reason ? `/${item.reason}` : ''}`;
      breakdown[key] = (breakdown[key] ?? 0) + 1;
    }
    if (page * 500 >= detail.items.total) break;
  }
  return breakdown;
}

export interface ChurnPlan {
  renamed: string[];
  moved: string[];
  deleted: string[];
  created: string[];
  /** Computers left untouched, for the event phase. */
  untouched: string[];
}

/**
 * 1 % churn through the Console simulator's control API (no event target set, so no events):
 * 40 % renames, 20 % moves to a company mapped to another customer, 20 % deletions, 20 % new
 * licensed computers in mapped companies. Only computers the initial sync linked are changed, and
 * at least `untouchedNeeded` of them are left for the rename phases. `computers` 0: no churn, only
 * the computers for those phases.
 */
export async function applyChurn(ctx: PhaseContext, computers: number, seed: number, untouchedNeeded: number): Promise<ChurnPlan> {
  const sims = ctx.stack.simulators;
  const linked = assetIdsByComputerId(sims.haloSimulator.state);
  if (linked.size === 0) throw new Error('no asset in HaloPSA holds a computer id: setup or the initial sync did not run');
  const candidates = [...sims.consoleSimulator.state.computers]
    .filter((c) => linked.has(c.ComputerHID.toLowerCase()) && ctx.mapping.customerOf.has(c.CompanyName))
    .sort((a, b) => a.ComputerHID.localeCompare(b.ComputerHID));
  const random = new SeededRandom(seed);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }
  const changes = computers === 0 ? 0 : Math.max(4, Math.round(computers / 100));
  const renames = Math.round(changes * 0.4);
  const moves = Math.round(changes * 0.2);
  const deletions = Math.round(changes * 0.2);
  const creates = changes - renames - moves - deletions;
  if (candidates.length < renames + moves + deletions + untouchedNeeded) throw new Error(`only ${candidates.length} linked computers: too few for the churn and rename phases`);
  const companies = [...ctx.mapping.customerOf.entries()].sort(([a], [b]) => a.localeCompare(b));
  const plan: ChurnPlan = { renamed: [], moved: [], deleted: [], created: [], untouched: [] };
  let next = 0;
  for (let i = 0; i < renames; i++) {
    const computer = candidates[next++];
    await simControl(sims.consoleUrl, 'PATCH', `/computers/${computer.ComputerHID}`, { computerName: `${computer.ComputerName}-R` });
    plan.renamed.push(computer.ComputerHID.toLowerCase());
  }
  for (let i = 0; i < moves; i++) {
    const computer = candidates[next++];
    const from = ctx.mapping.customerOf.get(computer.CompanyName);
    const targets = companies.filter(([name, customer]) => customer !== from && name !== computer.CompanyName);
    if (targets.length === 0) throw new Error('no mapped company with another customer to move a computer to');
    await simControl(sims.consoleUrl, 'PATCH', `/computers/${computer.ComputerHID}`, { companyName: random.pick(targets)[0] });
    plan.moved.push(computer.ComputerHID.toLowerCase());
  }
  for (let i = 0; i < deletions; i++) {
    const computer = candidates[next++];
    await simControl(sims.consoleUrl, 'DELETE', `/computers/${computer.ComputerHID}`);
    plan.deleted.push(computer.ComputerHID.toLowerCase());
  }
  for (let i = 0; i < creates; i++) {
    const [companyName] = random.pick(companies);
    const added = await simControl<{ computer?: { ComputerHID: string }; ComputerHID?: string }>(sims.consoleUrl, 'POST', '/computers', {
      companyName,
      computerName: `BENCH-NEW-${String(i + 1).padStart(4, '0')}`,
      licenseType: 'Desktop',
    });
    plan.created.push((added.computer?.ComputerHID ?? added.ComputerHID ?? '').toLowerCase());
  }
  plan.untouched = candidates.slice(next).map((c) => c.ComputerHID.toLowerCase());
  return plan;
}

export interface EventLatencies {
  events: number;
  landed: number;
  timedOut: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  meanGapMs: number;
  latenciesMs: number[];
}

/** Completed polls of the integration's Console watcher, read from its history. */
/** Polls the watcher's current history has completed, and whether one is (or may be about to be) under way. */
async function watcherPolls(ctx: PhaseContext): Promise<{ completed: number; polling: boolean }> {
  const handle = ctx.stack.temporal.client.workflow.getHandle(watcherWorkflowId(ctx.tenant.integrationId));
  const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
  const completed = (history.events ?? []).filter((event) => event.activityTaskCompletedEventAttributes).length;
  // A workflow task pending after a poll may yet start the next one.
  return { completed, polling: (description.raw.pendingActivities?.length ?? 0) > 0 || Boolean(description.raw.pendingWorkflowTask) };
}

/**
 * Changes sync settings, which wakes the watcher (starting it if it is not running), and waits for
 * that poll to finish, so the changes that follow are compared with what it has just seen. A poll
 * already under way when the settings change (the baseline a new watcher takes after the first
 * sync) is followed by the woken one: the wait covers both, so no poll runs into the next phase.
 */
export async function updateSettingsAndPoll(ctx: PhaseContext, settings: { watchIntervalSeconds?: number; pushEvents?: boolean }): Promise<void> {
  const before = (await watcherPolls(ctx).catch(() => undefined))?.completed ?? 0;
  await ctx.tenant.api.ok('PUT', '/api/v1/halopsa/sync/settings', settings);
  const polled = await pollUntil(
    async () => {
      const now = await watcherPolls(ctx).catch(() => undefined);
      return now && now.completed > before && !now.polling ? true : undefined;
    },
    120_000,
    POLL_MS,
  );
  if (!polled) throw new Error('the Console watcher did not finish polling within 120 s of its settings changing');
}

/**
 * Renames `count` computers one at a time through the Console simulator (300–500 ms apart); the
 * change reaches the product as the caller arranged it (an event the simulator sends, or the
 * watcher's next poll). The time of each is from just before the Console change to the HaloPSA
 * asset's key field showing the new name (the simulator's state polled every 20 ms).
 */
export async function renameAndMeasure(ctx: PhaseContext, hids: readonly string[], seed: number): Promise<EventLatencies & { wallMs: number }> {
  const sims = ctx.stack.simulators;
  const halo = sims.haloSimulator;
  const assetOf = assetIdsByComputerId(halo.state);
  const random = new SeededRandom(seed);
  const pending = new Map<string, { assetId: number; name: string; changedAt: number }>();
  const latencies: number[] = [];
  let timedOut = 0;
  let sending = true;
  const perEventTimeoutMs = 60_000;

  const watcher = (async () => {
    while (sending || pending.size > 0) {
      const now = Date.now();
      for (const [hid, wanted] of pending) {
        if (halo.state.assets.get(wanted.assetId)?.key_field === wanted.name) {
          latencies.push(now - wanted.changedAt);
          pending.delete(hid);
        } else if (now - wanted.changedAt > perEventTimeoutMs) {
          timedOut++;
          pending.delete(hid);
        }
      }
      await sleep(20);
    }
  })();

  const started = Date.now();
  let gaps = 0;
  try {
    for (const [index, hid] of hids.entries()) {
      const assetId = assetOf.get(hid)?.[0];
      if (assetId === undefined) throw new Error(`computer ${hid} has no asset to watch`);
      const name = `EVT-${String(index + 1).padStart(2, '0')}-${hid.slice(0, 8).toUpperCase()}`;
      const changedAt = Date.now();
      pending.set(hid, { assetId, name, changedAt });
      await simControl(sims.consoleUrl, 'PATCH', `/computers/${hid}`, { computerName: name });
      if (index < hids.length - 1) {
        const gap = random.int(300, 500);
        gaps += gap;
        await sleep(Math.max(0, changedAt + gap - Date.now()));
      }
    }
  } finally {
    sending = false;
    await watcher;
  }
  const wallMs = Date.now() - started;
  // An event that never landed counts as infinitely late: a percentile that falls on one is null.
  const sorted = [...latencies.sort((a, b) => a - b), ...Array<number>(timedOut).fill(Number.POSITIVE_INFINITY)];
  const finite = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : value);
  return {
    events: hids.length,
    landed: latencies.length,
    timedOut,
    p50Ms: finite(percentile(sorted, 50)),
    p95Ms: finite(percentile(sorted, 95)),
    maxMs: finite(sorted.length > 0 ? sorted[sorted.length - 1] : null),
    meanGapMs: Math.round(gaps / Math.max(1, hids.length - 1)),
    latenciesMs: latencies,
    wallMs,
  };
}

/** Runs begun since `known`, once none is running any more (bounded). */
export async function runsSince(ctx: PhaseContext, known: Set<string>, timeoutMs: number): Promise<{ runs: RunView[]; problem?: string }> {
  let latest: RunView[] = [];
  let ended: string | undefined;
  const done = await pollUntil(
    async () => {
      ended = productProcessEnded(ctx);
      if (ended) return 'ended';
      latest = (await runs(ctx)).filter((r) => !known.has(r.runId));
      return latest.every((r) => r.state !== 'running') ? latest : undefined;
    },
    timeoutMs,
    POLL_MS,
  );
  if (done === 'ended') return { runs: latest, problem: ended };
  return done ? { runs: done } : { runs: latest, problem: `runs still running after ${seconds(timeoutMs)} s` };
}

export async function knownRuns(ctx: PhaseContext): Promise<Set<string>> {
  return new Set((await runs(ctx)).map((r) => r.runId));
}
