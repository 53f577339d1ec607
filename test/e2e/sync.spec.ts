import { waitFor } from '../../dev/wait-for';
import { computerIdField } from '../../simulators/halo/state/computer-id-assets';
import { callApi } from '../support/api-client';
import { consoleEventHeaders } from '../support/console-event-post';
import { connectAndSetUp, haloRequests, resetHaloCounters, writesIn } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { syncRunWaits } from '../support/sync-run-waits';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

interface Run {
  runId: string;
  error: string | null;
  trigger: string;
  scope: string;
  state: string;
  counts: Record<string, number>;
  startedAt: string;
}

interface RunDetail extends Run {
  items: {
    items: { hid: string; hostName: string | null; companyName: string | null; action: string; outcome: string; haloAssetId: number | null; reason: string | null; changes: string[]; changedFields: string[] }[];
  };
}

describe('inventory sync', () => {
  let stack: ProductStack;
  let acme: TenantFixture;
  let integrationId: string;
  let computerIdFieldId: number;

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: acme.apiKey, body });
  const consoleSim = <T>(method: string, path: string, body?: unknown) => simulatorControl<T>(stack.console.url, method, path, body);
  const haloSim = (method: string, path: string, body?: unknown) => simulatorControl(stack.halo.url, method, path, body);
  const assetOf = (hid: string) =>
    stack.halo.state.assets.all().filter((a) => (a.customfields ?? []).some((f) => f.id === computerIdFieldId && String(f.value) === hid));
  const waits = () => syncRunWaits<Run>(stack, acme.apiKey);
  const runs = () => waits().runs();
  const runIds = () => waits().known();
  const detailOf = async (run: { runId: string }) => (await api<RunDetail>('GET', `/api/v1/halopsa/sync-runs/${run.runId}?pageSize=500`)).body;

  /** Waits for a run not among `known` that matches, to finish. */
  const finishedRun = async (match: (run: Run) => boolean, known: Set<string>, timeoutMs?: number): Promise<RunDetail> =>
    detailOf(await waits().finished(match, known, timeoutMs));

  const syncNow = async (): Promise<RunDetail> => detailOf(await waits().syncNow());
  /** Running sync workflows of this integration that a Temporal UI list query finds by their last run's state. */
  const lastRunStateCount = async (state: string): Promise<number> =>
    (await stack.temporal.client.workflow.count(`IntegrationId = "${integrationId}" AND ExecutionStatus = "Running" AND LastSyncRunState = "${state}"`)).count;

  beforeAll(async () => {
    stack = await startProductStack({ companies: 6, computers: 80, env: { TEMPORAL_HISTORY_LIMIT: '60', HALO_WRITE_BATCH_SIZE: '2' } });
    acme = await createTenant(stack, administrators(stack).full.AdminID);
    ({ integrationId } = await connectAndSetUp(stack, acme));
    computerIdFieldId = computerIdField(stack.halo.state)!.id;
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    // Runs here are asked for by hand or by pushed events; the Console watcher (console-watcher.spec.ts) polls only once an hour.
    await api('PUT', '/api/v1/halopsa/sync/settings', { pushEvents: true, watchIntervalSeconds: 3600 });
    const server = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server')!;
    for (const { licenseType } of (await api<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types')).body) {
      await api('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: server.id });
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates an asset for every licensed computer in mapped companies, then a no-op re-sync writes nothing', async () => {
    const first = await syncNow();
    expect(first.state).toBe('completed');
    expect(first.counts.create).toBeGreaterThan(5);
    const created = first.items.items.filter((i) => i.action === 'create' && i.outcome === 'done');
    for (const item of created) expect(assetOf(item.hid)).toHaveLength(1);
    expect((await api<{ schedule: string }>('GET', '/api/v1/halopsa/sync/settings')).body.schedule).toBe('present');

    await resetHaloCounters(stack);
    const again = await syncNow();
    expect(again.counts).not.toHaveProperty('create');
    expect(writesIn(await haloRequests(stack))).toEqual({});
  });

  it('updates a rename, moves a computer, unlinks one moved to an unmapped company, retires a deleted one and reactivates it', async () => {
    const linked = (await api<{ items: { hid: string; companyId: string; companyName: string }[] }>('GET', '/api/v1/halopsa/computers?state=linked&pageSize=500')).body.items;
    const mapped = (await api<{ companyId: string; companyName: string }[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body;
    const unmapped = (await api<{ companyName: string }[]>('GET', '/api/v1/halopsa/companies?filter=unmapped')).body;
    const [renamed, moved, leaving, deleted] = linked;
    const target = mapped.find((c) => c.companyId !== moved.companyId)!;
    await consoleSim('PATCH', `/computers/${renamed.hid}`, { computerName: 'RENAMED-PC-01' });
    await consoleSim('PATCH', `/computers/${moved.hid}`, { companyName: target.companyName });
    await consoleSim('PATCH', `/computers/${leaving.hid}`, { companyName: unmapped[0].companyName });
    const gone = await consoleSim<{ computer: { ComputerName: string; CompanyName: string } }>('GET', `/computers/${deleted.hid}`);
    await consoleSim('DELETE', `/computers/${deleted.hid}`);

    const run = await syncNow();
    const action = (hid: string) => run.items.items.find((i) => i.hid === hid);

    expect(action(renamed.hid)).toMatchObject({ action: 'update', outcome: 'done', hostName: 'RENAMED-PC-01', changedFields: expect.arrayContaining(['host name']) });
    expect(action(renamed.hid)!.haloAssetId).toEqual(expect.any(Number));
    expect(action(moved.hid)).toMatchObject({ companyName: target.companyName, changedFields: expect.arrayContaining(['customer']) });
    for (const changed of run.items.items.flatMap((i) => i.changedFields)) expect(changed).not.toMatch(/^customField:/);
    const untouched = run.items.items.find((i) => i.outcome === 'left-alone' && i.reason === 'unchanged');
    expect(untouched).toMatchObject({ hostName: expect.any(String), companyName: expect.any(String), haloAssetId: expect.any(Number) });
    expect(action(moved.hid)).toMatchObject({ action: 'move', outcome: 'done' });
    expect(action(leaving.hid)).toMatchObject({ action: 'unlink', outcome: 'done' });
    expect(action(deleted.hid)).toMatchObject({ action: 'retire', outcome: 'done' });
    expect(assetOf(renamed.hid)).toHaveLength(1);
    expect(assetOf(renamed.hid)[0].key_field).toBe('RENAMED-PC-01');
    const targetCustomer = (await api<{ companyId: string; mapping: { customerId: number } }[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body.find((c) => c.companyId === target.companyId)!.mapping.customerId;
    expect(stack.halo.state.sites.get(assetOf(moved.hid)[0].site_id)?.client_id).toBe(targetCustomer);
    expect(assetOf(moved.hid)).toHaveLength(1);
    expect(assetOf(deleted.hid)[0].inactive).toBe(true);
    expect(stack.halo.state.assets.get(assetOf(deleted.hid)[0].id)).toBeDefined();

    await consoleSim('POST', '/computers', { hid: deleted.hid, computerName: gone.computer.ComputerName, companyName: gone.computer.CompanyName, licenseType: 'Server' });
    const back = await syncNow();
    expect(back.items.items.find((i) => i.hid === deleted.hid)).toMatchObject({ action: 'reactivate', outcome: 'done' });
    expect(assetOf(deleted.hid)).toHaveLength(1);
    expect(assetOf(deleted.hid)[0].inactive).toBe(false);
  });

  it('answers "sync now" with the run to follow: queued behind a running one, joined by a second request', async () => {
    const linked = (await api<{ items: { hid: string }[] }>('GET', '/api/v1/halopsa/computers?state=linked&pageSize=500')).body.items;
    for (const [index, computer] of linked.entries()) await consoleSim('PATCH', `/computers/${computer.hid}`, { computerName: `QUEUED-${index}` });
    const stateOf = async (follow: string) => (await api<Run>('GET', follow)).body.state;
    await haloSim('PUT', '/faults', { latencyMs: 300, latencyRate: 1 });
    let queuedRun: { runId: string; follow: string };
    try {
      const first = await api<{ runId: string; follow: string }>('POST', '/api/v1/halopsa/sync');
      await waitFor('the first run to begin', async () => (await stateOf(first.body.follow)) === 'running', 20_000, 100);
      const second = await api<{ runId: string; follow: string }>('POST', '/api/v1/halopsa/sync');
      const third = await api<{ runId: string }>('POST', '/api/v1/halopsa/sync');
      expect(second.status).toBe(202);
      expect(second.body.runId).not.toBe(first.body.runId);
      expect(third.body.runId).toBe(second.body.runId);
      const queued = await api<Run & { items: { total: number } }>('GET', second.body.follow);
      expect(queued.status).toBe(200);
      expect(queued.body).toMatchObject({ runId: second.body.runId, state: 'queued', items: { total: 0 } });
      queuedRun = second.body;
    } finally {
      await haloSim('PUT', '/faults', { latencyMs: 0, latencyRate: 0 });
    }
    await waitFor('the queued run to complete', async () => (await stateOf(queuedRun.follow)) === 'completed', 60_000, 200);
    expect((await runs()).find((run) => run.runId === queuedRun.runId)).toMatchObject({ trigger: 'manual', state: 'completed' });
  });

  it('syncs the computer an event names between the batches of a full run in progress, before that run ends', async () => {
    const linked = (await api<{ items: { hid: string }[] }>('GET', '/api/v1/halopsa/computers?state=linked&pageSize=500')).body.items;
    const [evented, ...others] = linked;
    for (const [index, computer] of others.entries()) await consoleSim('PATCH', `/computers/${computer.hid}`, { computerName: `FULL-${index}` });
    await consoleSim('PUT', '/event-target', { url: acme.consoleEvents.url, secret: acme.consoleEvents.secret });
    await haloSim('PUT', '/faults', { latencyMs: 400, latencyRate: 1 });
    try {
      const known = await runIds();
      await api('POST', '/api/v1/halopsa/sync');
      await waitFor('the full run to write its first batch', async () => (await runs()).some((r) => !known.has(r.runId) && r.trigger === 'manual'), 20_000, 100);
      await consoleSim('PATCH', `/computers/${evented.hid}`, { computerName: 'EVENT-RENAMED' });
      const eventRun = await finishedRun((r) => r.trigger === 'event', known, 20_000);
      const fullRunMeanwhile = (await runs()).find((r) => !known.has(r.runId) && r.trigger === 'manual')!;
      expect(fullRunMeanwhile.state).toBe('running');
      expect(eventRun).toMatchObject({ scope: 'computers', state: 'completed' });
      expect(eventRun.items.items).toEqual([expect.objectContaining({ hid: evented.hid, action: 'update', outcome: 'done' })]);
      expect(assetOf(evented.hid)[0].key_field).toBe('EVENT-RENAMED');

      const full = await finishedRun((r) => r.trigger === 'manual', known);
      expect(full.state).toBe('completed');
      expect(assetOf(evented.hid)[0].key_field).toBe('EVENT-RENAMED');
      for (const [index, computer] of others.entries()) expect(assetOf(computer.hid)[0].key_field).toBe(`FULL-${index}`);
    } finally {
      await haloSim('DELETE', '/faults');
      await consoleSim('DELETE', '/event-target');
    }
  });

  it("reads an event run's license by the id the last full run kept, never the whole license list", async () => {
    const [computer] = (await api<{ items: { hid: string }[] }>('GET', '/api/v1/halopsa/computers?state=linked&pageSize=500')).body.items;
    await consoleSim('PUT', '/event-target', { url: acme.consoleEvents.url, secret: acme.consoleEvents.secret });
    try {
      const known = await runIds();
      await consoleSim('POST', '/counters/reset');
      await consoleSim('PATCH', `/computers/${computer.hid}`, { computerName: 'EVENT-BY-LICENSE-ID' });
      const eventRun = await finishedRun((r) => r.trigger === 'event', known, 20_000);
      expect(eventRun.items.items).toEqual([expect.objectContaining({ hid: computer.hid, outcome: 'done' })]);
      expect(assetOf(computer.hid)[0].key_field).toBe('EVENT-BY-LICENSE-ID');
      const requests = (await consoleSim<{ byPathAndVerb: Record<string, number> }>('GET', '/counters')).byPathAndVerb;
      expect(requests['GET /api/licenses']).toBeUndefined();
      expect(Object.keys(requests).filter((key) => key.startsWith('GET /api/licenses/'))).toHaveLength(1);
    } finally {
      await consoleSim('DELETE', '/event-target');
    }
  });

  it('survives a burst of 429s by waiting, and lets a bad record fail alone', async () => {
    const linked = (await api<{ items: { hid: string; companyId: string }[] }>('GET', '/api/v1/halopsa/computers?state=linked&pageSize=500')).body.items;
    for (const [index, computer] of linked.slice(0, 6).entries()) await consoleSim('PATCH', `/computers/${computer.hid}`, { computerName: `BURST-${index}` });
    const badAsset = assetOf(linked[0].hid)[0];
    await haloSim('PUT', '/rate-limit', { maxRequests: 5, windowSeconds: 2, retryAfterSeconds: 1 });
    try {
      stack.halo.state.assets.delete(badAsset.id);
      await api('PUT', '/api/v1/halopsa/sync/settings', { deepCheckHours: 720 });
      const run = await syncNow();
      expect(run).toMatchObject({ state: 'completed', error: null });
      const items = run.items.items.filter((i) => linked.slice(0, 6).some((c) => c.hid === i.hid));
      expect(items.find((i) => i.hid === linked[0].hid)).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/HaloPSA refused/) });
      expect(items.filter((i) => i.hid !== linked[0].hid).every((i) => i.outcome === 'done')).toBe(true);
      for (const [index, computer] of linked.slice(1, 6).entries()) expect(assetOf(computer.hid)[0].key_field).toBe(`BURST-${index + 1}`);
    } finally {
      await haloSim('PUT', '/rate-limit', { maxRequests: 300, windowSeconds: 300 });
    }
  });

  it("keeps the values people set on an asset they made, while syncing the computer's own", async () => {
    const computer = (await api<{ items: { hid: string; companyId: string }[] }>('GET', '/api/v1/halopsa/computers?state=unlinked&pageSize=1')).body.items[0];
    const mapping = (await api<{ companyId: string; mapping: { customerId: number; siteId: number } }[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body.find((c) => c.companyId === computer.companyId)!.mapping;
    const theirField = stack.halo.state.fieldInfos.insert({ name: 'CFWarrantyEnd', label: 'Warranty end', type: 0, usage: 5, searchable: false });
    const asset = stack.halo.state.assets.insert({
      inventory_number: 'TAG-1', key_field: 'OLD-NAME', key_field2: '', key_field3: '', site_id: mapping.siteId,
      assettype_id: stack.halo.state.assetTypes.all()[0].id, status_id: 1, inactive: false, notes: '', contract_id: 0,
      fields: [{ id: 1, value: 'OLD-NAME' }, { id: 2, value: 'SERIAL-123' }],
      customfields: [{ id: theirField.id, value: '2027-01-01' }],
      last_modified: new Date().toISOString(),
    });
    await api('PUT', `/api/v1/halopsa/computers/${computer.hid}`, { action: 'link', assetId: asset.id });
    await consoleSim('PATCH', `/computers/${computer.hid}`, { computerName: 'PEOPLE-KEEP-01' });
    await syncNow();
    const after = stack.halo.state.assets.get(asset.id)!;
    expect(after.fields).toEqual(expect.arrayContaining([{ id: 2, value: 'SERIAL-123' }, { id: 1, value: 'PEOPLE-KEEP-01' }]));
    expect(after.customfields).toEqual(expect.arrayContaining([{ id: theirField.id, value: '2027-01-01' }, { id: computerIdFieldId, value: computer.hid }]));
  });

  it('accepts signed events once, and refuses unsigned, stale or unknown ones', async () => {
    const body = JSON.stringify({ id: `evt-${Date.now()}`, type: 'backup.completed', occurredAt: new Date().toISOString(), data: { ComputerHID: 'not-a-known-computer' } });
    const post = (url: string, payload: string, headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
    const signed = (payload: string, timestamp?: number) => consoleEventHeaders(acme.consoleEvents.secret, payload, timestamp);
    const first = await post(acme.consoleEvents.url, body, signed(body));
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: true, duplicate: false });
    const again = await post(acme.consoleEvents.url, body, signed(body));
    expect(await again.json()).toEqual({ accepted: true, duplicate: true });

    expect((await post(acme.consoleEvents.url, body, {})).status).toBe(401);
    expect((await post(acme.consoleEvents.url, body, signed(body, Math.floor(Date.now() / 1000) - 600))).status).toBe(401);
    expect((await post(acme.consoleEvents.url, body.replace('backup', 'computer'), signed(body))).status).toBe(401);
    expect((await post(`${stack.apiUrl}/api/v1/console-events?account=unknown-account`, body, signed(body))).status).toBe(401);
    expect((await post(acme.consoleEvents.url, '{not json', signed('{not json'))).status).toBe(400);
  });

  it('fails a run at once when the Console refuses the login, instead of retrying the planning', async () => {
    const { login, password } = stack.console.credentials;
    // An administrator generates new Console API credentials: the stored ones stop working.
    await consoleSim('PUT', '/settings', { login, password: `${password}-rotated` });
    try {
      // Retried, the planning would back off 2, 4, 8, 16, 32 s... and outlast this wait.
      const run = await waits().syncNow(30_000);
      expect(run).toMatchObject({ state: 'failed', error: expect.stringMatching(/Console/) });
      // The run failed, not the integration's sync workflow: later runs and events still reach it.
      expect((await stack.temporal.client.workflow.getHandle(`sync:${integrationId}`).describe()).status.name).toBe('RUNNING');
      // Operators find it without opening histories: the workflow lists under its last run's state.
      await waitFor('the failed run to be listed', async () => (await lastRunStateCount('failed')) === 1, 20_000, 200);
    } finally {
      await consoleSim('PUT', '/settings', { login, password });
    }
    expect(await waits().syncNow()).toMatchObject({ state: 'completed' });
    await waitFor('the next run to be listed as completed', async () => (await lastRunStateCount('completed')) === 1, 20_000, 200);
    expect(await lastRunStateCount('failed')).toBe(0);
  });

  it('continues as new past its history limit, keeping every run recorded', async () => {
    const executions = stack.temporal.client.workflow.list({ query: `WorkflowId = 'sync:${integrationId}'` });
    const executionRunIds: string[] = [];
    for await (const execution of executions) executionRunIds.push(execution.runId);
    expect(executionRunIds.length).toBeGreaterThan(1);
    expect((await runs()).length).toBeGreaterThanOrEqual(6);
  });
});
