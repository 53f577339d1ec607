import { waitFor } from '../../dev/wait-for';
import { callApi } from '../support/api-client';
import { connectAndSetUp, haloRequests, resetHaloCounters } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

const BATCH_SIZE = 100;

describe('exporting 1,000 computers', () => {
  let stack: ProductStack;
  let acme: TenantFixture;

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: acme.apiKey, body });

  beforeAll(async () => {
    stack = await startProductStack({ companies: 12, computers: 1_000 });
    acme = await createTenant(stack, administrators(stack).full.AdminID);
    await connectAndSetUp(stack, acme);
    const companies = (await api<{ companyId: string; suggestion: { customers: { id: number }[] } | null }[]>('GET', '/api/v1/halopsa/companies')).body;
    for (const company of companies) {
      const customerId = company.suggestion?.customers[0]?.id ?? stack.halo.state.clients.all()[0].id;
      await api('PUT', `/api/v1/halopsa/companies/${company.companyId}`, { customerId });
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('runs as a workflow, sends ceil(n / batch) asset POSTs, and creates one asset per computer', async () => {
    const unlinked = (await api<{ total: number }>('GET', '/api/v1/halopsa/computers?state=unlinked&pageSize=1')).body.total;
    expect(unlinked).toBeGreaterThan(900);
    const serverType = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server')!;
    await resetHaloCounters(stack);

    const started = await api<{ finished: boolean; run: { exportRunId: string; workflowId: string } }>('POST', '/api/v1/halopsa/computers/export', { assetTypeId: serverType.id });
    expect(started.status).toBe(202);
    expect(started.body.run.workflowId).toBe(`export:${started.body.run.exportRunId}`);
    let run: { state: string; counts: Record<string, number> } = { state: 'running', counts: {} };
    await waitFor(
      'the export to finish',
      async () => {
        run = (await api<typeof run>('GET', `/api/v1/halopsa/computers/exports/${started.body.run.exportRunId}`)).body;
        return run.state !== 'running';
      },
      120_000,
      250,
    );
    expect(run).toMatchObject({ state: 'completed', counts: { created: unlinked } });

    const requests = await haloRequests(stack);
    expect(requests['POST /api/asset']).toBe(Math.ceil(unlinked / BATCH_SIZE));
    expect(Object.keys(requests).filter((key) => key.startsWith('POST ') && key !== 'POST /api/asset' && key !== 'POST /auth/token')).toEqual([]);

    const counters = (await (await fetch(`${stack.halo.url}/_sim/counters`)).json()) as { assetCreatesByCustomFieldValue: Record<string, Record<string, number>> };
    const perComputer = Object.values(counters.assetCreatesByCustomFieldValue.CFConsoleComputerId ?? {});
    expect(perComputer).toHaveLength(unlinked);
    expect(perComputer.every((creates) => creates === 1)).toBe(true);
  });
});
