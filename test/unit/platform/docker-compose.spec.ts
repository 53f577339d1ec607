import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../../dev/project-paths';
import { loadApiConfig, loadWorkerConfig } from '../../../src/config/app-config';
import { WORKER_NODE_FLAGS } from '../../../src/worker-node-flags';

type Service = { command?: string[]; environment?: Record<string, string> };

const COMPOSE_FILE = join(PROJECT_ROOT, 'docker-compose.yml');

const DEPLOYMENT_VARIABLES = {
  POSTGRES_PASSWORD: 'example',
  SECRET_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  OPERATOR_TOKEN: 'o'.repeat(40),
  PUBLIC_BASE_URL: 'https://integration.example.com',
};

/** `${NAME:?message}` and `${NAME:-default}` as compose expands them, with the variables a deployment would set. */
function interpolate(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{([A-Z_]+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) =>
    variables[name] || (kind === '-' ? (rest ?? '') : ''),
  );
}

function services(): Record<string, Service> {
  const text = interpolate(readFileSync(COMPOSE_FILE, 'utf8'), DEPLOYMENT_VARIABLES);
  return (parse(text, { merge: true }) as { services: Record<string, Service> }).services;
}

describe('docker-compose.yml', () => {
  it('has the production shape', () => {
    expect(Object.keys(services())).toEqual(expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'migrate', 'api', 'worker']));
  });

  it('gives the api and the worker a configuration their own validation accepts', () => {
    const { api, worker, migrate } = services();
    expect(api.command).toEqual(['node', 'dist/src/main.js']);
    expect(worker.command).toEqual(['node', ...WORKER_NODE_FLAGS, 'dist/src/worker.js']);
    expect(migrate.command).toEqual(['node', 'dist/src/persistence/migrate.js']);
    expect(() => loadApiConfig(api.environment)).not.toThrow();
    expect(() => loadWorkerConfig(worker.environment)).not.toThrow();
    expect(loadApiConfig(api.environment).database.url).toBe(loadWorkerConfig(worker.environment).database.url);
  });

  it('encrypts payloads on both processes with the same keys, and points the Temporal UI at the codec endpoint', () => {
    const { api, worker, 'temporal-ui': ui } = services();
    expect(loadApiConfig(api.environment).codec).toEqual(loadWorkerConfig(worker.environment).codec);
    expect(ui.environment).toMatchObject({ TEMPORAL_CODEC_ENDPOINT: `${DEPLOYMENT_VARIABLES.PUBLIC_BASE_URL}/codec`, TEMPORAL_CODEC_INCLUDE_CREDENTIALS: 'true' });
    expect(loadApiConfig(api.environment).codecEndpoint.uiOrigins).toEqual(['http://localhost:8080']);
  });

  /** Shown as skipped where the compose client is missing: nothing else checks the file as compose reads it. */
  const hasCompose = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
  const composeCheck = hasCompose ? it : it.skip;
  composeCheck(`passes \`docker compose config\`${hasCompose ? '' : ' (skipped: the docker compose client is not installed)'}`, () => {
    execFileSync('docker', ['compose', '-f', COMPOSE_FILE, 'config', '--quiet'], {
      env: { ...process.env, ...DEPLOYMENT_VARIABLES },
    });
  });
});
