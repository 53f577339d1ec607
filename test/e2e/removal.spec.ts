import { waitFor } from '../../dev/wait-for';
import { callApi } from '../support/api-client';
import { tableCount } from '../support/table-count';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';
import { killAndReplaceWorker } from '../support/worker-restart';

interface ManualAction {
  id: string;
  step: string;
  state: string;
  where: string;
  why: string;
  attempts?: number;
  lastTriedAt?: string;
}

interface Removal {
  removalId: string;
  state: string;
  steps: { step: string; outcome: string; detail: string | null }[];
  manualActions: ManualAction[];
  assetsRemaining: number | null;
}

const WAIT_SECONDS = 12;

describe('removing the integration', () => {
  let stack: ProductStack;
  let acme: TenantFixture;

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: acme.apiKey, body });
  const haloSim = (method: string, path: string, body?: unknown) => simulatorControl(stack.halo.url, method, path, body);
  const buttons = () => stack.halo.state.customButtons.all().filter((b) => b.name === 'ConsoleConnectToComputer');
  const fields = () => stack.halo.state.fieldInfos.all().filter((f) => f.name.toLowerCase().startsWith('cfconsole'));
  const removal = async () => (await api<Removal>('GET', '/api/v1/halopsa/removal')).body;
  const removed = () => waitFor('the removal to finish', async () => (await removal()).state === 'removed', 60_000, 200);
  const openAction = async (step: string): Promise<ManualAction> => {
    let action: ManualAction | undefined;
    await waitFor(`a manual action for ${step}`, async () => {
      action = (await removal()).manualActions.find((a) => a.step === step && a.state === 'open');
      return action !== undefined;
    }, 30_000, 200);
    return action!;
  };

  const integrationRows = () => tableCount(stack.database.url, 'integrations');

  /** Connects, maps and exports a few computers, so there is a schedule, links and assets. */
  async function connectAndExport(): Promise<void> {
    await connectAndSetUp(stack, acme);
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    const server = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server')!;
    const unlinked = (await api<{ items: { hid: string }[] }>('GET', '/api/v1/halopsa/computers?state=unlinked&pageSize=5')).body.items;
    await api('POST', '/api/v1/halopsa/computers/export', { hids: unlinked.map((c) => c.hid), assetTypeId: server.id });
  }

  beforeAll(async () => {
    stack = await startProductStack({ companies: 6, computers: 60, env: { REMOVAL_MANUAL_ACTION_WAIT_SECONDS: String(WAIT_SECONDS) } });
    acme = await createTenant(stack, administrators(stack).full.AdminID);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('removes the button, the fields, the schedule and the credentials, and leaves the assets', async () => {
    await connectAndExport();
    expect((await api<{ schedule: string }>('GET', '/api/v1/halopsa/sync/settings')).body.schedule).toBe('present');
    const assets = stack.halo.state.assets.all().length;
    const preview = await api<{ dryRun: boolean; willRemove: string[]; willStay: string[] }>('DELETE', '/api/v1/halopsa?dryRun=true');
    expect(preview.status).toBe(200);
    expect(preview.body.willStay[0]).toMatch(/^5 HaloPSA assets, as they are \(no longer synced\), but without the Console data .* empties those values/);
    expect(buttons()).toHaveLength(1);

    const started = await api<Removal>('DELETE', '/api/v1/halopsa');
    expect(started.status).toBe(202);
    expect((await api<Removal>('DELETE', '/api/v1/halopsa')).body.removalId).toBe(started.body.removalId);
    await removed();

    const done = await removal();
    expect(done.steps.every((s) => s.outcome === 'done')).toBe(true);
    expect(done.steps.map((s) => s.step)).toEqual(['delete-schedule', 'stop-sync', 'delete-button', 'delete-custom-fields', 'forget-integration', 'mark-removed']);
    expect(done).toMatchObject({ manualActions: [], assetsRemaining: 5 });
    expect(buttons()).toHaveLength(0);
    expect(fields()).toHaveLength(0);
    expect(stack.halo.state.assets.all()).toHaveLength(assets);
    expect(await integrationRows()).toBe(0);
    await expect(stack.temporal.client.schedule.getHandle(`sync-schedule:${done.removalId}`).describe()).rejects.toThrow();
    const after = await api<{ message: string }>('GET', '/api/v1/halopsa/companies');
    expect(after.status).toBe(409);
    expect(after.body.message).toMatch(/removed/);
    expect((await api<{ state: string }>('GET', '/api/v1/halopsa')).body.state).toBe('not-connected');
  });

  it('turns a 403 on the button into a manual action, and a retry after granting the right finishes it', async () => {
    await connectAndExport();
    await haloSim('PUT', '/forbidden', [{ entity: 'CustomButton', verb: 'DELETE' }]);
    await api('DELETE', '/api/v1/halopsa');
    const action = await openAction('delete-button');
    expect(action.where).toMatch(/Custom Buttons/);
    expect((await api<{ message: string }>('GET', '/api/v1/halopsa/companies')).status).toBe(409);
    expect((await api<{ message: string }>('PUT', '/api/v1/halopsa/sync/settings', { intervalMinutes: 60 })).status).toBe(409);
    // While the removal waits for a person, what was synced stays readable.
    const runs = await api<{ items: { runId: string }[] }>('GET', '/api/v1/halopsa/sync-runs');
    expect(runs.status).toBe(200);
    if (runs.body.items[0]) expect((await api('GET', `/api/v1/halopsa/sync-runs/${runs.body.items[0].runId}`)).status).toBe(200);
    const computers = await api<{ items: unknown[] }>('GET', '/api/v1/halopsa/computers');
    expect(computers.status).toBe(200);
    expect(computers.body.items.length).toBeGreaterThan(0);
    expect(action).toMatchObject({ attempts: 1, lastTriedAt: expect.any(String) });

    const stillRefused = await api<ManualAction>('POST', `/api/v1/halopsa/removal/actions/${action.id}/retry`);
    expect(stillRefused.body).toMatchObject({ id: action.id, state: 'open', attempts: 2, why: expect.stringMatching(/403/) });
    expect(Date.parse(stillRefused.body.lastTriedAt!)).toBeGreaterThanOrEqual(Date.parse(action.lastTriedAt!));
    expect(buttons()).toHaveLength(1);
    expect((await api('POST', '/api/v1/halopsa/removal/actions/00000000-0000-4000-8000-000000000000/retry')).status).toBe(400);

    await haloSim('PUT', '/forbidden', []);
    const retried = await api<ManualAction>('POST', `/api/v1/halopsa/removal/actions/${action.id}/retry`);
    expect(retried.body.state).toBe('done-by-retry');
    await removed();
    expect(buttons()).toHaveLength(0);
    expect((await removal()).steps.every((s) => s.outcome === 'done')).toBe(true);
  });

  it('accepts "done by hand", and survives the worker being killed while it waits', async () => {
    await connectAndExport();
    await haloSim('PUT', '/forbidden', [{ entity: 'FieldInfo', verb: 'DELETE' }]);
    await api('DELETE', '/api/v1/halopsa');
    const action = await openAction('delete-custom-fields');

    await killAndReplaceWorker(stack);

    await haloSim('PUT', '/forbidden', []);
    const resolved = await api<ManualAction>('POST', `/api/v1/halopsa/removal/actions/${action.id}/resolve`);
    expect(resolved.body.state).toBe('resolved-by-hand');
    await removed();
    const done = await removal();
    expect(done.steps.find((s) => s.step === 'delete-custom-fields')?.outcome).toBe('done');
    expect(await integrationRows()).toBe(0);
    expect(buttons()).toHaveLength(0);
  });

  it('finishes with the action still open when nobody answers in time', async () => {
    await connectAndExport();
    await haloSim('PUT', '/forbidden', [{ entity: 'CustomButton', verb: 'DELETE' }]);
    try {
      await api('DELETE', '/api/v1/halopsa');
      await openAction('delete-button');
      await waitFor('the wait to expire', async () => (await removal()).state === 'removed', (WAIT_SECONDS + 30) * 1000, 500);
      const done = await removal();
      expect(done.manualActions).toEqual([expect.objectContaining({ step: 'delete-button', state: 'open' })]);
      expect(done.steps.find((s) => s.step === 'delete-button')?.outcome).toBe('left-for-a-human');
      expect(done.steps.find((s) => s.step === 'forget-integration')?.outcome).toBe('done');
      expect(buttons()).toHaveLength(1);
    } finally {
      await haloSim('PUT', '/forbidden', []);
      stack.halo.state.customButtons.all().forEach((b) => stack.halo.state.customButtons.delete(b.id));
    }
  });

  it('stops a running sync cleanly before removing', async () => {
    await haloSim('POST', '/counters/reset');
    await connectAndExport();
    const server = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server')!;
    for (const { licenseType } of (await api<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types')).body) {
      await api('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: server.id });
    }
    await haloSim('PUT', '/faults', { latencyMs: 300, latencyRate: 1 });
    try {
      await api('POST', '/api/v1/halopsa/sync');
      await waitFor('the sync to start', async () => (await api<{ items: { state: string }[] }>('GET', '/api/v1/halopsa/sync-runs')).body.items.some((r) => r.state === 'running'), 20_000, 100);
      await api('DELETE', '/api/v1/halopsa');
      await removed();
      const stopSync = (await removal()).steps.find((s) => s.step === 'stop-sync');
      expect(stopSync).toMatchObject({ outcome: 'done', detail: expect.stringMatching(/stopped after its current batch/) });
      const creates = Object.values(
        ((await (await fetch(`${stack.halo.url}/_sim/counters`)).json()) as { assetCreatesByCustomFieldValue: Record<string, Record<string, number>> }).assetCreatesByCustomFieldValue
          .CFConsoleComputerId ?? {},
      );
      expect(creates.every((n) => n === 1)).toBe(true);
    } finally {
      await haloSim('DELETE', '/faults');
    }
  });
});
