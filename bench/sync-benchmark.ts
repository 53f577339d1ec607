import { cpus, loadavg, release, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { forgetProductBudgetUse } from './product-budget';
import type { ConsoleComputer } from '../simulators/demo-data';
import { assetIdsByComputerId } from '../simulators/halo/state/computer-id-assets';
import { PersonSetValues } from '../simulators/halo/state/person-set-values';
import { simControl } from './bench-http';
import { BenchStack, startBenchStack } from './bench-stack';
import { createTenantAndConnect, mapEverything, Tenant } from './journey';
import { countRefusals, haloCounters, memoryOf, seconds, summariseRequests } from './measure';
import { budgetFloorSeconds, waitForBudgetRoom } from './budget-room';
import { tenantsReport } from './tenants-report';
import { NaiveResult, projectedWallSeconds, runNaiveBaseline } from './naive-baseline';
import {
  applyChurn,
  ChurnPlan,
  EventLatencies,
  knownRuns,
  measuredPhase,
  PhaseContext,
  PhaseReport,
  renameAndMeasure,
  runBreakdown,
  runsSince,
  syncNowAndWait,
  syncWorkflowDiagnostics,
  updateSettingsAndPoll,
} from './sync-phases';

/**
 * The sync benchmark (issue 5, item 8): the whole product (compiled API and worker, Temporal dev
 * server, a fresh PostgreSQL database) against the simulators with HaloPSA's real limit (300
 * requests per rolling 5 minutes) and 40 ms latency on every HaloPSA and Console request:
 *
 *   npm run bench -- --computers 10000 --companies 500
 *
 * Phases: initial sync, no-op re-sync, 1 % churn re-sync, 50 single-computer renames found by the
 * watcher's polling, 50 pushed as events; then a naive
 * baseline (search, then create or update, per computer) on a 500-computer subset, projected to
 * the full size. Prints ONE JSON object on stdout; progress goes to stderr. Everything it starts
 * is stopped (and its database dropped) before it exits.
 */

const LATENCY_MS = 40;
/** The product's defaults, not overridden here (HALO_WRITE_BATCH_SIZE, TEMPORAL_HISTORY_LIMIT). */
const BATCH_SIZE = 100;
const HISTORY_LIMIT = 10_000;
/** The watcher's interval in the polling phase (the shortest the API allows). */
const WATCH_INTERVAL_SECONDS = 15;
/** The watcher's interval in every other phase: no poll lands inside them. */
const IDLE_WATCH_INTERVAL_SECONDS = 3600;
/** A change found by polling must reach HaloPSA within the interval and this much. */
const POLLING_SLACK_MS = 2_000;

interface Options {
  computers: number;
  companies: number;
  seed: number;
  events: number;
  baselineComputers: number;
  baseline: 'parallel' | 'serial' | 'skip';
  phaseTimeoutMinutes: number;
  /** `--worker-node-flags` and `--worker-heap-mb` together: what each worker process starts with. */
  workerNodeFlags: readonly string[];
  tenants: number;
  workers: number;
  /** Phases left out (reported as skipped): noop, churn, polling, events. */
  skip: readonly SkippablePhase[];
}

const SKIPPABLE_PHASES = ['noop', 'churn', 'polling', 'events'] as const;
type SkippablePhase = (typeof SKIPPABLE_PHASES)[number];

const USAGE = `usage: npm run bench -- [--computers 10000] [--companies 500] [--seed 1] [--events 50]
         [--baseline-computers 500] [--baseline parallel|serial|skip] [--phase-timeout-minutes N]
         [--worker-heap-mb N] [--worker-node-flags="--flag ..."] [--tenants 1] [--workers 1] [--skip noop,churn,polling,events]
  --baseline parallel (default) runs the naive baseline on its own HaloPSA simulator while the product
  is measured (it spends almost all its time waiting for HaloPSA's window); serial runs it afterwards.
  --worker-heap-mb starts the worker with node --max-old-space-size=N (default: Node's own limit);
  --worker-node-flags="..." adds other Node or V8 options to each worker (the = is needed: the value starts with --).
  --tenants T > 1 runs the many-tenants benchmark instead: T tenants, each with its own Console and
  HaloPSA simulators of --computers and --companies, all synced at once; --workers W starts W worker
  processes (with W > 1, the tenants benchmark runs first with one worker, for the speed-up).
  --skip leaves phases out (their targets read "not measured"): to look at one phase of a large run.`;

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      computers: { type: 'string' },
      companies: { type: 'string' },
      seed: { type: 'string' },
      events: { type: 'string' },
      'baseline-computers': { type: 'string' },
      baseline: { type: 'string' },
      'phase-timeout-minutes': { type: 'string' },
      'worker-heap-mb': { type: 'string' },
      'worker-node-flags': { type: 'string' },
      tenants: { type: 'string' },
      workers: { type: 'string' },
      skip: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: keyof typeof values, fallback: number, min: number, max: number): number => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (typeof raw !== 'string' || !/^\d+$/.test(raw) || n < min || n > max) throw new Error(`--${name} must be an integer between ${min} and ${max}, got ${String(raw)}`);
    return n;
  };
  const computers = int('computers', 10_000, 100, 200_000);
  const baseline = values.baseline ?? 'parallel';
  const workerHeapMB = values['worker-heap-mb'] === undefined ? undefined : int('worker-heap-mb', 0, 64, 16_384);
  if (baseline !== 'parallel' && baseline !== 'serial' && baseline !== 'skip') throw new Error(`--baseline must be parallel, serial or skip, got ${baseline}`);
  return {
    computers,
    companies: int('companies', 500, 5, 5_000),
    seed: int('seed', 1, 0, 2 ** 31),
    events: int('events', 50, 1, 1_000),
    baselineComputers: int('baseline-computers', 500, 10, 5_000),
    baseline,
    // A run that needs n window-fulls of requests cannot take less than (n - 1) × 5 minutes.
    phaseTimeoutMinutes: int('phase-timeout-minutes', 20 + 5 * Math.floor(computers / 25_000), 1, 600),
    workerNodeFlags: [...(values['worker-node-flags']?.split(/\s+/).filter(Boolean) ?? []), ...(workerHeapMB === undefined ? [] : [`--max-old-space-size=${workerHeapMB}`])],
    tenants: int('tenants', 1, 1, 500),
    workers: int('workers', 1, 1, 16),
    skip: skippedPhases(values.skip),
  };
}

