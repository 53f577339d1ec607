import { RunningSimulators } from '../simulators/cli';

const EVERY_MS = 5_000;

async function control(consoleUrl: string, method: string, path: string, body: unknown): Promise<void> {
  await fetch(`${consoleUrl}/_sim${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/**
 * Makes the demo's Console live: every few seconds a computer finishes a backup or is renamed.
 * Like the real Console it sends no events: the integration's watcher finds the changes, so the
 * Temporal UI and the HaloPSA simulator show them synced within a poll. Returns a stop function.
 */
export function startConsoleActivity(simulators: RunningSimulators): () => void {
  let tick = 0;
  const timer = setInterval(() => {
    const computers = simulators.consoleSimulator.state.computers;
    if (computers.length === 0) return;
    const computer = computers[(tick * 7919) % computers.length];
    const hid = computer.ComputerHID.replace(/[{}]/g, '').toLowerCase();
    const change =
      tick % 3 === 2
        ? control(simulators.consoleUrl, 'PATCH', `/computers/${hid}`, { computerName: `${computer.ComputerName.replace(/-R\d+$/, '')}-R${tick}` })
        : control(simulators.consoleUrl, 'POST', `/computers/${hid}/backups`, { status: tick % 5 === 0 ? 'Warning' : 'Success' });
    tick++;
    change.catch(() => undefined);
  }, EVERY_MS);
  return () => clearInterval(timer);
}
