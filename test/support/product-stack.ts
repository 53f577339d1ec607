import { randomBytes } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { freePort } from '../../dev/free-port';
import { waitFor } from '../../dev/wait-for';
import { ConsoleSimulator, startConsoleSimulator } from '../../simulators/console/console-simulator';
import { consoleSettingsForProfile } from '../../simulators/console/profile';
import { DemoDataset, generateDemoData } from '../../simulators/demo-data';
import { HaloSimulator, startHaloSimulator } from '../../simulators/halo/halo-simulator';
import { simulatorProfileFrom } from '../../simulators/profile';
import { closedWithTestFile, stoppedWithTestFile } from './file-teardown';
import { productDataConverter, productSecretsEnv } from './product-env';
import { ProductProcess, startProductProcess } from './product-process';
import { RestartableInfrastructure, startRestartableInfrastructure } from './restartable-infrastructure';
import { startTemporalTestEnv } from './temporal-test-env';
import { createTestDatabase, TestDatabase } from './test-database';

/** The whole product as production runs it (API and worker processes), on real Temporal and PostgreSQL, against the simulators. */
export interface ProductStack {
  apiUrl: string;
  /** The Temporal Web UI, told about the API's codec endpoint; only with `temporal: 'with-ui'`. */
  temporalUiUrl: string | undefined;
  operatorToken: string;
  /** Every secret the stack was given, for leak scans. */
  secrets: string[];
  env: Record<string, string>;
  halo: HaloSimulator;
  console: ConsoleSimulator;
  dataset: DemoDataset;
  /** Its `client` decodes with the product's payload codec (`new Client({ connection: temporal.connection })` does not). */
  temporal: TestWorkflowEnvironment;
  database: TestDatabase;
  api: ProductProcess;
  /** Replaceable: a test may kill the worker and start another. */
  worker: ProductProcess;
  /** Only with `infrastructure: 'restartable'`: stop a server, leave it down for `downMs`, start it again. */
  restart?: { temporal(downMs: number): Promise<void>; postgres(downMs: number): Promise<void> };
  stop(): Promise<void>;
}

export interface ProductStackOptions {
  companies?: number;
  computers?: number;
  env?: Record<string, string>;
  /** `with-ui`: the dev server also serves its Web UI, with `--ui-codec-endpoint <api>/codec`, and the API allows its origin (TEMPORAL_UI_ORIGIN). */
  temporal?: 'headless' | 'with-ui';
  /** `restartable`: a PostgreSQL server and a Temporal database of the stack's own, which `restart` may stop and start. */
  infrastructure?: 'shared' | 'restartable';
}

export async function startProductStack(options: ProductStackOptions = {}): Promise<ProductStack> {
  const profile = simulatorProfileFrom(process.env.SIMULATOR_PROFILE);
  const dataset = generateDemoData({ companies: options.companies ?? 6, computers: options.computers ?? 30, seed: 7 });
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const ui = options.temporal === 'with-ui' ? { port: await freePort(), codecEndpoint: `${apiUrl}/codec` } : undefined;
  const temporalUiUrl = ui && `http://127.0.0.1:${ui.port}`;
  const secrets = productSecretsEnv(apiUrl);
  const codecEnv = { TEMPORAL_CODEC_KEYS: secrets.TEMPORAL_CODEC_KEYS, ...pick(options.env, 'TEMPORAL_CODEC_KEYS', 'TEMPORAL_CODEC_ACTIVE_KEY_ID') };
  const own = options.infrastructure === 'restartable' ? await startRestartableInfrastructure().then(destroyedWithTestFile) : undefined;
  const temporalOptions = { dataConverter: productDataConverter(codecEnv), ui, ...own?.temporalServer };
  const [temporal, database, halo, consoleSimulator] = await Promise.all([
    startTemporalTestEnv(temporalOptions),
    createTestDatabase({ adminUrl: own?.postgresAdminUrl }),
    startHaloSimulator({ profile }).then(closedWithTestFile),
    startConsoleSimulator({ data: dataset.console, settings: consoleSettingsForProfile(profile) }).then(closedWithTestFile),
  ]);
  halo.seedClients(dataset.halo.clients);
  const env = {
    ...secrets,
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.connection.options.address,
    TEMPORAL_TASK_QUEUE: `e2e-${randomBytes(4).toString('hex')}`,
    PORT: String(apiPort),
    WORKER_METRICS_PORT: '0',
    /** The test simulators impose no rate limit, and the fuzzing alone sends thousands of requests: a test of the budget sets its own. */
    HALO_REQUEST_BUDGET: '1000000/300',
    ALLOWED_INSECURE_HOSTS: [halo.url, consoleSimulator.url, apiUrl].map((url) => new URL(url).host).join(','),
    ...(temporalUiUrl ? { TEMPORAL_UI_ORIGIN: temporalUiUrl } : {}),
    ...options.env,
  };
  const worker = startProductProcess('worker', env);
  const api = startProductProcess('api', env);
  await Promise.all([
    api.waitForOutput(/API listening/),
    worker.waitForOutput(/"state":"RUNNING"/),
    temporalUiUrl && waitFor(`the Temporal UI at ${temporalUiUrl}`, async () => (await fetch(temporalUiUrl)).ok, 30_000),
  ]);
  const stack: ProductStack = {
    apiUrl,
    temporalUiUrl,
    operatorToken: secrets.OPERATOR_TOKEN,
    secrets: [secrets.OPERATOR_TOKEN, secrets.SECRET_KEYS, codecEnv.TEMPORAL_CODEC_KEYS, halo.credentials.clientSecret, consoleSimulator.credentials.password],
    env,
    halo,
    console: consoleSimulator,
    dataset,
    temporal,
    database,
    api,
    worker,
    restart: own && {
      async temporal(downMs) {
        await stack.temporal.teardown();
        await new Promise((resolve) => setTimeout(resolve, downMs));
        stack.temporal = await startTemporalTestEnv(temporalOptions);
      },
      postgres: (downMs) => own.restartPostgres(downMs),
    },
    async stop() {
      await Promise.all([stack.api.stop(), stack.worker.stop()]);
      const undeclared = halo.undeclared.snapshot();
      await Promise.all([stack.temporal.teardown(), database.drop(), halo.close(), consoleSimulator.close()]);
      await own?.destroy();
      if (Object.keys(undeclared).length > 0) {
        throw new Error(`The product sent HaloPSA names its OpenAPI document does not declare: ${JSON.stringify(undeclared)}`);
      }
    },
  };
  return stack;
}

function destroyedWithTestFile(infrastructure: RestartableInfrastructure): RestartableInfrastructure {
  return { ...infrastructure, destroy: stoppedWithTestFile(infrastructure.destroy) };
}

function pick(env: Record<string, string> | undefined, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => env?.[name]).map((name) => [name, (env as Record<string, string>)[name]]));
}
