import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../dev/project-paths';
import { waitFor } from '../../dev/wait-for';
import { WORKER_NODE_FLAGS } from '../../src/worker-node-flags';
import { onTestFileEnd } from './file-teardown';

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
  const child = spawn(process.execPath, [...(kind === 'worker' ? WORKER_NODE_FLAGS : []), entry], { env: { PATH, HOME, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ended = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const killIfLeft = (): void => void child.kill('SIGKILL');
  process.once('exit', killIfLeft);
  const forgetAtFileEnd = onTestFileEnd(() => {
    killIfLeft();
    return exited;
  });
  void exited.then(() => {
    process.off('exit', killIfLeft);
    forgetAtFileEnd();
  });
  return {
    child,
    output: () => output,
    exited,
    async waitForOutput(pattern, timeoutMs = 60_000) {
      await waitFor(`${kind} output matching ${pattern}`, async () => pattern.test(output) || ended(), timeoutMs, 100);
      if (!pattern.test(output)) {
        const how = child.signalCode ?? `code ${child.exitCode}`;
        throw new Error(`The ${kind} process ended (${how}) before its output matched ${pattern}; it printed:\n${output.slice(-4_000)}`);
      }
    },
    async stop(signal = 'SIGTERM') {
      if (!ended()) child.kill(signal);
      return exited;
    },
  };
}
