import { computerIdsWithSeveralAssets } from '../simulators/halo/state/computer-id-assets';
import type { RunningSimulators } from '../simulators/cli';
import { syncWorkflowId } from '../workflows/workflow-ids';
import { pollUntil, simControl } from './bench-http';
import { BenchStack, startBenchStack } from './bench-stack';
import { createTenantAndConnect, mapEverything, Tenant } from './journey';
import { countRefusals, memoryOf, seconds } from './measure';
import { forgetProductBudgetUse } from './product-budget';
import type { RunView } from './sync-phases';

export interface TenantsOptions {
  tenants: number;
  workers: number;
  computers: number;
  companies: number;
  seed: number;
  latencyMs: number;
  workerNodeFlags: readonly string[];
  timeoutMs: number;
}

interface TenantResult {
  tenant: number;
  state: string;
  /** From the moment every "sync now" was sent: when the tenant's run began and ended. */
  startedAfterSeconds: number | null;
  finishedAfterSeconds: number | null;
  counts: Record<string, number>;
}

export interface TenantsRun {
  workers: number;
  setupSeconds: number;
  /** From every "sync now" sent to the last tenant's run seen finished. */
  allFinishedSeconds: number | null;
  tenants: TenantResult[];
  /** Slowest / fastest completion (finishedAfterSeconds). */
  slowestOverFastest: number | null;
  /** Tenants whose run had begun before the first tenant's run finished (none waited for another to end). */
  startedBeforeFirstFinished: number;
  refused429: number;
  duplicates: number;
  /** Activity tasks each worker process executed, read from the sync workflows' histories (ActivityTaskStarted identity). */
  activitiesByWorker: Record<string, number>;
  workerProcesses: { pid: number; peakRssMB: number | null; rssMB: number | null }[];
}

const POLL_MS = 1_000;
/** Tenants set up at once: each setup runs a workflow and about 40 requests to its HaloPSA. */
const SETUP_CONCURRENCY = 10;

/**
 * T tenants on one deployment, each with its own Console account and its own HaloPSA instance
 * (with HaloPSA's own limit): every tenant is set up and mapped, then "sync now" is sent to all
 * at once and each initial sync is followed to its end.
 */
export async function runTenantsScenario(opts: TenantsOptions, workers: number, log: (line: string) => void): Promise<TenantsRun> {
  const stack = await startBenchStack({ companies: opts.companies, computers: opts.computers, seed: opts.seed, tenants: opts.tenants, workers, workerNodeFlags: opts.workerNodeFlags, log });
  try {
    for (const sims of stack.tenantSimulators) {
      for (const url of [sims.haloUrl, sims.consoleUrl]) await simControl(url, 'PUT', '/faults', { latencyMs: opts.latencyMs, latencyRate: 1 });
      await simControl(sims.consoleUrl, 'DELETE', '/event-target');
    }
    const setupStarted = Date.now();
    const tenants = await setUpTenants(stack, log);
    const setupSeconds = seconds(Date.now() - setupStarted);
    log(`${tenants.length} tenants set up and mapped in ${setupSeconds} s`);
    for (const sims of stack.tenantSimulators) await simControl(sims.haloUrl, 'POST', '/rate-limit/reset');
    await forgetProductBudgetUse(stack.databaseUrl);
    const refusals = stack.tenantSimulators.map((sims) => countRefusals(sims.haloSimulator));

    const sentAt = Date.now();
    await Promise.all(tenants.map((tenant) => tenant.api.ok('POST', '/api/v1/halopsa/sync', undefined, [202])));
    const results = await followRuns(tenants, sentAt, opts.timeoutMs, log);
    const finished = results.map((r) => r.finishedAfterSeconds).filter((s): s is number => s !== null);
    const firstFinished = finished.length > 0 ? Math.min(...finished) : Infinity;
    return {
      workers,
      setupSeconds,
      allFinishedSeconds: finished.length === results.length ? Math.max(...finished) : null,
      tenants: results,
      slowestOverFastest: finished.length === results.length && Math.min(...finished) > 0 ? round2(Math.max(...finished) / Math.min(...finished)) : null,
      startedBeforeFirstFinished: results.filter((r) => r.startedAfterSeconds !== null && r.startedAfterSeconds <= firstFinished).length,
      refused429: refusals.reduce((sum, counter) => sum + counter.value(), 0),
      duplicates: stack.tenantSimulators.reduce((sum, sims: RunningSimulators) => sum + computerIdsWithSeveralAssets(sims.haloSimulator.state).length, 0),
      activitiesByWorker: await activitiesByWorker(stack, tenants),
      workerProcesses: await Promise.all(stack.workers.map(async (worker) => ({ pid: worker.pid, ...(await memoryOf(worker.pid)) }))),
    };
  } finally {
    await stack.stop();
  }
}

