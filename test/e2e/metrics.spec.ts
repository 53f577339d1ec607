import { createHmac, randomUUID } from 'node:crypto';
import { waitFor } from '../../dev/wait-for';
import { callApi } from '../support/api-client';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';
import { findLeaks, stackSecrets } from '../support/secret-scan';

const TENANT_NAME = 'Metrics Tenant Zeta';

describe('Prometheus metrics at /metrics', () => {
  let stack: ProductStack;
  let tenant: TenantFixture;
  let integrationId: string;

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: tenant.apiKey, body });
  const scrape = async () => {
    const answer = await fetch(`${stack.apiUrl}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return answer.text();
  };

  async function postEvent(event: Record<string, unknown>): Promise<number> {
    const body = JSON.stringify(event);
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', tenant.consoleEvents.secret).update(`${timestamp}.${body}`).digest('hex');
    const answer = await fetch(tenant.consoleEvents.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-console-timestamp': String(timestamp), 'x-console-signature': `sha256=${signature}` },
      body,
    });
    return answer.status;
  }

  beforeAll(async () => {
    stack = await startProductStack();
    tenant = await createTenant(stack, administrators(stack).full.AdminID, TENANT_NAME);
    ({ integrationId } = await connectAndSetUp(stack, tenant));
    await api('POST', '/api/v1/halopsa/companies/auto-map');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('exposes process metrics and every product metric name after a connect, a sync and an event', async () => {
    expect((await api('POST', '/api/v1/halopsa/sync')).status).toBe(202);
    await waitFor('the manual sync run to finish', async () => {
      const runs = (await api<{ items: { trigger: string; state: string }[] }>('GET', '/api/v1/halopsa/sync-runs')).body.items;
      return runs.some((run) => run.trigger === 'manual' && run.state !== 'running');
    }, 60_000, 500);
    const occurredAt = new Date(Date.now() - 2_000).toISOString();
    expect(await postEvent({ id: randomUUID(), type: 'backup.completed', occurredAt, data: { ComputerHID: 'not-a-known-computer' } })).toBe(202);
    expect(await postEvent({ id: 'no-type' })).toBe(400);

    const text = await scrape();
    for (const name of ['process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds', 'halo_requests_total', 'halo_rate_limited_total', 'console_events_received_total', 'console_event_lag_seconds', 'sync_runs_total', 'sync_items_total']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    // The API itself called HaloPSA for the auto-map (customers) and its token.
    expect(text).toMatch(/^halo_requests_total\{method="GET",status_class="2xx"\} [1-9]\d*$/m);
    expect(text).toContain('console_events_received_total{type="backup.completed",outcome="accepted"} 1');
    expect(text).toContain('console_events_received_total{type="unknown",outcome="invalid"} 1');
    expect(text).toMatch(/^console_event_lag_seconds_count 1$/m);
    expect(text).toMatch(/^console_event_lag_seconds_bucket\{le="1"\} 0$/m);
    expect(text).toMatch(/^console_event_lag_seconds_bucket\{le="5"\} 1$/m);
    expect(text).toContain('sync_runs_total{trigger="manual",state="completed"} 1');
    expect(text).toMatch(/^sync_items_total\{outcome="left-alone"\} \d+$/m);
    expect(text).toContain('sync_metrics_query_success 1');
  });

  it('never carries a tenant name, an id, a URL or a secret', async () => {
    const text = await scrape();
    const secrets = [...stackSecrets(stack), { kind: 'API key', value: tenant.apiKey }, { kind: 'event secret', value: tenant.consoleEvents.secret }];
    expect(findLeaks(secrets, [{ where: 'GET /metrics', text }])).toEqual([]);
    for (const identifying of [TENANT_NAME, tenant.tenantId, integrationId, new URL(stack.halo.url).host, new URL(stack.console.url).host, 'http://', 'https://']) {
      expect(text).not.toContain(identifying);
    }
  });

  it('is not part of the OpenAPI reference, and is not rate limited', async () => {
    const docs = (await (await fetch(`${stack.apiUrl}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).not.toContain('/metrics');
    const answers = await Promise.all(Array.from({ length: 150 }, () => fetch(`${stack.apiUrl}/metrics`).then((r) => r.status)));
    expect(new Set(answers)).toEqual(new Set([200]));
  });
});