function skippedPhases(raw: string | undefined): SkippablePhase[] {
  const names = raw === undefined || raw === '' ? [] : raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SKIPPABLE_PHASES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--skip takes ${SKIPPABLE_PHASES.join(', ')}; got ${unknown.join(', ')}`);
  return [...new Set(names as SkippablePhase[])];
}

const log = (line: string): void => void process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const DEFINITIONS = {
  wallSeconds: 'From the API call that starts the phase ("sync now", or the first Console change) to the run seen finished through GET /api/v1/halopsa/sync-runs (polled every 500 ms: the API allows an API key 120 requests a minute); runSeconds is the run\'s own startedAt→finishedAt.',
  haloRequests: 'The HaloPSA simulator\'s counters (GET /_sim/counters), reset at the start of each phase: every request by "VERB /path", token requests included; writes = POSTs and DELETEs other than /auth/token.',
  minimalRequests:
    'readsNeeded + writes. writes = ceil(asset elements written / batch size) per run. readsNeeded counts, generously: 1 token request if the phase needed one; 1 GET /api/AssetType per run that writes (the mapped default types may have changed in HaloPSA); for a run with a deep check, ceil(assets holding a computer id before the run / 500): one paged listing of the assets the service linked (0 on the first run: nothing is linked yet, so a deep check has nothing to compare); and, under the strict simulator profile only, one GET /api/Asset/{id} per asset updated (update, move, retire, reactivate): where HaloPSA replaces a posted custom-field list, an update must carry the values others set, so it must read them first. The product sends those reads under both profiles (it cannot tell which HaloPSA it has), so under the default profile they show as overhead. Console reads are not HaloPSA requests and are not counted.',
  personSetValues:
    'After the initial sync, a serial number and a value in a custom field of their own are set, as a person would, on every asset holding a computer id (straight into the HaloPSA simulator\'s state); after the last phase, each value still there is kept, each one missing or changed is lost.',
  historyEvents:
    'Growth of the history of sync:<integrationId> during the phase: for each execution (run) of that workflow id, its history length after the phase minus before (a run begun by continue-as-new counts whole), read with DescribeWorkflowExecution once the history stopped growing. The workflow stays open between phases (it idles for 10 minutes), so the phase\'s signal, timers and activities are counted, nothing else.',
  duplicates:
    'createdMoreThanOnceInPhase: computer-id values the HaloPSA simulator saw created more than once in the phase (assetCreatesByCustomFieldValue.CFConsoleComputerId); computerIdsWithMoreThanOneAsset: computer-id values held by more than one asset (any state) in the simulator after the phase.',
  workerRss: 'VmHWM (peak resident set since the worker started) and VmRSS from /proc/<worker pid>/status after the phase.',
  eventLatency:
    'Per rename: from just before the Console simulator\'s PATCH to the HaloPSA simulator\'s asset (read in-process every 20 ms) showing the new name as key_field. Phase polling: no event is sent, the watcher finds the rename on its next poll (every 15 s); phase events: push is on and the PATCH emits the signed computer.updated event to the tenant\'s consoleEvents URL. Renames are 300–500 ms apart; a rename not landed within 60 s counts as infinitely late.',
};

interface Target {
  target: string;
  measured: string | number | null;
  /** null: not measured (an earlier phase did not complete). */
  met: boolean | null;
  by?: string;
}

async function main(): Promise<number> {
  const opts = options(process.argv.slice(2));
  const report: Record<string, unknown> = {
    benchmark: 'sync-benchmark',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGB: Math.round(totalmem() / 2 ** 30),
      os: `${process.platform} ${release()}`,
      node: process.version,
      // Other work on the machine shifts the timings: the 1-minute load average when the benchmark began and ended.
      loadAverage: { atStart: Math.round(loadavg()[0] * 100) / 100, atEnd: null as number | null },
    },
    options: opts,
  };
  if (opts.tenants > 1) return tenantsMain(opts, report);
  let exitCode = 0;
  // One stop for every path (the end, a failure, a signal): whoever comes first starts it, every other waits for it.
  const starting = startBenchStack({ companies: opts.companies, computers: opts.computers, seed: opts.seed, workers: opts.workers, workerNodeFlags: opts.workerNodeFlags, log });
  let stopping: Promise<void> | undefined;
  const stopEverything = (): Promise<void> => (stopping ??= starting.then((started) => started.stop(), () => undefined));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping everything`);
      void stopEverything().finally(() => process.exit(130));
    });
  }

  const phases: Record<string, PhaseReport | { skipped: string }> = {};
  let naive: Promise<NaiveResult | { error: string }> | undefined;
  try {
    const stack: BenchStack = await starting;
    report.workerAtReady = { ...(await memoryOf(stack.worker.pid)), note: 'the worker process before any work: its resident set at rest' };
    const sims = stack.simulators;
    for (const url of [sims.haloUrl, sims.consoleUrl]) await simControl(url, 'PUT', '/faults', { latencyMs: LATENCY_MS, latencyRate: 1 });
    await simControl(sims.consoleUrl, 'DELETE', '/event-target');
    const rateLimit = await simControl<{ maxRequests: number; windowSeconds: number; retryAfterSeconds?: number }>(sims.haloUrl, 'GET', '/rate-limit');
    if (rateLimit.maxRequests !== 300 || rateLimit.windowSeconds !== 300 || rateLimit.retryAfterSeconds !== undefined) {
      throw new Error(`the HaloPSA simulator's rate limit is not Halo's real one: ${JSON.stringify(rateLimit)}`);
    }
    const refusals = countRefusals(sims.haloSimulator);
    report.definitions = DEFINITIONS;
    report.conditions = {
      haloRateLimit: { maxRequests: rateLimit.maxRequests, windowSeconds: rateLimit.windowSeconds, retryAfter: 'not sent (as real Halo)' },
      latencyMs: { halo: LATENCY_MS, console: LATENCY_MS, rate: 1 },
      simulatorProfile: sims.profile,
      haloWriteBatchSize: BATCH_SIZE,
      temporalHistoryLimit: HISTORY_LIMIT,
      scheduleIntervalMinutes: 1440,
      notes: [
        'The HaloPSA rate-limit window (and the product\'s own record of its requests in it, table halo_budget_requests) is emptied once, just before the initial sync, so that the benchmark\'s own set-up traffic (connect, mapping ~N companies in seconds) is not charged to the sync; it is never emptied afterwards: later phases start with whatever the previous ones left in the window (haloRateLimitAtStart). Before each rename phase the benchmark waits until the product\'s own budget (GET /api/v1/halopsa/request-budget) has room for the phase (2 requests a rename + 3), as when changes come minutes after a large re-sync; the wait is reported as budgetRoom.waitedSeconds.',
        'The sync schedule interval is set to 1440 minutes so that no scheduled reconciliation lands inside a measured phase.',
        `The Console watcher polls every ${IDLE_WATCH_INTERVAL_SECONDS} s (so never inside a measured phase) except in the polling phase, where it polls every ${WATCH_INTERVAL_SECONDS} s.`,
        'Halo request counts include requests refused with 429 (refused429 says how many).',
      ],
    };

    const dataset = sims.dataset;
    const eligible = dataset.console.computers.filter((c) => c.License?.Granted && (c.HasBackupApp || c.Apps.length > 0));
    if (opts.baseline === 'parallel') naive = baseline(opts, dataset, eligible);

    const setupStarted = Date.now();
    const tenant = await createTenantAndConnect(stack, log);
    await tenant.api.ok('PUT', '/api/v1/halopsa/sync/settings', { intervalMinutes: 1440, watchIntervalSeconds: IDLE_WATCH_INTERVAL_SECONDS });
    const mapping = await mapEverything(sims, tenant, log);
    const setupRequests = summariseRequests(await haloCounters(sims.haloUrl), refusals.value());
    report.setup = {
      seconds: seconds(Date.now() - setupStarted),
      companies: { autoMapped: mapping.autoMapped, mappedByHand: mapping.mappedByHand, mapped: mapping.mappedCompanies, distinctCustomers: mapping.distinctCustomers },
      licenseTypes: mapping.licenseTypes,
      haloRequests: setupRequests,
    };
    log(`setup done: ${mapping.mappedCompanies} companies mapped (${mapping.autoMapped} automatically) onto ${mapping.distinctCustomers} customers; ${setupRequests.total} HaloPSA requests`);

    const haloBudget = await tenant.api.ok<{ requestsPerWindow: number; windowSeconds: number }>('GET', '/api/v1/halopsa/request-budget');
    (report.conditions as { haloBudget?: unknown }).haloBudget = {
      requestsPerWindow: haloBudget.requestsPerWindow,
      windowSeconds: haloBudget.windowSeconds,
      note: "the product's own share of HaloPSA's limit (HALO_REQUEST_BUDGET); an initial sync of R minimal requests cannot take less than ⌊(R − 1) / share⌋ windows (its floor)",
    };
    const ctx: PhaseContext = { stack, tenant, mapping, batchSize: BATCH_SIZE, timeoutMs: opts.phaseTimeoutMinutes * 60_000, refusals, profile: sims.profile, log };
    await simControl(sims.haloUrl, 'POST', '/rate-limit/reset');
    await forgetProductBudgetUse(stack.databaseUrl);

    // 1. Initial sync.
    const initial = await measuredPhase(ctx, 'initial sync', () => syncNowAndWait(ctx));
    phases.initialSync = initial;
    if (!initial.completed) {
      // What the sync workflow is stuck on: the pending activity, its attempt and last failure.
      (initial as PhaseReport & { diagnostics?: unknown }).diagnostics = { syncWorkflow: await syncWorkflowDiagnostics(ctx) };
      // What the run was asked to do: an asset for every licensed computer with an agent.
      const writes = Math.ceil(eligible.length / BATCH_SIZE);
      initial.minimalRequests = {
        readsNeeded: 1,
        writes,
        total: 1 + writes,
        ratio: null,
        readsCounted: { tokenRequests: 0, assetTypeListPerWritingRun: 1, deepCheckPages: 0, assetReadsBeforeUpdate: 0 },
        note: `the run wrote nothing: minimal for the work it was asked to do (${eligible.length} licensed computers with an agent)`,
      };
    }
    report.dataset = datasetSummary(opts, eligible.length, initial.runs[0]?.state === 'completed' ? await runBreakdown(ctx, initial.runs[0].runId) : undefined);

    if (initial.completed) {
      const people = new PersonSetValues(sims.haloSimulator.state);
      for (const assetIds of assetIdsByComputerId(sims.haloSimulator.state).values()) assetIds.forEach((id) => people.setOn(id));
      log(`a person's values set on ${people.count} assets`);
      await remainingPhases(ctx, opts, tenant, phases);
      const lost = people.lost();
      report.personSetValues = { assets: people.count, valuesSet: 2 * people.count, lost: lost.length, examples: lost.slice(0, 5) };
    } else {
      for (const name of ['noopResync', 'churnResync', 'polling', 'events']) phases[name] = { skipped: 'the initial sync did not complete' };
    }
    report.phases = phases;

    if (opts.baseline === 'serial') naive = baseline(opts, dataset, eligible);
    if (naive) {
      log('waiting for the naive baseline to finish');
      const result = await naive;
      report.baseline = result;
      if (!('error' in result)) report.comparison = compare(result, initial, report.dataset as DatasetSummary | undefined, eligible.length);
    }
    report.targets = [...targets(opts, phases, haloBudget, (report.workerAtReady as { rssMB: number | null } | undefined)?.rssMB ?? null), lostValuesTarget(report.personSetValues as { lost: number } | undefined)];
    report.apiBudgetWaits = { count: tenant.api.budgetWaits, note: "times the benchmark waited out the product API's own per-key budget (429 from /api/v1)" };
  } catch (error) {
    exitCode = 1;
    report.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    report.phases = phases;
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await stopEverything();
  }
  (report.machine as { loadAverage: { atEnd: number | null } }).loadAverage.atEnd = Math.round(loadavg()[0] * 100) / 100;
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return exitCode;
}

