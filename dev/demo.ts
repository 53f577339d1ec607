import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runMigrations } from '../src/persistence/migrate';
import { WORKER_NODE_FLAGS } from '../src/worker-node-flags';
import { startSimulators } from '../simulators/cli';
import { startNodeProcess } from './child-process';
import { startConsoleActivity } from './demo-activity';
import { DemoMappingSummary, mapAndExport } from './demo-mappings';
import { createDemoTenant, DemoTenant, post } from './demo-tenant';
import { freePort } from './free-port';
import { dropDatabaseNobodyUses, ensureDatabase, ensurePostgres } from './postgres';
import { DATA_DIR, PROJECT_ROOT } from './project-paths';
import { findOrBuildTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';
import { waitFor } from './wait-for';

const DEMO_DATABASE = 'halopsa_integration';
/** The shortest watch interval, so the demo's Console changes show in HaloPSA soon. */
const DEMO_WATCH_INTERVAL_SECONDS = 15;
const say = (line: string): void => void process.stderr.write(`[demo] ${line}\n`);

/** Everything the demo started, stopped in reverse order on Ctrl-C or failure. */
const started: { name: string; stop: () => Promise<void> }[] = [];

async function stopAll(): Promise<void> {
  for (const { name, stop } of started.reverse()) {
    say(`stopping ${name}`);
    await stop().catch((error: unknown) => say(`could not stop ${name}: ${String(error)}`));
  }
}

/** The dev server's UI decodes payloads through the API's codec endpoint (see `/codec/login`). */
async function temporal(codecEndpoint: string): Promise<{ address: string; uiUrl: string }> {
  if (process.env.TEMPORAL_ADDRESS) {
    return { address: process.env.TEMPORAL_ADDRESS, uiUrl: process.env.TEMPORAL_UI_URL ?? 'see your cluster' };
  }
  const binary = await findOrBuildTemporalCli(say);
  const port = await freePort(7233);
  const server = await startTemporalDevServer({ binary, port, uiPort: await freePort(port + 1000), uiCodecEndpoint: codecEndpoint });
  started.push({ name: 'Temporal dev server', stop: () => server.stop() });
  return server;
}

/**
 * The payload codec key, made once and kept in .data beside Temporal's database: the histories
 * Temporal keeps from earlier demo runs still decode, and what those runs left running still runs.
 */
async function demoCodecKeys(): Promise<string> {
  const file = join(DATA_DIR, 'demo-codec-keys');
  const kept = await readFile(file, 'utf8').then((text) => text.trim(), () => '');
  if (kept) return kept;
  const keys = `demo:${randomBytes(32).toString('base64')}`;
  await writeFile(file, `${keys}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return keys;
}

/** The browser origin of the Temporal UI, which may call the codec endpoint (CORS). */
function uiOrigin(uiUrl: string): string | undefined {
  try {
    return new URL(uiUrl).origin;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const logs = join(DATA_DIR, 'logs');
  await mkdir(logs, { recursive: true });

  say('finding PostgreSQL');
  const postgres = await ensurePostgres(say);
  started.push({ name: 'PostgreSQL', stop: () => postgres.stop() });
  // The simulators live in memory, so the demo's database starts afresh with them.
  await dropDatabaseNobodyUses(postgres.adminUrl, DEMO_DATABASE);
  const databaseUrl = await ensureDatabase(postgres.adminUrl, DEMO_DATABASE);
  await runMigrations(databaseUrl);
  say(`PostgreSQL: ${postgres.source}, database ${DEMO_DATABASE} created and migrated`);

  const apiPort = await freePort(3000);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  say('starting Temporal');
  const { address, uiUrl } = await temporal(`${apiUrl}/codec`);

  const simulators = await startSimulators({
    companies: 20,
    computers: 200,
    seed: 1,
    haloPort: await freePort(4010),
    consolePort: await freePort(4020),
  });
  started.push({ name: 'simulators', stop: () => simulators.close() });

  const operatorToken = randomBytes(32).toString('base64url');
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: address,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    OPERATOR_TOKEN: operatorToken,
    SECRET_KEYS: `demo:${randomBytes(32).toString('base64')}`,
    TEMPORAL_CODEC_KEYS: process.env.TEMPORAL_CODEC_KEYS || (await demoCodecKeys()),
    TEMPORAL_UI_ORIGIN: process.env.TEMPORAL_UI_ORIGIN || uiOrigin(uiUrl) || '',
    ALLOWED_INSECURE_HOSTS: [simulators.haloUrl, simulators.consoleUrl].map((url) => new URL(url).host).join(','),
    PUBLIC_BASE_URL: apiUrl,
  };
  for (const name of ['worker', 'api'] as const) {
    const entry = join(PROJECT_ROOT, 'dist', 'src', name === 'api' ? 'main.js' : 'worker.js');
    const child = startNodeProcess(name, entry, env, join(logs, `${name}.log`), name === 'worker' ? WORKER_NODE_FLAGS : []);
    started.push({ name, stop: () => child.stop() });
    void child.exited.then(async (code) => {
      if (stopping) return;
      say(`${name} exited with code ${code}; see ${join(logs, `${name}.log`)}`);
      await shutdown(1);
    });
  }
  await waitFor('the API to report healthy', async () => (await fetch(`${apiUrl}/health`)).ok, 90_000, 500);
  const tenant = await createDemoTenant(apiUrl, operatorToken, simulators);
  say(`demo tenant connected to the HaloPSA simulator; setup runs as ${tenant.setupWorkflowId}`);
  const mapped = await mapAndExport(apiUrl, tenant.apiKey, say);
  await post(`${apiUrl}/api/v1/halopsa/sync/settings`, 'PUT', tenant.apiKey, { watchIntervalSeconds: DEMO_WATCH_INTERVAL_SECONDS });
  const stopActivity = startConsoleActivity(simulators);
  started.push({ name: 'Console activity', stop: async () => stopActivity() });

  const ready = { apiUrl, temporalUiUrl: uiUrl, haloUrl: simulators.haloUrl, consoleUrl: simulators.consoleUrl, apiKey: tenant.apiKey, simulatorProfile: simulators.profile };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
  const signIn = await post<{ url: string }>(`${apiUrl}/settings/sign-in-links`, 'POST', tenant.apiKey);
  process.stdout.write(guide(ready, tenant, mapped, operatorToken, logs, signIn.url));
}

interface Ready {
  apiUrl: string;
  temporalUiUrl: string;
  haloUrl: string;
  consoleUrl: string;
  apiKey: string;
  simulatorProfile: string;
}

function guide(ready: Ready, tenant: DemoTenant, mapped: DemoMappingSummary, operatorToken: string, logs: string, signInLink: string): string {
  const auth = `-H "Authorization: Bearer ${ready.apiKey}"`;
  return [
    '',
    'The integration service is running on its embedded defaults, with a demo tenant connected to the HaloPSA simulator:',
    `  ${mapped.companiesMapped} companies auto-mapped (${mapped.companiesLeftForYou} ambiguous or unmatched, left for you), ${mapped.assetTypesMapped} license types mapped, ${mapped.assetsExported} computers exported as assets.`,
    `  Every 5 seconds a Console computer finishes a backup or is renamed; the watcher reads the Console every ${DEMO_WATCH_INTERVAL_SECONDS} s and syncs what changed`,
    `  (Temporal UI: workflows watch:${tenant.integrationId} and sync:${tenant.integrationId}; runs: GET /api/v1/halopsa/sync-runs).`,
    `  Settings page   ${ready.apiUrl}/settings  (Settings > Integrations > HaloPSA; sign in with the API key, or once with this link, valid 15 minutes:`,
    `                  ${signInLink}`,
    `                  a new link: curl -s -X POST ${auth} ${ready.apiUrl}/settings/sign-in-links)`,
    `  API reference   ${ready.apiUrl}/docs`,
    `  Temporal UI     ${ready.temporalUiUrl}/namespaces/default/workflows/${encodeURIComponent(tenant.setupWorkflowId)}  (the setup history)`,
    `                  payloads are encrypted: to read them, sign in at ${ready.apiUrl}/codec/login with the operator token, then in the UI's`,
    `                  codec settings (data encoder icon) use your browser setting: endpoint ${ready.apiUrl}/codec, "Include cross-origin credentials"`,
    `  HaloPSA sim     ${ready.haloUrl}/_sim/state  (customers, custom fields, buttons, counters)`,
    `  Console sim     ${ready.consoleUrl}/_sim/state`,
    `  Logs            ${logs}/api.log, ${logs}/worker.log`,
    '',
    'Try:',
    `  curl -s ${auth} ${ready.apiUrl}/api/v1/halopsa                       # status and steps`,
    `  curl -s -X POST ${auth} ${ready.apiUrl}/api/v1/halopsa/permissions/check  # what holds, what to fix`,
    `  curl -s ${auth} "${ready.apiUrl}/api/v1/halopsa/companies?filter=unmapped"  # what is left to map, with suggestions`,
    `  curl -s ${auth} "${ready.apiUrl}/api/v1/halopsa/computers?pageSize=5"        # computers and their Halo assets`,
    `  curl -s ${ready.haloUrl}/_sim/assets                                  # the assets in the HaloPSA simulator`,
    `Operator token (creates tenants and API keys, this run only): ${operatorToken}`,
    'Press Ctrl-C to stop everything the demo started.',
    '',
  ].join('\n');
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stopAll();
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