async function setUpTenants(stack: BenchStack, log: (line: string) => void): Promise<Tenant[]> {
  const tenants: Tenant[] = new Array<Tenant>(stack.tenantSimulators.length);
  let next = 0;
  const setUpNext = async (): Promise<void> => {
    for (let index = next++; index < stack.tenantSimulators.length; index = next++) {
      const sims = stack.tenantSimulators[index];
      const quiet = (): void => undefined;
      const tenant = await createTenantAndConnect(stack, quiet, sims, `Benchmark MSP ${index + 1}`);
      await tenant.api.ok('PUT', '/api/v1/halopsa/sync/settings', { intervalMinutes: 1440, watchIntervalSeconds: 3600 });
      await mapEverything(sims, tenant, quiet);
      tenants[index] = tenant;
      if ((index + 1) % 10 === 0) log(`tenant ${index + 1} set up`);
    }
  };
  await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, setUpNext));
  return tenants;
}

async function followRuns(tenants: Tenant[], sentAt: number, timeoutMs: number, log: (line: string) => void): Promise<TenantResult[]> {
  const latest = new Map<number, RunView>();
  let reported = -1;
  const since = (iso: string | null): number | null => (iso === null ? null : seconds(new Date(iso).getTime() - sentAt));
  await pollUntil(
    async () => {
      await Promise.all(
        tenants.map(async (tenant, index) => {
          if (latest.get(index)?.finishedAt) return;
          const runs = (await tenant.api.ok<{ items: RunView[] }>('GET', '/api/v1/halopsa/sync-runs?pageSize=5')).items;
          const manual = runs.find((run) => run.trigger === 'manual');
          if (manual) latest.set(index, manual);
        }),
      );
      const done = [...latest.values()].filter((run) => run.state !== 'running').length;
      if (done !== reported) log(`  ${(reported = done)}/${tenants.length} initial syncs finished`);
      return done === tenants.length ? true : undefined;
    },
    timeoutMs,
    POLL_MS,
  );
  return tenants.map((_, index) => {
    const run = latest.get(index);
    return { tenant: index + 1, state: run?.state ?? 'not begun', startedAfterSeconds: since(run?.startedAt ?? null), finishedAfterSeconds: since(run?.finishedAt ?? null), counts: run?.counts ?? {} };
  });
}

/** Per worker process (pid), the activity tasks it started in the tenants' sync workflows. */
async function activitiesByWorker(stack: BenchStack, tenants: Tenant[]): Promise<Record<string, number>> {
  const byWorker: Record<string, number> = Object.fromEntries(stack.workers.map((worker) => [`pid ${worker.pid}`, 0]));
  for (const tenant of tenants) {
    const history = await stack.temporal.client.workflow.getHandle(syncWorkflowId(tenant.integrationId)).fetchHistory();
    for (const event of history.events ?? []) {
      const identity = event.activityTaskStartedEventAttributes?.identity;
      if (!identity) continue;
      const key = `pid ${identity.split('@')[0]}`;
      byWorker[key] = (byWorker[key] ?? 0) + 1;
    }
  }
  return byWorker;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