function baseline(opts: Options, dataset: BenchStack['simulators']['dataset'], eligible: ConsoleComputer[]): Promise<NaiveResult | { error: string }> {
  log(`naive baseline: ${Math.min(opts.baselineComputers, eligible.length)} computers on a fresh HaloPSA simulator (${opts.baseline})`);
  return runNaiveBaseline({ dataset, computers: eligible.slice(0, opts.baselineComputers), latencyMs: LATENCY_MS, log, deadlineMs: 90 * 60_000 }).catch((error: unknown) => ({
    error: error instanceof Error ? error.message : String(error),
  }));
}

async function remainingPhases(ctx: PhaseContext, opts: Options, tenant: Tenant, phases: Record<string, unknown>): Promise<void> {
  const sims = ctx.stack.simulators;
  const skipped = { skipped: 'left out with --skip' };
  // 2. No-op re-sync.
  phases.noopResync = opts.skip.includes('noop') ? skipped : await measuredPhase(ctx, 'no-op re-sync', () => syncNowAndWait(ctx));

  // 3. 1 % churn, made in the Console with no event target, then "sync now".
  const churn: ChurnPlan = await applyChurn(ctx, opts.skip.includes('churn') ? 0 : opts.computers, opts.seed, 2 * opts.events);
  if (opts.skip.includes('churn')) {
    phases.churnResync = skipped;
  } else {
    const changes = churn.renamed.length + churn.moved.length + churn.deleted.length + churn.created.length;
    log(`churn: ${churn.renamed.length} renamed, ${churn.moved.length} moved, ${churn.deleted.length} deleted, ${churn.created.length} new`);
    const churnPhase = await measuredPhase(ctx, 'churn re-sync', () => syncNowAndWait(ctx));
    phases.churnResync = {
      ...churnPhase,
      changes: { total: changes, renamed: churn.renamed.length, moved: churn.moved.length, deleted: churn.deleted.length, created: churn.created.length },
      writeBudget: Math.ceil(changes / ctx.batchSize) + 2,
    };
  }

  // 4. Single-computer renames found by the watcher's polling (the default: the real Console pushes nothing).
  if (opts.skip.includes('polling')) {
    phases.polling = skipped;
  } else {
    await updateSettingsAndPoll(ctx, { watchIntervalSeconds: WATCH_INTERVAL_SECONDS });
    try {
      phases.polling = await renamePhase(ctx, `${opts.events} renames found by polling`, churn.untouched.slice(0, opts.events), opts.seed);
    } finally {
      await updateSettingsAndPoll(ctx, { watchIntervalSeconds: IDLE_WATCH_INTERVAL_SECONDS });
    }
  }

  // 5. Single-computer events, push on: the Console simulator signs and sends one event per rename.
  if (opts.skip.includes('events')) {
    phases.events = skipped;
    return;
  }
  await updateSettingsAndPoll(ctx, { pushEvents: true });
  await simControl(sims.consoleUrl, 'PUT', '/event-target', tenant.consoleEvents);
  try {
    phases.events = await renamePhase(ctx, `${opts.events} pushed events`, churn.untouched.slice(opts.events, 2 * opts.events), opts.seed);
  } finally {
    await simControl(sims.consoleUrl, 'DELETE', '/event-target');
  }
}

