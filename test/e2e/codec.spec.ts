import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter, Payload } from '@temporalio/common';
import { decodeArrayFromPayloads, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { temporal as proto } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { fromJsonPayload, JsonPayload, toJsonPayload } from '../../src/codec/remote-codec-protocol';
import { callApi } from '../support/api-client';
import { productDataConverter } from '../support/product-env';
import { ProductStack, startProductStack } from '../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';
import { requiredTestEnv, TEST_ENV } from '../support/test-env';
import { workflowResult } from '../support/workflow-result';

const run = promisify(execFile);

type History = proto.api.history.v1.IHistory;
type Failure = proto.api.failure.v1.IFailure;

interface Started {
  integrationId: string;
  workflowId: string;
  runId: string;
}

const UI_ORIGIN = 'http://127.0.0.1:8233';
const text = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('latin1');
const encodingOf = (payload: Payload): string => text(payload.metadata?.encoding);

/** Every payload a history carries in workflow and activity inputs, results and failures. */
function payloadsOf(history: History): Payload[] {
  const payloads: Payload[] = [];
  const failure = (f: Failure | null | undefined): void => {
    if (!f) return;
    if (f.encodedAttributes) payloads.push(f.encodedAttributes);
    failure(f.cause);
  };
  for (const event of history.events ?? []) {
    payloads.push(...(event.workflowExecutionStartedEventAttributes?.input?.payloads ?? []));
    payloads.push(...(event.activityTaskScheduledEventAttributes?.input?.payloads ?? []));
    payloads.push(...(event.activityTaskCompletedEventAttributes?.result?.payloads ?? []));
    payloads.push(...(event.workflowExecutionCompletedEventAttributes?.result?.payloads ?? []));
    failure(event.activityTaskFailedEventAttributes?.failure);
    failure(event.workflowExecutionFailedEventAttributes?.failure);
  }
  return payloads;
}

function scheduledInputs(history: History): Payload[][] {
  return (history.events ?? []).map((event) => event.activityTaskScheduledEventAttributes?.input?.payloads ?? []).filter((payloads) => payloads.length > 0);
}

describe('Temporal payloads are encrypted; operators read them through the codec endpoint', () => {
  let stack: ProductStack;
  let acme: TenantFixture;
  let setup: Started;
  /** A client without the product's codec: what anyone reading Temporal's database sees. */
  let plainClient: Client;

  const connect = async (clientSecret: string): Promise<Started> => {
    const answer = await callApi<Started>(stack.apiUrl, 'PUT', '/api/v1/halopsa/connection', {
      token: acme.apiKey,
      body: { haloUrl: stack.halo.url, clientId: stack.halo.state.credentials.clientId, clientSecret },
    });
    expect(answer.status).toBe(202);
    return answer.body;
  };
  const history = (started: Started): Promise<History> => plainClient.workflow.getHandle(started.workflowId, started.runId).fetchHistory();
  const codecCall = (path: string, options: { token?: string; cookie?: string; body?: unknown }) =>
    fetch(`${stack.apiUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-namespace': 'default',
        origin: UI_ORIGIN,
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      body: JSON.stringify(options.body ?? { payloads: [] }),
    });

  beforeAll(async () => {
    stack = await startProductStack();
    acme = await createTenant(stack, administrators(stack).full.AdminID);
    setup = await connect(stack.halo.state.credentials.clientSecret);
    await workflowResult(stack, setup);
    plainClient = new Client({ connection: stack.temporal.connection, namespace: 'default' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('stores workflow and activity inputs and results encrypted: no integration id in clear', async () => {
    const events = await history(setup);
    const payloads = payloadsOf(events);
    expect(payloads.length).toBeGreaterThan(8);
    for (const payload of payloads) {
      expect(encodingOf(payload)).toBe('binary/encrypted');
      expect(text(payload.metadata?.['encryption-key-id'])).toBe('c1');
      expect(text(payload.data)).not.toContain(setup.integrationId);
    }
    await expect(plainClient.workflow.getHandle(setup.workflowId, setup.runId).result()).rejects.toThrow(/binary\/encrypted/);

    const converter = loadDataConverter(productDataConverter(stack.env as { TEMPORAL_CODEC_KEYS: string }));
    const [firstActivityInput] = await decodeArrayFromPayloads(converter, scheduledInputs(events)[0]);
    expect(firstActivityInput).toEqual({ integrationId: setup.integrationId, tenantId: acme.tenantId });
    expect(await stack.temporal.client.workflow.getHandle(setup.workflowId, setup.runId).result()).toEqual({
      computerIdFieldId: expect.any(Number),
      connectButtonId: expect.any(Number),
    });
  });

  it('decodes through POST /codec/decode with the operator token, and answers 401 without it', async () => {
    const input = scheduledInputs(await history(setup))[0].map(toJsonPayload);

    const decoded = await codecCall('/codec/decode', { token: stack.operatorToken, body: { payloads: input } });
    expect(decoded.status).toBe(200);
    expect(decoded.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    const body = (await decoded.json()) as { payloads: JsonPayload[] };
    expect(defaultPayloadConverter.fromPayload(fromJsonPayload(body.payloads[0]))).toEqual({ integrationId: setup.integrationId, tenantId: acme.tenantId });

    for (const token of [undefined, acme.apiKey, 'x'.repeat(43)]) {
      const refused = await codecCall('/codec/decode', { token, body: { payloads: input } });
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toContain(setup.integrationId);
    }
    expect((await codecCall('/codec/encode', { body: { payloads: input } })).status).toBe(401);
  });

  it('round-trips through POST /codec/encode and /codec/decode', async () => {
    const plain = toJsonPayload(defaultPayloadConverter.toPayload({ integrationId: setup.integrationId }));
    const encoded = (await (await codecCall('/codec/encode', { token: stack.operatorToken, body: { payloads: [plain] } })).json()) as { payloads: JsonPayload[] };
    expect(encodingOf(fromJsonPayload(encoded.payloads[0]))).toBe('binary/encrypted');
    const decoded = (await (await codecCall('/codec/decode', { token: stack.operatorToken, body: encoded })).json()) as { payloads: JsonPayload[] };
    expect(decoded.payloads).toEqual([plain]);
  });

  it("answers the Temporal UI's CORS preflight, and refuses other origins", async () => {
    const preflight = await fetch(`${stack.apiUrl}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: UI_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-namespace' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/authorization.*x-namespace/);

    const foreign = await fetch(`${stack.apiUrl}/codec/decode`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the Temporal UI decode with the session cookie of /codec/login', async () => {
    const login = await fetch(`${stack.apiUrl}/codec/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: stack.operatorToken }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^codec_session=/);
    const input = scheduledInputs(await history(setup))[0].map(toJsonPayload);
    const decoded = await codecCall('/codec/decode', { cookie, body: { payloads: input } });
    expect(decoded.status).toBe(200);
    expect(stack.api.output()).not.toContain(cookie.split('=')[1]);
    expect(stack.api.output()).not.toContain(stack.operatorToken);
    const body = (await decoded.json()) as { payloads: JsonPayload[] };
    expect(defaultPayloadConverter.fromPayload(fromJsonPayload(body.payloads[0]))).toEqual({ integrationId: setup.integrationId, tenantId: acme.tenantId });
  });

  it('serves the temporal CLI: `--codec-endpoint` and `--codec-auth` show a history in clear, ready to record for replay', async () => {
    const show = (...extra: string[]) =>
      run(requiredTestEnv(TEST_ENV.temporalCli), [
        'workflow', 'show', '--workflow-id', setup.workflowId, '--run-id', setup.runId, '--address', stack.env.TEMPORAL_ADDRESS,
        '--output', 'json', '--no-json-shorthand-payloads', ...extra,
      ]).then(({ stdout }) => JSON.parse(stdout) as { events: { workflowExecutionStartedEventAttributes?: { input: { payloads: JsonPayload[] } } }[] });
    const startedInput = (recorded: Awaited<ReturnType<typeof show>>): Payload => fromJsonPayload(recorded.events[0].workflowExecutionStartedEventAttributes?.input.payloads[0] as JsonPayload);

    expect(encodingOf(startedInput(await show()))).toBe('binary/encrypted');
    const recorded = await show('--codec-endpoint', `${stack.apiUrl}/codec`, '--codec-auth', `Bearer ${stack.operatorToken}`);
    expect(defaultPayloadConverter.fromPayload(startedInput(recorded))).toEqual({ integrationId: setup.integrationId, tenantId: acme.tenantId });
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, recorded, 'setup recorded through the codec endpoint');
  });

  it('still runs a workflow whose input was stored before the codec (plain payloads pass through)', async () => {
    const handle = await plainClient.workflow.start('setupIntegration', {
      workflowId: `setup-before-codec:${setup.integrationId}`,
      taskQueue: stack.env.TEMPORAL_TASK_QUEUE,
      args: [{ integrationId: setup.integrationId, tenantId: acme.tenantId }],
    });
    const result = await stack.temporal.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).result();
    expect(result).toEqual({ computerIdFieldId: expect.any(Number), connectButtonId: expect.any(Number) });
    const started = (await handle.fetchHistory()).events?.[0].workflowExecutionStartedEventAttributes?.input?.payloads?.[0] as Payload;
    expect(encodingOf(started)).toBe('json/plain');
  });

  it('encrypts failure messages too: the reason reads only through the codec', async () => {
    const failed = await connect('not-the-secret');
    const error = await stack.temporal.client.workflow.getHandle(failed.workflowId, failed.runId).result().then(
      () => undefined,
      (caught: unknown) => caught as { cause?: { message?: string } },
    );
    const reason = error?.cause?.message ?? '';
    expect(reason).toMatch(/invalid_client|client/i);

    const events = await history(failed);
    const failures = (events.events ?? []).flatMap((event) => [event.activityTaskFailedEventAttributes?.failure, event.workflowExecutionFailedEventAttributes?.failure]).filter(Boolean) as Failure[];
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const failure of failures) {
      expect(failure.message).toMatch(/^\S+ \(message encrypted: decode it with the codec endpoint\)$/);
      expect(encodingOf(failure.encodedAttributes as Payload)).toBe('binary/encrypted');
    }
    expect(text(proto.api.history.v1.History.encode(events).finish())).not.toContain(reason);

    // What the Temporal UI does to show a failure: it sends the encoded attributes to the codec endpoint.
    const decoded = await codecCall('/codec/decode', { token: stack.operatorToken, body: { payloads: failures.map((failure) => toJsonPayload(failure.encodedAttributes as Payload)) } });
    expect(decoded.status).toBe(200);
    const attributes = ((await decoded.json()) as { payloads: JsonPayload[] }).payloads.map(
      (payload) => defaultPayloadConverter.fromPayload(fromJsonPayload(payload)) as { message: string; stack_trace: string },
    );
    expect(attributes.map((decodedFailure) => decodedFailure.message)).toContain(reason);
    expect(JSON.stringify(attributes)).not.toContain('not-the-secret');
  });
});
