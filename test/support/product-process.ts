import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../dev/project-paths';
import { waitFor } from '../../dev/wait-for';

/** A compiled product process (API or worker) started the way production starts it. */
export interface ProductProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const ENTRIES = { api: 'main.js', worker: 'worker.js' } as const;

export function startProductProcess(kind: keyof typeof ENTRIES, env: Record<string, string>): ProductProcess {
  const entry = join(PROJECT_ROOT, 'dist', 'src', ENTRIES[kind]);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run the suite with \`npm test\`, which compiles first`);
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, [entry], { env: { PATH, HOME, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killIfLeft = (): void => void child.kill('SIGKILL');
  process.once('exit', killIfLeft);
  void exited.then(() => process.off('exit', killIfLeft));
  return {
    child,
    output: () => output,
    exited,
    waitForOutput: (pattern, timeoutMs = 60_000) =>
      waitFor(`${kind} output matching ${pattern}`, async () => pattern.test(output), timeoutMs, 100),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