async function renamePhase(ctx: PhaseContext, name: string, hids: readonly string[], seed: number): Promise<PhaseReport & { latency?: EventLatencies; budgetRoom: Awaited<ReturnType<typeof waitForBudgetRoom>> }> {
  const budgetRoom = await waitForBudgetRoom(ctx, hids.length);
  let latency: EventLatencies | undefined;
  const phase = await measuredPhase(ctx, name, async () => {
    const known = await knownRuns(ctx);
    const measured = await renameAndMeasure(ctx, hids, seed);
    latency = measured;
    const settled = await runsSince(ctx, known, 120_000);
    return { ...settled, wallMs: measured.wallMs };
  });
  return { ...phase, latency, budgetRoom };
}

interface DatasetSummary {
  computers: number;
  companies: number;
  /** Computers with a granted license and a Backup or RMM agent (what the product should create assets for). */
  licensedWithAgent: number;
  /** The initial run's per-computer record, summed by action/outcome/reason (when it completed). */
  initialRun?: Record<string, number>;
  /** Unlicensed computers with an agent: left alone by design (no license type, so no default asset type). */
  unlicensedLeftAlone?: number;
  createdByInitialSync?: number;
}

function datasetSummary(opts: Options, licensedWithAgent: number, breakdown: Record<string, number> | undefined): DatasetSummary {
  const summary: DatasetSummary = { computers: opts.computers, companies: opts.companies, licensedWithAgent };
  if (!breakdown) return summary;
  const count = (prefix: string): number => Object.entries(breakdown).filter(([key]) => key.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0);
  return { ...summary, initialRun: breakdown, unlicensedLeftAlone: count('leave/left-alone/no-asset-type'), createdByInitialSync: count('create/done') };
}

