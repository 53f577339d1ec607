import { waitFor } from '../../dev/wait-for';
import { callApi } from '../support/api-client';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { simulatorControl } from '../support/simulator-control';
import { ProductStack, startProductStack } from '../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

interface Status {
  state: string;
  operational: boolean;
  steps: { step: string; done: boolean }[];
  progress: { companies: { mapped: number; total: number }; computers: { linked: number; excluded: number; unlinked: number }; assetTypes: { mapped: number; inUse: number } } | null;
  progressUnreadable: string | null;
  workflows: Record<string, { workflowId?: string; scheduleId?: string; runId?: string | null; state: string } | null>;
}

interface CompanyView {
  companyId: string;
  mapping: { customerId: number } | null;
  suggestion: { customers: { id: number }[] } | null;
}

/** GET /api/v1/halopsa from connected to syncing: steps done from the data, counts, operational, every workflow. */
describe('integration status shows progress', () => {
  let stack: ProductStack;
  let acme: TenantFixture;
  let integrationId: string;

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: acme.apiKey, body });
  const status = async () => (await api<Status>('GET', '/api/v1/halopsa')).body;
  const done = (s: Status) => Object.fromEntries(s.steps.map((step) => [step.step, step.done]));

  beforeAll(async () => {
    stack = await startProductStack({ companies: 3, computers: 12 });
    acme = await createTenant(stack, administrators(stack).full.AdminID);
    ({ integrationId } = await connectAndSetUp(stack, acme));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('connected: only authentication is done; nothing mapped, no sync yet', async () => {
    await simulatorControl(stack.console.url, 'POST', '/counters/reset');
    const s = await status();
    // The counts need each Console list once: the license list serves the inventory and the license types alike.
    const consoleReads = (await simulatorControl<{ byPathAndVerb: Record<string, number> }>(stack.console.url, 'GET', '/counters')).byPathAndVerb;
    expect(consoleReads['GET /api/licenses']).toBe(1);
    expect(done(s)).toEqual({ 'authentication-and-permissions': true, 'company-mapping': false, 'computer-mapping': true, 'default-asset-types': false });
    expect(s.operational).toBe(false);
    expect(s.progress?.assetTypes).toEqual({ mapped: 0, inUse: expect.any(Number) });
    expect(s.progress?.companies.mapped).toBe(0);
    expect(s.progress?.companies.total).toBeGreaterThan(0);
    expect(s.progressUnreadable).toBeNull();
    expect(s.workflows.setup).toMatchObject({ workflowId: `setup:${integrationId}`, state: 'completed' });
    expect(s.workflows.sync).toMatchObject({ workflowId: `sync:${integrationId}`, state: 'not-started' });
    expect(s.workflows.removal).toMatchObject({ workflowId: `remove:${integrationId}`, state: 'not-started' });
    expect(s.workflows.schedule).toMatchObject({ scheduleId: `sync-schedule:${integrationId}`, state: 'not-started' });
    expect(s.workflows.lastExport).toBeNull();
  });

  it('companies mapped: company mapping is done, computers wait to be linked or excluded', async () => {
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    const companies = (await api<CompanyView[]>('GET', '/api/v1/halopsa/companies')).body;
    const anyCustomer = companies.find((c) => c.mapping)?.mapping?.customerId;
    for (const company of companies.filter((c) => !c.mapping)) {
      await api('PUT', `/api/v1/halopsa/companies/${company.companyId}`, { customerId: company.suggestion?.customers[0]?.id ?? anyCustomer });
    }
    const s = await status();
    expect(s.progress?.companies.mapped).toBe(s.progress?.companies.total);
    expect(s.progress?.computers.unlinked).toBeGreaterThan(0);
    expect(done(s)).toMatchObject({ 'company-mapping': true, 'computer-mapping': false });
    expect(s.operational).toBe(false);
  });

  it('computers linked or excluded: operational, with the counts', async () => {
    const unlinked = (await api<{ items: { hid: string }[] }>('GET', '/api/v1/halopsa/computers?state=unlinked&pageSize=500')).body.items;
    const [exported, ...excluded] = unlinked;
    const assetType = stack.halo.state.assetTypes.all()[0];
    const run = (await api<{ run?: { exportRunId: string } }>('POST', '/api/v1/halopsa/computers/export', { hids: [exported.hid], assetTypeId: assetType.id })).body.run!;
    await waitFor('the export to finish', async () => (await api<{ state: string }>('GET', `/api/v1/halopsa/computers/exports/${run.exportRunId}`)).body.state !== 'running', 60_000, 250);
    for (const { hid } of excluded) await api('PUT', `/api/v1/halopsa/computers/${hid}`, { action: 'exclude' });
    for (const { licenseType } of (await api<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types')).body) {
      await api('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: assetType.id });
    }
    const s = await status();
    expect(s.progress?.computers).toEqual({ linked: 1, excluded: excluded.length, unlinked: 0 });
    expect(done(s)).toMatchObject({ 'authentication-and-permissions': true, 'company-mapping': true, 'computer-mapping': true, 'default-asset-types': true });
    expect(s.operational).toBe(true);
    expect(s.workflows.lastExport).toMatchObject({ workflowId: `export:${run.exportRunId}`, state: 'completed' });
  });

  it('syncing: the sync, its schedule and the watcher are listed with their state', async () => {
    expect((await api('POST', '/api/v1/halopsa/sync')).status).toBe(202);
    const s = await status();
    expect(['running', 'completed']).toContain(s.workflows.sync?.state);
    expect(s.workflows.sync?.runId).toEqual(expect.any(String));
    expect(s.workflows.schedule).toMatchObject({ state: 'active' });
    expect(s.workflows.watcher).toMatchObject({ workflowId: `watch:${integrationId}`, state: 'running' });
    expect(s.operational).toBe(true);
  });
});
