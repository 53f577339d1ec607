/**
 * What a test file started and has not stopped yet, stopped when the file ends.
 *
 * When a `beforeAll` times out, jest runs the file's `afterAll` at once while the start goes on;
 * whatever that start brings up afterwards (servers, child processes) would keep jest from ever
 * exiting. `stopLeftovers` runs after every file (test/support/stop-leftovers.ts); anything
 * registered after it is stopped as soon as it is registered. Jest gives each test file its own
 * copy of this module, so one file's leftovers never reach into the next.
 */
type Stop = () => Promise<unknown>;

const open: Stop[] = [];
let fileEnded = false;

/** Runs `stop` when the test file ends; call the returned function once it no longer needs to. */
export function onTestFileEnd(stop: Stop): () => void {
  if (fileEnded) {
    void stop().catch(reportLeftoverFailure);
    return () => undefined;
  }
  open.push(stop);
  return () => {
    const index = open.indexOf(stop);
    if (index >= 0) open.splice(index, 1);
  };
}

/** `stop`, made once-only and run when the test file ends unless the test ran it before. */
export function stoppedWithTestFile(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const once = (): Promise<void> => (stopping ??= stop());
  const forget = onTestFileEnd(once);
  return () => {
    forget();
    return once();
  };
}

/** `server`, its `close` made once-only and run when the test file ends unless the test ran it before. */
export function closedWithTestFile<T extends { close(): Promise<void> }>(server: T): T {
  return Object.assign(server, { close: stoppedWithTestFile(server.close.bind(server)) });
}

/** Stops what is still open, newest first (processes before the servers they use). */
export async function stopLeftovers(): Promise<void> {
  fileEnded = true;
  for (const stop of open.splice(0).reverse()) await stop().catch(reportLeftoverFailure);
}

function reportLeftoverFailure(error: unknown): void {
  process.stderr.write(`[test teardown] stopping a leftover failed: ${error instanceof Error ? error.message : String(error)}\n`);
}
