import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { waitFor } from '../../dev/wait-for';
import { ConsoleSimulator, startConsoleSimulator } from '../../simulators/console/console-simulator';
import { generateDemoData } from '../../simulators/demo-data/generate-demo-data';
import { HaloSimulator, startHaloSimulator } from '../../simulators/halo/halo-simulator';
import { ApiAnswer, callApi } from '../support/api-client';
import { postConsoleEvent } from '../support/console-event-post';
import { closedWithTestFile } from '../support/file-teardown';
import { connectAndSetUp, haloRequests, resetHaloCounters, writesIn } from '../support/halo-setup-fixture';
import { fetchOperations, fillPath, Operation, pathParameterNames } from '../support/openapi-operations';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { syncRunWaits } from '../support/sync-run-waits';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';
import { workflowResult } from '../support/workflow-result';

/**
 * Two tenants, each with its own Console account and its own HaloPSA. Tenant B's API key is used
 * on every tenant-scoped route of /docs-json with tenant A's identifiers (companies, computers,
 * export, sync run, removal action) in the path, the query and the body. B must never read A's
 * data (the answer holds none of A's identifiers) nor change it (A's rows in PostgreSQL and A's
 * HaloPSA are the same before and after): a lookup by one of A's ids answers 404, anything else
 * B's own view.
 */

/** Not tenant-scoped: no API key is involved (health), or the route is the operators' (tested to refuse B's key). */
const PUBLIC_ROUTES = ['GET /health'];
const OPERATOR_ROUTE = /^\/(api\/v1\/tenants|codec)(\/|$)/;
const CONSOLE_EVENTS = 'POST /api/v1/console-events';

/** Path parameters that name a record of A: B must get 404. (`licenseType` is a Console license name such as "Server", not A's record.) */
const A_RECORD_PARAMETERS = new Set(['companyId', 'hid', 'exportRunId', 'runId']);

/** Last: B removes its own integration, which must leave A's alone. */
const LAST = ['DELETE /api/v1/halopsa'];

interface ATenant {
  fixture: TenantFixture;
  integrationId: string;
  companyIds: string[];
  companyNames: string[];
  hids: string[];
  linkedHid: string;
  linkedAssetId: number;
  exportRunId: string;
  syncRunId: string;
  customerId: number;
  licenseType: string;
  assetTypeId: number;
}

