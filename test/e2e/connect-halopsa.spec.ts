import { Client } from 'pg';
import { callApi } from '../support/api-client';
import { startProductStack, ProductStack } from '../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';
import { workflowResult } from '../support/workflow-result';

interface Started {
  integrationId: string;
  workflowId: string;
  runId: string;
  mappingsKept: boolean;
}

interface Status {
  state: string;
  lastError: string | null;
  steps: { step: string; done: boolean }[];
  computerIdFieldId: number | null;
  connectButtonId: number | null;
  workflows: { setup: { workflowId: string } | null };
}

interface Report {
  authenticationError?: string;
  actions: Record<'create' | 'manage' | 'delete', { allowed: boolean; requirements: { layer: string; requirement: string; holds: boolean | null; fix?: string }[] }>;
}

describe('connecting HaloPSA (PUT /api/v1/halopsa/connection)', () => {
  let stack: ProductStack;
  let acme: TenantFixture;

  const connection = () => ({
    haloUrl: stack.halo.url,
    clientId: stack.halo.state.credentials.clientId,
    clientSecret: stack.halo.state.credentials.clientSecret,
  });

  async function connect(tenant: TenantFixture, body: object): Promise<Started> {
    const answer = await callApi<Started>(stack.apiUrl, 'PUT', '/api/v1/halopsa/connection', { token: tenant.apiKey, body });
    expect(answer.status).toBe(202);
    return answer.body;
  }

  async function setupOutcome(started: Started): Promise<'completed' | string> {
    try {
      await workflowResult(stack, started);
      return 'completed';
    } catch (error) {
      return String((error as { cause?: { message?: string } }).cause?.message ?? error);
    }
  }

  const status = async (tenant: TenantFixture) => (await callApi<Status>(stack.apiUrl, 'GET', '/api/v1/halopsa', { token: tenant.apiKey })).body;
  const fieldsNamed = () => stack.halo.state.fieldInfos.all().filter((f) => f.name.toLowerCase() === 'cfconsolecomputerid');
  const buttonsNamed = () => stack.halo.state.customButtons.all().filter((b) => b.name === 'ConsoleConnectToComputer');

  beforeAll(async () => {
    stack = await startProductStack();
    acme = await createTenant(stack, administrators(stack).full.AdminID);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('connects with good credentials: setup creates the field and the button once, even when run twice', async () => {
    const first = await connect(acme, connection());
    expect(first.workflowId).toBe(`setup:${first.integrationId}`);
    expect(await setupOutcome(first)).toBe('completed');

    const second = await connect(acme, connection());
    expect(second.integrationId).toBe(first.integrationId);
    expect(await setupOutcome(second)).toBe('completed');

    expect(fieldsNamed()).toHaveLength(1);
    expect(fieldsNamed()[0].searchable).toBe(true);
    expect(buttonsNamed()).toHaveLength(1);
    expect(buttonsNamed()[0].url).toMatch(new RegExp(`^${stack.apiUrl}/connect/[A-Za-z0-9_-]+/\\{\\$ID\\}$`));

    const current = await status(acme);
    expect(current).toMatchObject({ state: 'connected', lastError: null, computerIdFieldId: fieldsNamed()[0].id, connectButtonId: buttonsNamed()[0].id });
    expect(current.steps).toContainEqual({ step: 'authentication-and-permissions', mandatory: true, done: true });
    expect(current.workflows.setup?.workflowId).toBe(first.workflowId);
  });

  it('reports every requirement as holding for a full-rights application and agent', async () => {
    const answer = await callApi<Report>(stack.apiUrl, 'POST', '/api/v1/halopsa/permissions/check', { token: acme.apiKey });
    expect(answer.status).toBe(200);
    for (const action of ['create', 'manage', 'delete'] as const) expect(answer.body.actions[action].allowed).toBe(true);
  });

  it('keeps the integration when the secret is replaced (a regenerated key pair), and makes the computer-id field searchable again', async () => {
    const [field] = fieldsNamed();
    stack.halo.state.fieldInfos.replace({ ...field, searchable: false });
    const before = await status(acme);
    await fetch(`${stack.halo.url}/_sim/application/regenerate-credentials`, { method: 'POST' });
    const edited = await connect(acme, connection());
    expect(edited.mappingsKept).toBe(true);
    expect(await setupOutcome(edited)).toBe('completed');
    const after = await status(acme);
    expect(after).toMatchObject({ state: 'connected', computerIdFieldId: before.computerIdFieldId, connectButtonId: before.connectButtonId });
    expect(fieldsNamed()).toHaveLength(1);
    expect(fieldsNamed()[0].searchable).toBe(true);
    expect(buttonsNamed()).toHaveLength(1);
  });

  it('stops setup with a clear reason when the credentials are wrong', async () => {
    const bad = await connect(acme, { ...connection(), clientSecret: 'not-the-secret' });
    expect(await setupOutcome(bad)).toMatch(/invalid_client|client/i);
    const current = await status(acme);
    expect(current.state).toBe('failed');
    expect(current.lastError).toMatch(/Client ID|client/i);

    const report = await callApi<Report>(stack.apiUrl, 'POST', '/api/v1/halopsa/permissions/check', { token: acme.apiKey });
    expect(report.body.actions.create.allowed).toBe(false);
    expect(report.body.actions.create.requirements[0]).toMatchObject({ requirement: 'Valid Client ID, Client Secret and tenant', holds: false });
  });

  it('names the missing administrator right (check) and stops setup with it', async () => {
    await fetch(`${stack.halo.url}/_sim/agent`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ is_admin: false }) });
    try {
      const started = await connect(acme, connection());
      const outcome = await setupOutcome(started);
      expect(outcome).toMatch(/HaloPSA administrator/);
      const checked = await callApi<Report>(stack.apiUrl, 'POST', '/api/v1/halopsa/permissions/check', { token: acme.apiKey });
      const admin = checked.body.actions.create.requirements.find((r) => r.requirement === 'HaloPSA administrator');
      expect(admin).toMatchObject({ layer: 'agent', holds: false, fix: expect.stringMatching(/Agents/) });
      expect(checked.body.actions.manage.allowed).toBe(true);
      expect((await status(acme)).lastError).toMatch(/HaloPSA administrator/);
    } finally {
      await fetch(`${stack.halo.url}/_sim/agent`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ is_admin: true }) });
    }
  });

  it('keeps the client secret out of the setup history and the integration row', async () => {
    const started = await connect(acme, connection());
    expect(await setupOutcome(started)).toBe('completed');
    const secret = stack.halo.state.credentials.clientSecret;

    const history = await stack.temporal.client.workflow.getHandle(started.workflowId, started.runId).fetchHistory();
    expect(JSON.stringify(history)).not.toContain(secret);
    expect(JSON.stringify(history)).not.toContain(Buffer.from(secret).toString('base64'));

    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      const rows = await db.query('SELECT row_to_json(i)::text AS row FROM integrations i');
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0].row).not.toContain(secret);
      const tenants = await db.query('SELECT row_to_json(t)::text AS row FROM tenants t');
      for (const row of tenants.rows) expect(row.row).not.toContain(stack.console.credentials.password);
    } finally {
      await db.end();
    }
    const answers = JSON.stringify([await status(acme)]);
    expect(answers).not.toContain(secret);
    expect(stack.api.output() + stack.worker.output()).not.toContain(secret);
  });
});