function compare(naive: NaiveResult, initial: PhaseReport, dataset: DatasetSummary | undefined, licensedWithAgent: number) {
  const fromRun = dataset?.createdByInitialSync !== undefined;
  const fullComputers = dataset?.createdByInitialSync ?? licensedWithAgent;
  const projectedRequests = 1 + 2 * fullComputers;
  const measuredRequests = naive.haloRequests.total - naive.haloRequests.refused429;
  const projectedWall = projectedWallSeconds(projectedRequests, naive.meanRequestMs);
  return {
    naiveProjection: {
      computers: fullComputers,
      computersFrom: fromRun ? "the product's initial sync (assets created)" : 'the dataset (licensed computers with an agent): the initial sync did not complete',
      requests: projectedRequests,
      windowsOf300: Math.ceil(projectedRequests / 300),
      wallSeconds: projectedWall,
      model: 'requests = 1 token + 2 per computer; wall = (ceil(requests / 300) - 1) × 300 s + the last window\'s requests × the measured mean request time',
      modelCheckOnSubset: { requests: measuredRequests, predictedWallSeconds: projectedWallSeconds(measuredRequests, naive.meanRequestMs), measuredWallSeconds: naive.wallSeconds },
    },
    product: { requests: initial.haloRequests.total, windowsOf300: Math.ceil(initial.haloRequests.total / 300), wallSeconds: initial.wallSeconds, completed: initial.completed },
    ratios: {
      requestsNaiveOverProduct: Math.round((projectedRequests / Math.max(1, initial.haloRequests.total)) * 10) / 10,
      wallNaiveOverProduct: initial.completed ? Math.round((projectedWall / Math.max(0.01, initial.wallSeconds)) * 10) / 10 : null,
    },
  };
}

