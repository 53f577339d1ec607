import { randomUUID } from 'node:crypto';
import { callApi } from '../support/api-client';
import { postConsoleEvent } from '../support/console-event-post';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { syncRunWaits } from '../support/sync-run-waits';
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

  const postEvent = async (event: Record<string, unknown>): Promise<number> => (await postConsoleEvent(tenant.consoleEvents.url, tenant.consoleEvents.secret, event)).status;

  beforeAll(async () => {
    stack = await startProductStack();
    tenant = await createTenant(stack, administrators(stack).full.AdminID, TENANT_NAME);
    ({ integrationId } = await connectAndSetUp(stack, tenant));
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    await api('PUT', '/api/v1/halopsa/sync/settings', { pushEvents: true });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('exposes process metrics and every product metric name after a connect, a sync and an event', async () => {
    await syncRunWaits(stack, tenant.apiKey).syncNow();
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
