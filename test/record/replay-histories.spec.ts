import { mapAndExport } from '../../dev/demo-mappings';
import { waitFor } from '../../dev/wait-for';
import { callApi } from '../support/api-client';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';
import { Execution, showDecodedHistory, withRelativePaths, writeHistory } from './history-file';
import { expectStatus, SyncJourney } from './sync-journey';
import { completed, listRuns, POLL_MS } from './workflow-runs';

/**
 * `npm run replay:record` (opt-in: never part of `npm test`): the journeys behind the histories in
 * test/replay/histories, taken on the whole product (compiled API and worker, a Temporal dev
 * server, PostgreSQL, the simulators), each history written to REPLAY_HISTORIES_DIR in clear and
 * with relative paths. See test/replay/README.md.
 */

const DIR = process.env.REPLAY_HISTORIES_DIR;

interface Removal {
  state: string;
  manualActions: { id: string; state: string }[];
}

jest.setTimeout(600_000);

describe('recording the replay histories', () => {
  let stack: ProductStack;
  let tenant: TenantFixture;
  let integrationId: string;
  let sync: SyncJourney;

  const api = <T>(method: string, path: string) => callApi<T>(stack.apiUrl, method, path, { token: tenant.apiKey });
  const log = (line: string): void => void process.stderr.write(`[record] ${line}\n`);

  async function record(name: string, execution: Execution): Promise<void> {
    const path = await writeHistory(DIR as string, name, withRelativePaths(await showDecodedHistory(stack, execution)));
    log(`${execution.workflowId} (run ${execution.runId}) → ${path}`);
  }

  async function removal(until: (state: Removal) => boolean): Promise<Removal> {
    let state: Removal | undefined;
    await waitFor('the removal', async () => until((state = (await api<Removal>('GET', '/api/v1/halopsa/removal')).body)), 60_000, POLL_MS);
    return state as Removal;
  }

  beforeAll(async () => {
    if (!DIR) throw new Error('REPLAY_HISTORIES_DIR is not set: record with `npm run replay:record [-- <directory>]`');
    // A low history limit, so that the sync workflow's first run continues as new within a few event runs.
    stack = await startProductStack({ companies: 6, computers: 30, env: { TEMPORAL_HISTORY_LIMIT: '100', HALO_WRITE_BATCH_SIZE: '2' } });
    tenant = await createTenant(stack, administrators(stack).full.AdminID);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('setup: stopped by a missing administrator right, then completed with the inventory fields', async () => {
    await simulatorControl(stack.halo.url, 'PUT', '/agent', { is_admin: false });
    await expect(connectAndSetUp(stack, tenant)).rejects.toThrow();
    await simulatorControl(stack.halo.url, 'PUT', '/agent', { is_admin: true });
    ({ integrationId } = await connectAndSetUp(stack, tenant));
    const [failed, done] = await listRuns(stack, `WorkflowId = 'setup:${integrationId}'`, (found) => found.length === 2 && found.some(completed));
    expect(failed.status.name).toBe('FAILED');
    await record('setup-integration-failed-permission', failed);
    await record('setup-integration-with-inventory-fields', done);
  });

  it('export: companies and license types mapped, every computer exported in batches', async () => {
    await mapAndExport(stack.apiUrl, tenant.apiKey, log);
    const [first] = await listRuns(stack, `WorkflowType = 'exportComputers' AND IntegrationId = '${integrationId}'`, (found) => found.length > 0 && found.every(completed));
    await record('export-computers-completed', first);
  });

  it('sync: "sync now" and Console events until it continues as new, then an event, "sync now", the schedule tick and a change the watcher finds', async () => {
    sync = await SyncJourney.begin(stack, tenant, integrationId);
    await sync.syncNow();
    await sync.untilContinuedAsNew();
    await sync.consoleEvent();
    await sync.syncNow();
    await record('scheduled-sync-requested', await sync.scheduleTick());
    const [first] = await sync.executions();
    await record('integration-sync-continued-as-new', first);
    await sync.watchedChange();
  });

  it('removal: a refused step becomes a manual action, retried once the right is granted; the sync and the watcher stop', async () => {
    await simulatorControl(stack.halo.url, 'PUT', '/forbidden', [{ entity: 'CustomButton', verb: 'DELETE' }]);
    expectStatus(await api('DELETE', '/api/v1/halopsa'), 202, 'DELETE /api/v1/halopsa');
    const refused = await removal((state) => state.manualActions.some((action) => action.state === 'open'));
    await simulatorControl(stack.halo.url, 'PUT', '/forbidden', []);
    const retried = await api<{ state: string }>('POST', `/api/v1/halopsa/removal/actions/${refused.manualActions[0].id}/retry`);
    expect(retried.body.state).toBe('done-by-retry');
    await removal((state) => state.state === 'removed');
    await record('remove-integration-manual-action-retried', await stack.temporal.client.workflow.getHandle(`remove:${integrationId}`).describe());
    const runs = await sync.executions();
    const last = runs[runs.length - 1];
    expect(last.status.name).toBe('COMPLETED');
    await record('integration-sync-events-full-and-stop', last);
    await record('watch-console-polls-until-removed', await sync.watcherEnded());
  });
});
