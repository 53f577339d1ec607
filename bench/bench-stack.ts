import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readdirSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { freePort } from '../dev/free-port';
import { databaseUrl, dropDatabase, ensureDatabase, ensurePostgres } from '../dev/postgres';
import { DATA_DIR, PROJECT_ROOT } from '../dev/project-paths';
import { WORKER_NODE_FLAGS } from '../src/worker-node-flags';
import { findOrBuildTemporalCli } from '../dev/temporal-cli';
import { waitFor } from '../dev/wait-for';
import { RunningSimulators, startSimulators } from '../simulators/cli';
import { runMigrations } from '../src/persistence/migrate';
import { PRODUCT_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

const run = promisify(execFile);

/** A compiled product process (API or worker), started as production starts it, its output in a log file. */
export interface BenchProcess {
  pid: number;
  logFile: string;
  exited: Promise<number | null>;
  /** How the process ended (`exited with code 1`, `killed by SIGKILL`), while it runs undefined. */
  ended(): string | undefined;
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** SIGTERM, then SIGKILL after `killAfterMs`. */
  stop(killAfterMs?: number): Promise<void>;
}

/** The whole product as the e2e tests start it: PostgreSQL database, Temporal dev server, simulators, API and worker. */
export interface BenchStack {
  apiUrl: string;
  operatorToken: string;
  env: Record<string, string>;
  /** The first tenant's simulators (the only ones unless `tenants` > 1). */
  simulators: RunningSimulators;
  /** One Console and one HaloPSA simulator per tenant, each HaloPSA with its own rate limit. */
  tenantSimulators: RunningSimulators[];
  temporal: TestWorkflowEnvironment;
  databaseName: string;
  databaseUrl: string;
  api: BenchProcess;
  /** The first worker process (the only one unless `workers` > 1). */
  worker: BenchProcess;
  workers: BenchProcess[];
  logDir: string;
  /** Stops everything started, in reverse order; safe to call twice. */
  stop(): Promise<void>;
}

export interface BenchStackOptions {
  companies: number;
  computers: number;
  seed: number;
  /** Simulator pairs to start, one per tenant (seeds seed, seed + 1, …); 1 by default. */
  tenants?: number;
  /** Worker processes on the one task queue; 1 by default. */
  workers?: number;
  /** Node options for each worker process besides the product's own (`WORKER_NODE_FLAGS`; given later, they win). */
  workerNodeFlags?: readonly string[];
  log: (line: string) => void;
}

const ENTRIES = { api: 'main.js', worker: 'worker.js' } as const;
/** What the process must print once it is ready. */
const READY = { api: /API listening/, worker: /"state":"RUNNING"/ } as const;

function startProcess(kind: keyof typeof ENTRIES, env: Record<string, string>, logFile: string, nodeArgs: string[] = []): BenchProcess {
  const entry = join(PROJECT_ROOT, 'dist', 'src', ENTRIES[kind]);
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, [...nodeArgs, entry], { env: { PATH: PATH ?? '', HOME: HOME ?? '', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start the ${kind} process`);
  const log = createWriteStream(logFile, { flags: 'a' });
  // Only the start of the output is kept in memory, to see the "ready" line.
  let head = '';
  const keep = (chunk: Buffer): void => {
    if (head.length < 1_000_000) head += chunk.toString('utf8');
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killIfLeft = (): void => void child.kill('SIGKILL');
  process.once('exit', killIfLeft);
  void exited.then(() => process.off('exit', killIfLeft));
  return {
    pid: child.pid,
    logFile,
    exited,
    ended: () => (child.signalCode ? `killed by ${child.signalCode}` : child.exitCode !== null ? `exited with code ${child.exitCode}` : undefined),
    waitForOutput: (pattern, timeoutMs) =>
      waitFor(`the ${kind} process to print ${pattern}`, async () => {
        if (child.exitCode !== null) throw new Error(`the ${kind} process exited with code ${child.exitCode}; see ${logFile}`);
        return pattern.test(head);
      }, timeoutMs, 100),
    async stop(killAfterMs = 45_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}

/** Starts each part; on failure stops what was started, then rethrows. */
export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const { log } = options;
  const stoppers: { name: string; stop: () => Promise<void> }[] = [];
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const { name, stop: stopOne } of stoppers.reverse()) {
        log(`stopping ${name}`);
        await stopOne().catch((error: unknown) => log(`could not stop ${name}: ${error instanceof Error ? error.message : String(error)}`));
      }
    })());

  try {
    const logDir = join(DATA_DIR, 'bench', new Date().toISOString().replace(/[:.]/g, '-'));
    await mkdir(logDir, { recursive: true });

    const temporalCli = await findOrBuildTemporalCli(log);
    const postgres = await ensurePostgres(log);
    stoppers.push({ name: `PostgreSQL (${postgres.source})`, stop: () => stopPostgres(postgres) });
    const databaseName = `bench_${randomBytes(6).toString('hex')}`;
    await ensureDatabase(postgres.adminUrl, databaseName);
    stoppers.push({ name: `database ${databaseName} (drop)`, stop: () => dropDatabase(postgres.adminUrl, databaseName) });
    const dbUrl = databaseUrl(postgres.adminUrl, databaseName);
    await runMigrations(dbUrl);
    log(`PostgreSQL: ${postgres.source}, database ${databaseName} created and migrated`);

    const temporal = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: await quietLauncher(temporalCli, logDir) },
        ip: '127.0.0.1',
        searchAttributes: PRODUCT_SEARCH_ATTRIBUTES,
      },
    });
    stoppers.push({ name: 'Temporal dev server', stop: () => temporal.teardown() });
    log(`Temporal dev server at ${temporal.connection.options.address}`);

    const generatedAt = Date.now();
    const tenantSimulators: RunningSimulators[] = [];
    for (let tenant = 0; tenant < (options.tenants ?? 1); tenant++) {
      const simulators = await startSimulators({ companies: options.companies, computers: options.computers, seed: options.seed + tenant });
      tenantSimulators.push(simulators);
      stoppers.push({ name: `simulators of tenant ${tenant + 1}`, stop: () => simulators.close() });
    }
    const [simulators] = tenantSimulators;
    log(`simulators: ${tenantSimulators.length} × (${options.companies} companies, ${options.computers} computers) (seed ${options.seed}) in ${Date.now() - generatedAt} ms`);

    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const operatorToken = randomBytes(32).toString('base64url');
    const env: Record<string, string> = {
      OPERATOR_TOKEN: operatorToken,
      SECRET_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      PUBLIC_BASE_URL: apiUrl,
      DATABASE_URL: dbUrl,
      TEMPORAL_ADDRESS: temporal.connection.options.address,
      TEMPORAL_TASK_QUEUE: `bench-${randomBytes(4).toString('hex')}`,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      ALLOWED_INSECURE_HOSTS: [...tenantSimulators.flatMap((sims) => [sims.haloUrl, sims.consoleUrl]), apiUrl].map((url) => new URL(url).host).join(','),
      // Loopback only: the worker's Prometheus endpoint would listen on every interface.
      WORKER_METRICS_PORT: '0',
    };
    const workers: BenchProcess[] = [];
    for (let index = 1; index <= (options.workers ?? 1); index++) {
      const worker = startProcess('worker', env, join(logDir, index === 1 ? 'worker.log' : `worker-${index}.log`), [...WORKER_NODE_FLAGS, ...(options.workerNodeFlags ?? [])]);
      workers.push(worker);
      stoppers.push({ name: `worker ${index}`, stop: () => worker.stop() });
    }
    const api = startProcess('api', env, join(logDir, 'api.log'));
    stoppers.push({ name: 'API', stop: () => api.stop() });
    await Promise.all([api.waitForOutput(READY.api, 90_000), ...workers.map((worker) => worker.waitForOutput(READY.worker, 90_000))]);
    log(`API ${apiUrl} (pid ${api.pid}) and ${workers.length} worker(s) (pid ${workers.map((w) => w.pid).join(', ')}) ready; logs in ${logDir}`);

    return { apiUrl, operatorToken, env, simulators, tenantSimulators, temporal, databaseName, databaseUrl: dbUrl, api, worker: workers[0], workers, logDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The dev server prints a banner on its stdout, which it shares with this process: stdout must
 * carry only the benchmark's JSON. This launcher runs the same binary with its output in a log file.
 */
async function quietLauncher(temporalCli: string, logDir: string): Promise<string> {
  const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  const launcher = join(logDir, 'temporal-dev-server.sh');
  await writeFile(launcher, `#!/bin/sh\nexec ${quote(temporalCli)} "$@" >>${quote(join(logDir, 'temporal.log'))} 2>&1\n`);
  await chmod(launcher, 0o755);
  return launcher;
}

/** Stops PostgreSQL when this run started it (embedded, or the local cluster it found stopped); a server that was running is left running. */
async function stopPostgres(postgres: Awaited<ReturnType<typeof ensurePostgres>>): Promise<void> {
  if (postgres.source === 'local server (started)') {
    const [version] = readdirSync('/etc/postgresql');
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'stop']);
    return;
  }
  await postgres.stop();
}