describe('tenant isolation on every route', () => {
  let stack: ProductStack;
  let consoleB: ConsoleSimulator;
  let haloB: HaloSimulator;
  let a: ATenant;
  let b: TenantFixture;
  let operations: Operation[];
  let db: Client;

  const asA = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: a.fixture.apiKey, body });
  const asB = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: b.apiKey, body });

  /** Every row that belongs to A, as JSON: what B's calls must leave exactly as it was. */
  async function snapshotOfA(): Promise<string> {
    const tenantId = a.fixture.tenantId;
    const integration = a.integrationId;
    const queries: Record<string, [string, unknown[]]> = {
      tenants: ['SELECT * FROM tenants WHERE id = $1', [tenantId]],
      api_keys: ['SELECT * FROM api_keys WHERE tenant_id = $1 ORDER BY id', [tenantId]],
      integrations: ['SELECT * FROM integrations WHERE tenant_id = $1', [tenantId]],
      company_mappings: ['SELECT * FROM company_mappings WHERE integration_id = $1 ORDER BY 1, 2', [integration]],
      asset_type_mappings: ['SELECT * FROM asset_type_mappings WHERE integration_id = $1 ORDER BY 1, 2', [integration]],
      computer_links: ['SELECT * FROM computer_links WHERE integration_id = $1 ORDER BY 1, 2', [integration]],
      export_runs: ['SELECT * FROM export_runs WHERE integration_id = $1 ORDER BY id', [integration]],
      export_items: ['SELECT i.* FROM export_items i JOIN export_runs r ON r.id = i.export_run_id WHERE r.integration_id = $1 ORDER BY 1, 2', [integration]],
      sync_runs: ['SELECT * FROM sync_runs WHERE integration_id = $1 ORDER BY id', [integration]],
      sync_run_items: ['SELECT i.* FROM sync_run_items i JOIN sync_runs r ON r.id = i.sync_run_id WHERE r.integration_id = $1 ORDER BY 1, 2', [integration]],
      console_events: ['SELECT * FROM console_events WHERE tenant_id = $1 ORDER BY event_id', [tenantId]],
      removals: ['SELECT * FROM removals WHERE integration_id = $1 ORDER BY id', [integration]],
    };
    const snapshot: Record<string, unknown[]> = {};
    for (const [table, [sql, params]] of Object.entries(queries)) snapshot[table] = (await db.query(sql, params)).rows;
    return JSON.stringify(snapshot, null, 1);
  }

  /** A's identifiers that must never appear in an answer to B. */
  function identifiersOfA(): string[] {
    return [a.fixture.tenantId, a.integrationId, a.exportRunId, a.syncRunId, a.fixture.apiKey, new URL(a.fixture.consoleEvents.url).searchParams.get('account')!, new URL(stack.halo.url).host, new URL(stack.console.url).host, ...a.companyIds, ...a.hids];
  }

  function leaksIn(answer: ApiAnswer, extra: string[] = []): string[] {
    const text = JSON.stringify(answer.body).toLowerCase();
    return [...identifiersOfA(), ...extra].filter((id) => text.includes(id.toLowerCase()));
  }

  /** B's request for a route: A's ids in the path, the query and the body. */
  function requestOf(operation: Operation, actionId: string, unknownIds = false): { path: string; body?: unknown } {
    const values: Record<string, string> = {
      companyId: unknownIds ? randomUUID() : encodeURIComponent(a.companyIds[0]),
      hid: unknownIds ? randomUUID() : encodeURIComponent(a.linkedHid),
      exportRunId: unknownIds ? randomUUID() : a.exportRunId,
      runId: unknownIds ? randomUUID() : a.syncRunId,
      actionId,
      licenseType: encodeURIComponent(a.licenseType),
      customerId: String(a.customerId),
    };
    let path = fillPath(operation, values);
    const query = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    const parts: string[] = [];
    if (query.includes('companyId')) parts.push(`companyId=${encodeURIComponent(a.companyIds[0])}`);
    if (query.includes('search')) parts.push(`search=${encodeURIComponent(a.companyNames[0].slice(0, 8))}`);
    if (parts.length > 0) path += `?${parts.join('&')}`;
    const bodies: Record<string, unknown> = {
      'PUT /api/v1/halopsa/companies/{companyId}': { customerId: a.customerId },
      'PUT /api/v1/halopsa/computers/{hid}': { action: 'link', assetId: a.linkedAssetId },
      'POST /api/v1/halopsa/computers/export': { hids: a.hids.slice(0, 5) },
      'PUT /api/v1/halopsa/asset-types/{licenseType}': { assetTypeId: a.assetTypeId },
      'PUT /api/v1/halopsa/sync/settings': { intervalMinutes: 60, autoExport: false },
      'PUT /api/v1/halopsa/request-budget': { requestsPerWindow: 200, windowSeconds: 300 },
      'PUT /api/v1/halopsa/connection': { haloUrl: haloB.url, clientId: haloB.state.credentials.clientId, clientSecret: haloB.state.credentials.clientSecret },
    };
    return { path, body: bodies[`${operation.method} ${operation.path}`] };
  }

  function tenantScoped(): Operation[] {
    const rank = (operation: Operation) => LAST.indexOf(operation.id);
    return operations.filter((o) => o.secured && !OPERATOR_ROUTE.test(o.path)).sort((x, y) => rank(x) - rank(y));
  }

  /** Sends B's request for every tenant-scoped route; the problems found. */
  async function sweep(only: (operation: Operation) => boolean, actionId: string): Promise<string[]> {
    const problems: string[] = [];
    for (const operation of tenantScoped().filter(only)) {
      const request = requestOf(operation, actionId);
      const answer = await asB(operation.method, request.path, request.body);
      const label = `${operation.method} ${request.path}`;
      if (answer.status >= 500) problems.push(`${label}: answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      const namesA = pathParameterNames(operation).filter((name) => A_RECORD_PARAMETERS.has(name));
      if (namesA.length > 0) {
        if (answer.status !== 404) problems.push(`${label}: looked up A's ${namesA.join(', ')} and answered ${answer.status}, not 404: ${JSON.stringify(answer.body).slice(0, 300)}`);
        // No existence oracle: A's id answers exactly like an id nobody has.
        const unknown = requestOf(operation, actionId, true);
        const control = await asB(operation.method, unknown.path, unknown.body);
        const normalised = (body: unknown, path: string) => JSON.stringify(body).split(decodeURIComponent(path.split('/').pop()!.split('?')[0])).join('<id>');
        if (control.status !== answer.status || normalised(control.body, unknown.path) !== normalised(answer.body, request.path)) {
          problems.push(`${label}: answers A's id (${answer.status} ${JSON.stringify(answer.body)}) unlike an unknown one (${control.status} ${JSON.stringify(control.body)})`);
        }
      }
      // B's own input may come back (a 404 naming the id asked for); anything else of A's is a leak.
      const sent = `${decodeURIComponent(request.path)} ${JSON.stringify(request.body ?? null)}`.toLowerCase();
      const leaked = leaksIn(answer).filter((id) => !sent.includes(id.toLowerCase()));
      if (leaked.length > 0) problems.push(`${label}: answered ${answer.status} with A's ${leaked.join(', ')}`);
    }
    return problems;
  }

  beforeAll(async () => {
    const datasetB = generateDemoData({ companies: 3, computers: 15, seed: 99 });
    [stack, consoleB, haloB] = await Promise.all([
      // Tenant B's Console and HaloPSA are separate simulators on 127.0.0.1, on ports not known yet.
      startProductStack({ companies: 5, computers: 30, env: { ALLOWED_INSECURE_HOSTS: '127.0.0.1', REMOVAL_MANUAL_ACTION_WAIT_SECONDS: '600' } }),
      startConsoleSimulator({ data: datasetB.console }).then(closedWithTestFile),
      startHaloSimulator().then(closedWithTestFile),
    ]);
    haloB.seedClients(datasetB.halo.clients);
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
    operations = await fetchOperations(stack.apiUrl);

    // Tenant A: connected, mapped, some computers exported (linked), one sync run, then paused.
    const fixtureA = await createTenant(stack, administrators(stack).full.AdminID, 'Tenant A');
    const { integrationId } = await connectAndSetUp(stack, fixtureA);
    const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: fixtureA.apiKey, body });
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    const assetType = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server') ?? stack.halo.state.assetTypes.all()[0];
    const licenseTypes = (await api<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types')).body;
    for (const { licenseType } of licenseTypes) await api('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: assetType.id });
    const unlinked = (await api<{ items: { hid: string }[] }>('GET', '/api/v1/halopsa/computers?state=unlinked&pageSize=4')).body.items;
    const exported = await api<{ run?: { exportRunId: string } }>('POST', '/api/v1/halopsa/computers/export', { hids: unlinked.map((c) => c.hid), assetTypeId: assetType.id });
    const exportRunId = exported.body.run?.exportRunId;
    if (!exportRunId) throw new Error(`export answered ${exported.status}: ${JSON.stringify(exported.body)}`);
    await api('PUT', '/api/v1/halopsa/sync/settings', { autoExport: false });
    const syncRunId = (await syncRunWaits(stack, fixtureA.apiKey).syncNow()).runId;
    await api('POST', '/api/v1/halopsa/sync/pause');
    await waitFor('A\'s export to finish', async () => (await api<{ state: string }>('GET', `/api/v1/halopsa/computers/exports/${exportRunId}`)).body.state !== 'running', 60_000, 300);
    const companies = (await api<{ companyId: string; companyName: string; mapping: { customerId: number } | null }[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body;
    const computers = (await api<{ items: { hid: string; state: string; haloAssetId: number | null }[] }>('GET', '/api/v1/halopsa/computers?pageSize=500')).body.items;
    const linked = computers.find((c) => c.state === 'linked' && c.haloAssetId !== null);
    if (!linked || companies.length === 0) throw new Error('tenant A has no linked computer or mapped company');
    a = {
      fixture: fixtureA,
      integrationId,
      companyIds: companies.map((c) => c.companyId),
      companyNames: companies.map((c) => c.companyName),
      hids: computers.map((c) => c.hid),
      linkedHid: linked.hid,
      linkedAssetId: linked.haloAssetId!,
      exportRunId,
      syncRunId,
      customerId: companies[0].mapping!.customerId,
      licenseType: licenseTypes[0].licenseType,
      assetTypeId: assetType.id,
    };

    // Tenant B: its own Console account and HaloPSA, connected, nothing mapped.
    const adminB = datasetB.console.administrators.find((admin) => admin.PermissionsModels.PSA === 1 && admin.PermissionsModels.Users === 1 && admin.AccessToCompaniesMode === 'AllCompanies');
    if (!adminB) throw new Error('the second demo dataset lacks a full administrator');
    b = await createTenant(stack, adminB.AdminID, 'Tenant B', consoleB);
    const connected = await asB<{ workflowId: string; runId: string }>('PUT', '/api/v1/halopsa/connection', {
      haloUrl: haloB.url,
      clientId: haloB.state.credentials.clientId,
      clientSecret: haloB.state.credentials.clientSecret,
    });
    if (connected.status !== 202) throw new Error(`connecting B answered ${connected.status}: ${JSON.stringify(connected.body)}`);
    await workflowResult(stack, connected.body);
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all([stack?.stop(), consoleB?.close(), haloB?.close()]);
  });

  it('knows every route of /docs-json: tenant-scoped ones are swept, the others are listed here', () => {
    for (const operation of operations) {
      const scoped = operation.secured && !OPERATOR_ROUTE.test(operation.path);
      const known = scoped || OPERATOR_ROUTE.test(operation.path) || PUBLIC_ROUTES.includes(operation.id) || operation.id === CONSOLE_EVENTS;
      expect({ route: operation.id, known }).toEqual({ route: operation.id, known: true });
      if (scoped) expect(() => requestOf(operation, '00000000-0000-0000-0000-000000000000')).not.toThrow();
    }
    expect(tenantScoped().length).toBeGreaterThanOrEqual(20);
  });

  it("B's key with A's ids on every tenant-scoped route: 404 for A's records, B's own view otherwise, and A's data untouched", async () => {
    const before = await snapshotOfA();
    const assetsA = stack.halo.state.assets.all().length;
    await resetHaloCounters(stack);

    const problems = await sweep((operation) => !pathParameterNames(operation).includes('actionId'), '00000000-0000-0000-0000-000000000000');
    expect(problems).toEqual([]);

    expect(await snapshotOfA()).toEqual(before);
    expect(writesIn(await haloRequests(stack))).toEqual({});
    expect(stack.halo.state.assets.all().length).toBe(assetsA);
    // A still sees all of its own, and its integration is intact (B removed only its own, last).
    const status = await asA<{ state: string }>('GET', '/api/v1/halopsa');
    expect(status.body.state).toBe('connected');
    expect((await asA('GET', `/api/v1/halopsa/computers/exports/${a.exportRunId}`)).status).toBe(200);
    expect((await asA('GET', `/api/v1/halopsa/sync-runs/${a.syncRunId}`)).status).toBe(200);
    expect((await asB<{ state: string }>('GET', '/api/v1/halopsa/removal')).status).toBe(200);
  });

  it("B's key cannot act on A's removal: retry and resolve with A's action id leave A's manual action open", async () => {
    await simulatorControl(stack.halo.url, 'PUT', '/forbidden', [{ entity: 'CustomButton', verb: 'DELETE' }]);
    try {
      expect((await asA('DELETE', '/api/v1/halopsa')).status).toBe(202);
      let actionId = '';
      await waitFor('A\'s removal to wait on a manual action', async () => {
        const removal = (await asA<{ manualActions: { id: string; state: string }[]; waitingUntil: string | null }>('GET', '/api/v1/halopsa/removal')).body;
        actionId = removal.manualActions.find((action) => action.state === 'open')?.id ?? '';
        return actionId !== '' && removal.waitingUntil !== null;
      }, 60_000, 300);
      const before = await snapshotOfA();

      const problems: string[] = [];
      for (const operation of tenantScoped().filter((o) => pathParameterNames(o).includes('actionId') || o.id === 'GET /api/v1/halopsa/removal')) {
        const request = requestOf(operation, actionId);
        const answer = await asB(operation.method, request.path, request.body);
        // B has a removal of its own (finished): its answer speaks of that one, never of A's.
        if (answer.status >= 500 || (operation.method === 'POST' && answer.status < 400)) problems.push(`${operation.id}: answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        const leaked = leaksIn(answer, [actionId]);
        if (leaked.length > 0) problems.push(`${operation.id}: answered ${answer.status} with A's ${leaked.join(', ')}`);
      }
      expect(problems).toEqual([]);

      expect(await snapshotOfA()).toEqual(before);
      const removalA = (await asA<{ state: string; manualActions: { id: string; state: string }[] }>('GET', '/api/v1/halopsa/removal')).body;
      expect(removalA.state).toBe('removing');
      expect(removalA.manualActions.find((action) => action.id === actionId)?.state).toBe('open');
      // A may still act on its own action.
      expect((await asA('POST', `/api/v1/halopsa/removal/actions/${actionId}/resolve`)).status).toBe(200);
    } finally {
      await simulatorControl(stack.halo.url, 'PUT', '/forbidden', []);
    }
  });

  it("B's key never passes the operators' routes, and B's event secret never passes for A's event account", async () => {
    for (const operation of operations.filter((o) => o.secured && OPERATOR_ROUTE.test(o.path))) {
      const path = fillPath(operation, { tenantId: a.fixture.tenantId });
      const answer = await asB(operation.method, path, operation.body ? {} : undefined);
      expect({ route: operation.id, status: answer.status }).toEqual({ route: operation.id, status: 401 });
    }
    const answer = await postConsoleEvent(a.fixture.consoleEvents.url, b.consoleEvents.secret, { id: 'evt-isolation', type: 'company.renamed', occurredAt: new Date().toISOString(), data: {} });
    expect(answer.status).toBe(401);
    expect((await db.query('SELECT count(*)::int AS n FROM console_events WHERE event_id = $1', ['evt-isolation'])).rows[0].n).toBe(0);
  });
});
