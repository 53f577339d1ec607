import { runTenantsScenario, TenantsOptions, TenantsRun } from './tenants-benchmark';

interface Target {
  target: string;
  measured: string | number | null;
  met: boolean | null;
}

/** Every tenant's initial sync, with the deployment's workers, finishes within this. */
const ALL_FINISHED_SECONDS = 90;
/** Slowest / fastest completion at most this. */
const FAIRNESS_RATIO = 2;

/**
 * The many-tenants benchmark: the scenario with `workers` worker processes and, when that is more
 * than one, first with a single worker on an identical fresh deployment (the baseline of the
 * speed-up, measured in the same run).
 */
export async function tenantsReport(opts: TenantsOptions, log: (line: string) => void): Promise<Record<string, unknown>> {
  const baseline = opts.workers > 1 ? await runTenantsScenario(opts, 1, log) : undefined;
  const measured = await runTenantsScenario(opts, opts.workers, log);
  const speedUp =
    baseline?.allFinishedSeconds && measured.allFinishedSeconds
      ? { oneWorkerSeconds: baseline.allFinishedSeconds, workersSeconds: measured.allFinishedSeconds, speedUp: Math.round((baseline.allFinishedSeconds / measured.allFinishedSeconds) * 100) / 100 }
      : undefined;
  return {
    definitions: {
      finishedAfterSeconds: 'From the moment "sync now" was answered for every tenant (all sent at once) to the run\'s own finishedAt (startedAfterSeconds: its startedAt).',
      activitiesByWorker: 'ActivityTaskStarted events in each tenant\'s sync:<integrationId> history, by the identity (pid@host) of the worker that took the task.',
      refused429: 'Answers 429 from all the tenants\' HaloPSA simulators during the initial syncs (each instance has HaloPSA\'s real 300 requests per 5 minutes).',
    },
    measured,
    ...(baseline ? { baselineOneWorker: baseline, speedUp } : {}),
    targets: targets(opts, measured),
  };
}

function targets(opts: TenantsOptions, run: TenantsRun): Target[] {
  const list: Target[] = [
    {
      target: `${opts.tenants} tenants' initial syncs all finish within ${ALL_FINISHED_SECONDS} s`,
      measured: run.allFinishedSeconds ?? `${run.tenants.filter((t) => t.finishedAfterSeconds === null).length} did not finish`,
      met: run.allFinishedSeconds !== null && run.allFinishedSeconds <= ALL_FINISHED_SECONDS && run.tenants.every((t) => t.state === 'completed'),
    },
    { target: `slowest / fastest completion ≤ ${FAIRNESS_RATIO}`, measured: run.slowestOverFastest, met: run.slowestOverFastest === null ? false : run.slowestOverFastest <= FAIRNESS_RATIO },
    {
      target: 'none starved: every run began before the first one finished',
      measured: `${run.startedBeforeFirstFinished} of ${opts.tenants}`,
      met: run.startedBeforeFirstFinished === opts.tenants,
    },
    { target: '0 answers 429', measured: run.refused429, met: run.refused429 === 0 },
    { target: '0 duplicates', measured: run.duplicates, met: run.duplicates === 0 },
  ];
  if (opts.workers > 1) {
    const working = Object.values(run.activitiesByWorker).filter((count) => count > 0).length;
    list.push({ target: `all ${opts.workers} workers execute activities`, measured: JSON.stringify(run.activitiesByWorker), met: working === opts.workers });
  }
  return list;
}
