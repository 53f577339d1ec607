import { waitFor } from '../../dev/wait-for';
import { callApi } from '../support/api-client';
import { postConsoleEvent } from '../support/console-event-post';
import { connectAndSetUp, haloRequests, resetHaloCounters } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { syncRunWaits } from '../support/sync-run-waits';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

interface RunDetail {
  runId: string;
  trigger: string;
  state: string;
  items: { items: { hid: string; action: string; outcome: string }[] };
}

const WATCH_INTERVAL_SECONDS = 15;

describe('Console change watcher (no push)', () => {
  let stack: ProductStack;
  let acme: TenantFixture;
  let integrationId: string;

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: acme.apiKey, body });
  const consoleSim = <T>(method: string, path: string, body?: unknown) => simulatorControl<T>(stack.console.url, method, path, body);
  const waits = () => syncRunWaits<RunDetail>(stack, acme.apiKey);
  const watcher = () => stack.temporal.client.workflow.getHandle(`watch:${integrationId}`);
  const linked = async () => (await api<{ items: { hid: string; companyId: string }[] }>('GET', '/api/v1/halopsa/computers?state=linked&pageSize=500')).body.items;

  /** Polls the watcher has finished, read from its history. */
  const pollsDone = async (): Promise<number> => {
    const history = await watcher().fetchHistory();
    return (history.events ?? []).filter((event) => event.activityTaskCompletedEventAttributes).length;
  };

  /** Waits until the watcher is between polls, and says how many it has done. */
  const settledPolls = async (): Promise<number> => {
    await waitFor('the watcher to be between polls', async () => ((await watcher().describe()).raw.pendingActivities ?? []).length === 0, 30_000, 100);
    return pollsDone();
  };

  /** Waits until every computer has a finished item with its action in some event run not in `known`. */
  const syncedByWatcher = async (expected: Record<string, string>, known: Set<string>): Promise<void> => {
    const seen = new Map<string, string>();
    await waitFor('the watcher to hand the changes to the sync', async () => {
      for (const run of (await waits().runs()).filter((r) => r.trigger === 'event' && !known.has(r.runId) && r.state !== 'running')) {
        const detail = (await api<RunDetail>('GET', `/api/v1/halopsa/sync-runs/${run.runId}?pageSize=500`)).body;
        for (const item of detail.items.items) if (item.outcome === 'done') seen.set(item.hid, item.action);
      }
      return Object.keys(expected).every((hid) => seen.get(hid) === expected[hid]);
    }, (WATCH_INTERVAL_SECONDS + 30) * 1_000, 500);
    expect(Object.fromEntries(Object.keys(expected).map((hid) => [hid, seen.get(hid)]))).toEqual(expected);
  };

  beforeAll(async () => {
    stack = await startProductStack({ companies: 6, computers: 60 });
    acme = await createTenant(stack, administrators(stack).full.AdminID);
    ({ integrationId } = await connectAndSetUp(stack, acme));
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    const server = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server')!;
    for (const { licenseType } of (await api<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types')).body) {
      await api('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: server.id });
    }
    await waits().syncNow();
    // A scheduled run (every 15 minutes by default, on the quarter hour) would read HaloPSA during the idle poll.
    const settings = await api<{ watchIntervalSeconds: number; pushEvents: boolean }>('PUT', '/api/v1/halopsa/sync/settings', { watchIntervalSeconds: WATCH_INTERVAL_SECONDS, intervalMinutes: 1440 });
    expect(settings.body).toMatchObject({ watchIntervalSeconds: WATCH_INTERVAL_SECONDS, pushEvents: false });
    await waitFor('the watcher to store its baseline', async () => (await pollsDone()) >= 1, 30_000, 200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses intervals outside 15..3600 seconds', async () => {
    for (const watchIntervalSeconds of [14, 3601, 'soon']) {
      expect((await api('PUT', '/api/v1/halopsa/sync/settings', { watchIntervalSeconds })).status).toBe(400);
    }
  });

  it('brings a rename, a move, a license change, a backup result, a new and a deleted computer to HaloPSA without any event', async () => {
    const [renamed, moved, relicensed, backedUp, deleted] = await linked();
    const mapped = (await api<{ companyId: string; companyName: string }[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body;
    const target = mapped.find((c) => c.companyId !== moved.companyId)!;
    const known = await waits().known();
    await consoleSim('PATCH', `/computers/${renamed.hid}`, { computerName: 'WATCHED-RENAME' });
    await consoleSim('PATCH', `/computers/${moved.hid}`, { companyName: target.companyName });
    await consoleSim('PATCH', `/computers/${relicensed.hid}`, { licenseType: 'Ultimate' });
    await consoleSim('POST', `/computers/${backedUp.hid}/backups`, { status: 'Error' });
    await consoleSim('DELETE', `/computers/${deleted.hid}`);
    const added = await consoleSim<{ ComputerHID: string }>('POST', '/computers', { computerName: 'WATCHED-NEW', companyName: target.companyName, licenseType: 'Server' });
    const addedHid = added.ComputerHID.replace(/[{}]/g, '').toLowerCase();

    await syncedByWatcher(
      { [renamed.hid]: 'update', [moved.hid]: 'move', [relicensed.hid]: 'update', [backedUp.hid]: 'update', [deleted.hid]: 'retire', [addedHid]: 'create' },
      known,
    );
    expect((await stack.temporal.client.workflow.getHandle(`watch:${integrationId}`).describe()).status.name).toBe('RUNNING');
  });

  it('makes no HaloPSA request on an idle poll, and reads the Console with one request per list', async () => {
    const before = await settledPolls();
    await resetHaloCounters(stack);
    await consoleSim('POST', '/counters/reset');
    await waitFor('one more poll', async () => (await pollsDone()) > before, (WATCH_INTERVAL_SECONDS + 15) * 1_000, 200);
    const after = await settledPolls();

    expect(await haloRequests(stack)).toEqual({});
    const consoleRequests = (await consoleSim<{ byPathAndVerb: Record<string, number> }>('GET', '/counters')).byPathAndVerb;
    const polls = after - before;
    const pages = Object.entries(consoleRequests).filter(([key]) => key.startsWith('GET /api/computers/'));
    expect(Object.fromEntries(Object.entries(consoleRequests).filter(([key]) => !key.startsWith('GET /api/computers/')))).toEqual({
      'GET /api/companies': polls,
      'GET /api/licenses': polls,
      'GET /api/monitoring': polls,
    });
    // 60 computers: one page of 500, and the empty page that confirms the short one ended the list.
    expect(pages.reduce((sum, [, n]) => sum + n, 0)).toBeLessThanOrEqual(2 * polls);
  });

  it('catches changes made while paused on the first poll after resuming', async () => {
    const [computer] = await linked();
    await api('POST', '/api/v1/halopsa/sync/pause');
    const known = await waits().known();
    await consoleSim('PATCH', `/computers/${computer.hid}`, { computerName: 'CHANGED-WHILE-PAUSED' });
    const before = await settledPolls();
    await waitFor('a poll while paused', async () => (await pollsDone()) > before, (WATCH_INTERVAL_SECONDS + 15) * 1_000, 200);
    await settledPolls();
    expect((await waits().runs()).filter((r) => !known.has(r.runId))).toEqual([]);
    const syncNow = await api<{ message: string }>('POST', '/api/v1/halopsa/sync');
    expect(syncNow.status).toBe(409);
    expect(syncNow.body.message).toMatch(/paused.*POST \/api\/v1\/halopsa\/sync\/resume/);

    await api('POST', '/api/v1/halopsa/sync/resume');
    await syncedByWatcher({ [computer.hid]: 'update' }, known);
  });

  it('answers 409 to a pushed event while push is off, and takes it once push is on', async () => {
    const event = () => ({ id: `evt-${Date.now()}-${Math.random()}`, type: 'backup.completed', occurredAt: new Date().toISOString(), data: { ComputerHID: 'not-a-known-computer' } });
    const refused = await postConsoleEvent(acme.consoleEvents.url, acme.consoleEvents.secret, event());
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Push is off.*pushEvents.*true/);

    await api('PUT', '/api/v1/halopsa/sync/settings', { pushEvents: true });
    expect((await postConsoleEvent(acme.consoleEvents.url, acme.consoleEvents.secret, event())).status).toBe(202);
  });
});
