import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `killAfterMs` if it has not exited. */
  stop(killAfterMs?: number): Promise<void>;
}

/** Appends a child's stdout and stderr to a log file and gives it a graceful stop. */
export function supervise(name: string, child: ChildProcess, logFile: string): ManagedProcess {
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    child,
    exited,
    async stop(killAfterMs = 40_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Children run in their own process group (`detached`), so a terminal's Ctrl-C reaches only the
 * demo, which then stops each child once, in order.
 */
export const CHILD_SPAWN_OPTIONS: SpawnOptions = { stdio: ['ignore', 'pipe', 'pipe'], detached: true };

export function startNodeProcess(name: string, entry: string, env: NodeJS.ProcessEnv, logFile: string, nodeFlags: readonly string[] = []): ManagedProcess {
  return supervise(name, spawn(process.execPath, [...nodeFlags, entry], { ...CHILD_SPAWN_OPTIONS, env }), logFile);
}
