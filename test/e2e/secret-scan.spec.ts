import { randomBytes } from 'node:crypto';
import { waitFor } from '../../dev/wait-for';
import { JsonPayloads, toJsonPayload } from '../../src/codec/remote-codec-protocol';
import { callApi } from '../support/api-client';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { dumpDatabase } from '../support/pg-dump';
import { ProductStack, startProductStack } from '../support/product-stack';
import { describeLeaks, findLeaks, ScanSource, Secret, stackSecrets } from '../support/secret-scan';
import { AnswerRecorder, recordApiAnswers } from '../support/secret-scan-answers';
import { historySources } from '../support/secret-scan-histories';
import { simulatorControl } from '../support/simulator-control';
import { syncRunWaits } from '../support/sync-run-waits';
import { administrators, createApiKey, createTenant, TenantFixture } from '../support/tenant-fixture';

interface Run {
  runId: string;
  trigger: string;
  state: string;
}

interface Removal {
  state: string;
  manualActions: { id: string; step: string; state: string }[];
}

const size = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const UI_ORIGIN = 'http://127.0.0.1:8233';
const randomSecret = (): string => randomBytes(36).toString('base64url');

describe('no secret leaks from a full journey: API answers, logs, PostgreSQL dumps, Temporal histories', () => {
  let stack: ProductStack;
  let recorder: AnswerRecorder;
  let acme: TenantFixture;
  let integrationId: string;
  const secrets: Secret[] = [];
  const dumps: ScanSource[] = [];
  const scanned = { answers: 0, logBytes: 0, dumpBytes: [] as number[], histories: 0, hits: 0 };

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: acme.apiKey, body });
  const consoleSim = (method: string, path: string, body?: unknown) => simulatorControl(stack.console.url, method, path, body);
  const haloSim = <T>(method: string, path: string, body?: unknown) => simulatorControl<T>(stack.halo.url, method, path, body);
  const dump = async (when: string) => dumps.push({ where: `the PostgreSQL dump ${when}`, text: await dumpDatabase(stack.database.url) });
  /** Scans, counts the hits for the summary line, and answers them described (masked). */
  const leaksIn = (sources: readonly ScanSource[]): string[] => {
    const leaks = describeLeaks(findLeaks(secrets, sources));
    scanned.hits += leaks.length;
    return leaks;
  };

  const waits = () => syncRunWaits(stack, acme.apiKey);
  const detailOf = async (run: { runId: string }) => (await api<Run>('GET', `/api/v1/halopsa/sync-runs/${run.runId}`)).body;
  const finishedRun = async (trigger: string, known: Set<string>): Promise<Run> => detailOf(await waits().finished((run) => run.trigger === trigger, known));
  const syncNow = async (): Promise<Run> => detailOf(await waits().syncNow());

  beforeAll(async () => {
    // The most verbose level: a secret in a log line of any level is found.
    stack = await startProductStack({ companies: 6, computers: 30, env: { LOG_LEVEL: 'trace' } });
    recorder = recordApiAnswers(stack.apiUrl);
    secrets.push(...stackSecrets(stack));
    const uncovered = stack.secrets.filter((given) => !secrets.some((secret) => given.includes(secret.value)));
    if (uncovered.length > 0) throw new Error(`${uncovered.length} of the stack's secrets are not scanned: give them a kind here`);
  });

  afterAll(async () => {
    recorder?.stop();
    await stack?.stop();
    process.stdout.write(
      `[secret-scan] scanned ${scanned.answers} API answers, ${size(scanned.logBytes)} of logs, ${scanned.dumpBytes.map(size).join(' + ')} of dumps, ` +
        `${scanned.histories} histories (raw+decoded): ${scanned.hits} hits for ${secrets.length} secrets\n`,
    );
  });

  it('creates a tenant and API keys with the operator token, and refuses a wrong Console password', async () => {
    const wrongPassword = randomSecret();
    secrets.push({ kind: 'wrong Console password', value: wrongPassword });
    const refused = await callApi(stack.apiUrl, 'POST', '/api/v1/tenants', {
      token: stack.operatorToken,
      body: { name: 'Typo MSP', consoleUrl: stack.console.url, consoleLogin: stack.console.credentials.login, consolePassword: wrongPassword },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);

    acme = await createTenant(stack, administrators(stack).full.AdminID);
    secrets.push({ kind: 'Console event-signing secret', value: acme.consoleEvents.secret, issuedIn: recorder.last('POST', /^\/api\/v1\/tenants$/) });
    secrets.push({ kind: 'API key', value: acme.apiKey, issuedIn: recorder.last('POST', /\/api-keys$/) });
    const readOnlyKey = await createApiKey(stack, acme.tenantId, administrators(stack).withoutPsa.AdminID);
    secrets.push({ kind: 'API key of an administrator without PSA rights', value: readOnlyKey, issuedIn: recorder.last('POST', /\/api-keys$/) });
    expect((await callApi(stack.apiUrl, 'PUT', '/api/v1/halopsa/connection', { token: readOnlyKey, body: {} })).status).toBe(403);
  });

  it('connects HaloPSA with the client secret: setup completes and every right holds', async () => {
    ({ integrationId } = await connectAndSetUp(stack, acme));
    expect((await api<{ state: string }>('GET', '/api/v1/halopsa')).body.state).toBe('connected');
    const check = await api<{ actions: Record<string, { allowed: boolean }> }>('POST', '/api/v1/halopsa/permissions/check');
    expect(Object.values(check.body.actions).every((action) => action.allowed)).toBe(true);
  });

  it('maps companies (automatically and by hand), license types and a computer, then exports', async () => {
    expect((await api('POST', '/api/v1/halopsa/companies/auto-map')).status).toBe(200);
    const unmapped = (await api<{ companyId: string; suggestion: { customers: { id: number }[] } | null }[]>('GET', '/api/v1/halopsa/companies?filter=unmapped')).body;
    const customerId = unmapped[0]?.suggestion?.customers[0]?.id ?? stack.halo.state.clients.all()[0].id;
    if (unmapped[0]) expect((await api('PUT', `/api/v1/halopsa/companies/${unmapped[0].companyId}`, { customerId })).status).toBe(200);
    const server = stack.halo.state.assetTypes.all().find((type) => type.name === 'Server')!;
    for (const { licenseType } of (await api<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types')).body) {
      expect((await api('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: server.id })).status).toBe(200);
    }
    const [excluded, ...unlinked] = (await api<{ items: { hid: string }[] }>('GET', '/api/v1/halopsa/computers?state=unlinked&pageSize=4')).body.items;
    expect((await api('PUT', `/api/v1/halopsa/computers/${excluded.hid}`, { action: 'exclude' })).status).toBe(200);
    const exported = await api<{ run: { exportRunId: string; counts: Record<string, number> } }>('POST', '/api/v1/halopsa/computers/export', { hids: unlinked.map((c) => c.hid), assetTypeId: server.id });
    expect(exported.status).toBe(200);
    expect(exported.body.run.counts).toEqual({ created: unlinked.length });
    expect((await api('GET', `/api/v1/halopsa/computers/exports/${exported.body.run.exportRunId}`)).status).toBe(200);
  });

  it('syncs in full, then syncs a computer from a signed Console event', async () => {
    expect((await syncNow()).state).toBe('completed');
    const [renamed] = (await api<{ items: { hid: string }[] }>('GET', '/api/v1/halopsa/computers?state=linked&pageSize=1')).body.items;
    expect((await api('PUT', '/api/v1/halopsa/sync/settings', { pushEvents: true })).status).toBe(200);
    await consoleSim('PUT', '/event-target', acme.consoleEvents);
    try {
      const known = await waits().known();
      await consoleSim('PATCH', `/computers/${renamed.hid}`, { computerName: 'EVENT-RENAMED-01' });
      expect((await finishedRun('event', known)).state).toBe('completed');
    } finally {
      await consoleSim('DELETE', '/event-target');
    }
  });

  it('replaces the client secret: a wrong one fails setup without echoing it, the regenerated one connects and syncs', async () => {
    const regenerated = await haloSim<{ clientSecret: string }>('POST', '/application/regenerate-credentials');
    secrets.push({ kind: 'regenerated HaloPSA client secret', value: regenerated.clientSecret });
    const wrongSecret = randomSecret();
    secrets.push({ kind: 'wrong HaloPSA client secret', value: wrongSecret });

    const connection = (clientSecret: string) => ({ haloUrl: stack.halo.url, clientId: stack.halo.state.credentials.clientId, clientSecret });
    const failing = await api<{ workflowId: string; runId: string }>('PUT', '/api/v1/halopsa/connection', connection(wrongSecret));
    expect(failing.status).toBe(202);
    await expect(stack.temporal.client.workflow.getHandle(failing.body.workflowId, failing.body.runId).result()).rejects.toThrow();
    const failed = (await api<{ state: string; lastError: string }>('GET', '/api/v1/halopsa')).body;
    expect(failed).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/client/i) });
    expect((await api('PUT', '/api/v1/halopsa/connection', { ...connection(regenerated.clientSecret), haloUrl: 'not a url' })).status).toBe(400);

    await connectAndSetUp(stack, acme);
    expect((await syncNow()).state).toBe('completed');
  });

  it("lets an operator read a history's payloads through a codec session (the Temporal UI's way)", async () => {
    const login = await fetch(`${stack.apiUrl}/codec/login`, { method: 'POST', body: new URLSearchParams({ token: stack.operatorToken }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    secrets.push({ kind: 'codec session cookie', value: cookie.split('=')[1], issuedIn: recorder.last('POST', /^\/codec\/login$/) });
    const history = await stack.temporal.client.workflow.getHandle(`setup:${integrationId}`).fetchHistory();
    const payloads = (history.events?.[0].workflowExecutionStartedEventAttributes?.input?.payloads ?? []).map(toJsonPayload);
    const decoded = await fetch(`${stack.apiUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-namespace': 'default', origin: UI_ORIGIN, cookie },
      body: JSON.stringify({ payloads }),
    });
    expect(decoded.status).toBe(200);
    const [input] = ((await decoded.json()) as JsonPayloads).payloads;
    expect(Buffer.from(input.data ?? '', 'base64').toString('utf8')).toContain(integrationId);
  });

  it('removes the integration through a manual action that the MSP retries', async () => {
    await dump('before removal');
    await haloSim('PUT', '/forbidden', [{ entity: 'CustomButton', verb: 'DELETE' }]);
    expect((await api('DELETE', '/api/v1/halopsa?dryRun=true')).status).toBe(200);
    expect((await api('DELETE', '/api/v1/halopsa')).status).toBe(202);
    const removal = async () => (await api<Removal>('GET', '/api/v1/halopsa/removal')).body;
    let action: Removal['manualActions'][number] | undefined;
    await waitFor('a manual action for the button', async () => {
      action = (await removal()).manualActions.find((open) => open.step === 'delete-button' && open.state === 'open');
      return action !== undefined;
    }, 30_000, 500);
    await haloSim('PUT', '/forbidden', []);
    expect((await api<{ state: string }>('POST', `/api/v1/halopsa/removal/actions/${action!.id}/retry`)).body.state).toBe('done-by-retry');
    await waitFor('the removal to finish', async () => (await removal()).state === 'removed', 30_000, 500);
    await dump('after removal');
  });

  it('shows no secret in any API answer, except the one answer that issues each key', () => {
    const issued = secrets.filter((secret) => secret.issuedIn);
    expect(issued.map((secret) => findLeaks([{ ...secret, issuedIn: undefined }], [secret.issuedIn!]).length)).toEqual(issued.map(() => 1));
    expect(recorder.answers.some((answer) => answer.text.includes(integrationId))).toBe(true);
    scanned.answers = recorder.answers.length;
    expect(leaksIn(recorder.answers)).toEqual([]);
  });

  it('logs no secret, in the API or the worker', () => {
    const logs = [
      { where: 'the API log', text: stack.api.output() },
      { where: 'the worker log', text: stack.worker.output() },
    ];
    expect(logs[0].text).toContain(acme.tenantId);
    expect(logs[1].text).toContain(integrationId);
    scanned.logBytes = logs.reduce((bytes, log) => bytes + Buffer.byteLength(log.text), 0);
    expect(leaksIn(logs)).toEqual([]);
  });

  it('keeps no secret in clear in PostgreSQL, before or after the removal', () => {
    expect(dumps).toHaveLength(2);
    expect(dumps[0].text).toContain(integrationId);
    expect(dumps.every((dumped) => dumped.text.includes(acme.tenantId))).toBe(true);
    scanned.dumpBytes = dumps.map((dumped) => Buffer.byteLength(dumped.text));
    expect(leaksIn(dumps)).toEqual([]);
  });

  it('keeps no secret in any Temporal history of the journey, raw or decoded', async () => {
    const { histories, sources } = await historySources(stack);
    expect(histories).toBeGreaterThanOrEqual(7);
    expect(sources.some((source) => source.where.startsWith('the decoded') && source.text.includes(integrationId))).toBe(true);
    scanned.histories = histories;
    expect(leaksIn(sources)).toEqual([]);
  });
});
