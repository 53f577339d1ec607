import { execFile } from 'node:child_process';
import { access, constants, mkdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { TOOLS_BIN } from './project-paths';

const run = promisify(execFile);

/** v1.5.1 is the newest tag without a `replace` directive, which `go install pkg@version` refuses. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Finds the Temporal CLI on PATH, then in .tools/bin; builds it there with Go when absent
 * (once: later calls reuse it). `log` receives progress for the slow first build.
 */
export async function findOrBuildTemporalCli(log: (line: string) => void = () => undefined): Promise<string> {
  const onPath = await findOnPath('temporal');
  if (onPath) return onPath;
  const local = join(TOOLS_BIN, 'temporal');
  if (await isExecutable(local)) return local;
  const go = await findOnPath('go');
  if (!go) {
    throw new Error('The Temporal CLI is not installed and Go is not available to build it: install Go, or put `temporal` on PATH, or set TEMPORAL_ADDRESS.');
  }
  await mkdir(TOOLS_BIN, { recursive: true });
  log(`Building the Temporal CLI (${TEMPORAL_CLI_MODULE}) into ${TOOLS_BIN}; the first build takes a few minutes...`);
  await run(go, ['install', TEMPORAL_CLI_MODULE], {
    env: { ...process.env, GOBIN: TOOLS_BIN },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!(await isExecutable(local))) throw new Error(`go install finished but ${local} is missing`);
  log('Temporal CLI built.');
  return local;
}
