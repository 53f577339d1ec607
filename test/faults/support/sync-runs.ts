import { Client } from 'pg';
import { waitFor } from '../../../dev/wait-for';
import { ProductStack } from '../../support/product-stack';
import { MappedIntegration } from './fault-journey';

export interface SyncRunRow {
  id: string;
  trigger: string;
  state: string;
  counts: Record<string, number>;
}

/** The integration's sync runs, read from the product's database (the API's per-key rate limit would slow a poll). */
export async function syncRuns(stack: ProductStack, integrationId: string): Promise<SyncRunRow[]> {
  const db = new Client({ connectionString: stack.database.url });
  await db.connect();
  try {
    const rows = await db.query<SyncRunRow>('SELECT id, trigger, state, counts FROM sync_runs WHERE integration_id = $1 ORDER BY started_at', [integrationId]);
    return rows.rows;
  } finally {
    await db.end();
  }
}

/** "Sync now", then waits for every run to finish; answers the run it started. */
export async function syncNowAndSettle(stack: ProductStack, journey: MappedIntegration, timeoutMs: number): Promise<SyncRunRow> {
  const before = await runIds(stack, journey.integrationId);
  await requestSync(journey);
  return settledManualRun(stack, journey.integrationId, before, timeoutMs);
}

export async function runIds(stack: ProductStack, integrationId: string): Promise<Set<string>> {
  return new Set((await syncRuns(stack, integrationId)).map((run) => run.id));
}

/** Waits for a manual run not among `before` to exist and for every run to be finished. */
export async function settledManualRun(stack: ProductStack, integrationId: string, before: Set<string>, timeoutMs: number): Promise<SyncRunRow> {
  let started: SyncRunRow | undefined;
  await waitFor(
    'the requested sync run to finish',
    async () => {
      const runs = await syncRuns(stack, integrationId);
      started = runs.find((run) => !before.has(run.id) && run.trigger === 'manual');
      return started !== undefined && runs.every((run) => run.state !== 'running');
    },
    timeoutMs,
    500,
  );
  return started!;
}

/** Waits until no sync run of the integration is running (a removal's scenario starts from rest). */
export async function allRunsFinished(stack: ProductStack, integrationId: string, timeoutMs: number): Promise<void> {
  await waitFor('every sync run to finish', async () => (await syncRuns(stack, integrationId)).every((run) => run.state !== 'running'), timeoutMs, 500);
}

/** What a run did or failed to do: its counts without the computers it left alone. A no-op run has none. */
export function workOf(run: SyncRunRow): Record<string, number> {
  return Object.fromEntries(Object.entries(run.counts).filter(([key, n]) => key !== 'left-alone' && n > 0));
}

export async function requestSync(journey: MappedIntegration): Promise<void> {
  const answer = await journey.api('POST', '/api/v1/halopsa/sync');
  if (answer.status !== 202) throw new Error(`sync now answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}