const pct = (value: number, limit: number): string => `${Math.round(((value - limit) / limit) * 100)} % over`;

/** A phase's change → HaloPSA p95 against its limit: null when the phase did not run, the miss when a change never landed. */
function latencyTarget(target: string, phase: (PhaseReport & { latency?: EventLatencies }) | undefined, limitMs: number, met: (p95: number) => boolean, neverLanded: string): Target {
  if (!phase || !('wallSeconds' in phase)) return { target, measured: null, met: null };
  const p95 = phase.latency?.p95Ms;
  if (typeof p95 !== 'number') return { target, measured: neverLanded, met: false };
  return { target, measured: p95, met: met(p95), ...(met(p95) ? {} : { by: pct(p95, limitMs) }) };
}

/** How far the worker's peak RSS may rise above its resting RSS, whatever the tenant's size (memory bounded by the page). */
const PEAK_GROWTH_LIMIT_MB = 100;

function targets(
  opts: Options,
  phases: Record<string, PhaseReport | { skipped: string } | unknown>,
  budget: { requestsPerWindow: number; windowSeconds: number },
  restingRssMB: number | null,
): Target[] {
  const phase = (name: string): PhaseReport | undefined => {
    const p = phases[name] as PhaseReport | { skipped: string } | undefined;
    return p && 'wallSeconds' in p ? p : undefined;
  };
  const initial = phase('initialSync');
  const noop = phase('noopResync');
  const churn = phases.churnResync as (PhaseReport & { changes: { total: number }; writeBudget: number }) | undefined;
  const events = phases.events as (PhaseReport & { latency?: EventLatencies }) | undefined;
  const polling = phases.polling as (PhaseReport & { latency?: EventLatencies }) | undefined;
  const list: Target[] = [];

  if (initial?.completed) {
    list.push({ target: 'initial sync < 120 s', measured: initial.wallSeconds, met: initial.wallSeconds < 120, ...(initial.wallSeconds >= 120 ? { by: pct(initial.wallSeconds, 120) } : {}) });
    const limit = 1.1 * initial.minimalRequests.total;
    list.push({
      target: 'initial sync HaloPSA requests ≤ 1.1 × minimal',
      measured: `${initial.haloRequests.total} requests, minimal ${initial.minimalRequests.total} (× ${initial.minimalRequests.ratio})`,
      met: initial.haloRequests.total <= limit,
      ...(initial.haloRequests.total > limit ? { by: `${initial.haloRequests.total - Math.floor(limit)} requests over` } : {}),
    });
    const floor = budgetFloorSeconds(initial.minimalRequests.total, budget);
    if (floor > 0) {
      list.push({
        target: 'initial sync ≤ 1.15 × the floor its HaloPSA budget allows',
        measured: `${initial.wallSeconds} s; floor ${floor} s (${initial.minimalRequests.total} minimal requests at ${budget.requestsPerWindow} per ${budget.windowSeconds} s)`,
        met: initial.wallSeconds <= 1.15 * floor,
      });
    }
  } else {
    list.push({ target: 'initial sync < 120 s', measured: initial ? `did not complete within ${initial.wallSeconds} s` : null, met: initial ? false : null });
    list.push({
      target: 'initial sync HaloPSA requests ≤ 1.1 × minimal',
      measured: initial ? `${initial.haloRequests.total} requests sent without completing (minimal for the whole work: ${initial.minimalRequests.total})` : null,
      met: initial ? false : null,
    });
  }
  list.push(noop ? { target: '0 HaloPSA writes on a no-op re-sync', measured: noop.haloRequests.writes, met: noop.haloRequests.writes === 0 } : { target: '0 HaloPSA writes on a no-op re-sync', measured: null, met: null });
  list.push(
    churn && 'wallSeconds' in churn
      ? { target: 'churn writes ≤ ceil(changes / batch) + 2', measured: `${churn.haloRequests.writes} writes for ${churn.changes.total} changes (budget ${churn.writeBudget})`, met: churn.completed && churn.haloRequests.writes <= churn.writeBudget }
      : { target: 'churn writes ≤ ceil(changes / batch) + 2', measured: null, met: null },
  );
  list.push(latencyTarget('push event p95 < 1 s', events, 1_000, (p95) => p95 < 1_000, 'an event did not land within 60 s'));
  const pollingLimitMs = WATCH_INTERVAL_SECONDS * 1_000 + POLLING_SLACK_MS;
  list.push(
    latencyTarget(
      `polling change → HaloPSA p95 ≤ ${WATCH_INTERVAL_SECONDS} s interval + ${POLLING_SLACK_MS / 1_000} s`,
      polling,
      pollingLimitMs,
      (p95) => p95 <= pollingLimitMs,
      'a change did not land within 60 s',
    ),
  );
  if (initial?.completed) {
    const per10k = Math.round((initial.temporal.historyEvents * 10_000) / opts.computers);
    list.push({ target: '< 2,000 history events per 10,000-computer run', measured: `${initial.temporal.historyEvents} events for ${opts.computers} computers (${per10k} per 10,000)`, met: per10k < 2_000 });
  } else {
    list.push({ target: '< 2,000 history events per 10,000-computer run', measured: null, met: null });
  }
  const measured = Object.values(phases).filter((p): p is PhaseReport => typeof p === 'object' && p !== null && 'duplicates' in p);
  const duplicates = measured.reduce((sum, p) => sum + p.duplicates.createdMoreThanOnceInPhase, 0) + Math.max(0, ...measured.map((p) => p.duplicates.computerIdsWithMoreThanOneAsset));
  const written = measured.reduce((sum, p) => sum + p.assetElementsWritten, 0);
  list.push({ target: '0 duplicates', measured: written === 0 ? `${duplicates} (no asset was written)` : duplicates, met: written === 0 ? null : duplicates === 0 });
  const peak = Math.max(0, ...measured.map((p) => p.worker.peakRssMB ?? 0));
  if (initial?.completed) {
    list.push({ target: 'worker peak RSS < 400 MB', measured: peak, met: peak > 0 && peak < 400, ...(peak >= 400 ? { by: pct(peak, 400) } : {}) });
    const growthLimit = restingRssMB === null ? null : restingRssMB + PEAK_GROWTH_LIMIT_MB;
    list.push({
      target: `worker peak RSS ≤ its resting RSS + ${PEAK_GROWTH_LIMIT_MB} MB`,
      measured: `${peak} MB; at rest ${restingRssMB ?? 'unknown'} MB`,
      met: growthLimit === null ? null : peak <= growthLimit,
      ...(growthLimit !== null && peak > growthLimit ? { by: `${Math.round((peak - growthLimit) * 10) / 10} MB over` } : {}),
    });
  } else {
    list.push({ target: 'worker peak RSS < 400 MB', measured: `${peak} MB, but the initial sync never got to reading the inventory: not representative`, met: null });
  }
  return list;
}

function lostValuesTarget(values: { lost: number } | undefined): Target {
  const target = '0 values people set lost';
  return values ? { target, measured: values.lost, met: values.lost === 0 } : { target, measured: null, met: null };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${USAGE}\n`);
    process.exit(2);
  },
);

/** `--tenants T`: the many-tenants benchmark, one JSON document as the single-tenant one. */
async function tenantsMain(opts: Options, report: Record<string, unknown>): Promise<number> {
  let exitCode = 0;
  try {
    const timeoutMs = opts.phaseTimeoutMinutes * 60_000;
    Object.assign(report, { benchmark: 'sync-benchmark --tenants' }, await tenantsReport({ ...opts, latencyMs: LATENCY_MS, timeoutMs }, log));
  } catch (error) {
    exitCode = 1;
    report.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`failed: ${report.error}`);
  }
  (report.machine as { loadAverage: { atEnd: number | null } }).loadAverage.atEnd = Math.round(loadavg()[0] * 100) / 100;
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return exitCode;
}
