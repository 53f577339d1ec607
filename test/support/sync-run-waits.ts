import { waitFor } from '../../dev/wait-for';
import { callApi } from './api-client';
import { ProductStack } from './product-stack';

/** A sync run as GET /api/v1/halopsa/sync-runs lists it. */
export interface SyncRunSummary {
  runId: string;
  trigger: string;
  state: string;
}

/** Waits on the sync runs of the integration behind one API key, through the API as an MSP would; `Run` is what the caller reads of a listed run. */
export function syncRunWaits<Run extends SyncRunSummary = SyncRunSummary>(stack: ProductStack, apiKey: string) {
  const api = <T>(method: string, path: string) => callApi<T>(stack.apiUrl, method, path, { token: apiKey });
  const runs = async (): Promise<Run[]> => (await api<{ items: Run[] }>('GET', '/api/v1/halopsa/sync-runs?pageSize=100')).body.items ?? [];

  /** Waits for a run not in `known` that matches `wanted` to finish (any final state); its summary. */
  async function finished(wanted: (run: Run) => boolean, known: ReadonlySet<string>, timeoutMs = 60_000): Promise<Run> {
    let found: Run | undefined;
    await waitFor('a sync run to finish', async () => {
      found = (await runs()).find((run) => !known.has(run.runId) && wanted(run) && run.state !== 'running');
      return found !== undefined;
    }, timeoutMs, 200);
    return found!;
  }

  return {
    /** The latest 100 runs, newest first. */
    runs,
    /** The ids of the runs so far: what `finished` must not take for a new run. */
    known: async (): Promise<Set<string>> => new Set((await runs()).map((run) => run.runId)),
    finished,
    /** "Sync now" (POST /api/v1/halopsa/sync), then follows the run id it answers until that run finishes. */
    async syncNow(timeoutMs?: number): Promise<Run> {
      const known = new Set((await runs()).map((run) => run.runId));
      const asked = await api<{ runId: string | null; follow: string }>('POST', '/api/v1/halopsa/sync');
      if (asked.status !== 202 || !asked.body.runId) throw new Error(`sync now answered ${asked.status}: ${JSON.stringify(asked.body)}`);
      const { runId, follow } = asked.body;
      if (follow !== `/api/v1/halopsa/sync-runs/${runId}`) throw new Error(`sync now gave ${follow} to follow run ${runId}`);
      let followed: Run | undefined;
      // From the moment it is answered, the run is there to follow: any answer but 200 fails at once.
      let refused: string | undefined;
      await waitFor(`sync run ${runId} to finish`, async () => {
        const answer = await api<Run>('GET', follow);
        if (answer.status !== 200) refused = `${follow} answered ${answer.status}: ${JSON.stringify(answer.body)}`;
        else followed = answer.body;
        return refused !== undefined || (followed?.state !== 'queued' && followed?.state !== 'running');
      }, timeoutMs ?? 60_000, 200);
      if (refused) throw new Error(refused);
      const listed = await finished((run) => run.runId === runId, known, 5_000);
      if (listed.trigger !== 'manual' || followed?.runId !== runId) throw new Error(`run ${runId} followed as ${JSON.stringify(followed)}, listed as ${JSON.stringify(listed)}`);
      return listed;
    },
  };
}
