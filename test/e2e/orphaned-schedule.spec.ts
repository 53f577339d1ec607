import { Client as PgClient } from 'pg';
import { waitFor } from '../../dev/wait-for';
import { callApi } from '../support/api-client';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { administrators, createTenant } from '../support/tenant-fixture';

/** A schedule that outlives its integration deletes itself at its next tick, instead of failing every interval. */
describe('a sync schedule whose integration is gone', () => {
  let stack: ProductStack;

  beforeAll(async () => {
    stack = await startProductStack({ companies: 2, computers: 4 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('ends its tick with integration-gone and deletes the schedule', async () => {
    const tenant = await createTenant(stack, administrators(stack).full.AdminID, 'Orphan MSP');
    const { integrationId } = await connectAndSetUp(stack, tenant);
    const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: tenant.apiKey, body });
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    const [computer] = (await api<{ items: { hid: string }[] }>('GET', '/api/v1/halopsa/computers?state=unlinked')).body.items;
    await api('PUT', `/api/v1/halopsa/computers/${computer.hid}`, { action: 'exclude' });
    const schedule = stack.temporal.client.schedule.getHandle(`sync-schedule:${integrationId}`);
    await waitFor('the sync schedule', async () => (await schedule.describe()).scheduleId !== undefined, 30_000);

    const db = new PgClient({ connectionString: stack.database.url });
    await db.connect();
    await db.query('DELETE FROM integrations WHERE id = $1', [integrationId]);
    await db.end();

    await schedule.trigger();
    let tickId = '';
    await waitFor('the tick to start', async () => {
      tickId = (await schedule.describe()).info.recentActions.at(-1)?.action.workflow.workflowId ?? '';
      return tickId !== '';
    }, 30_000);
    expect(await stack.temporal.client.workflow.getHandle(tickId).result()).toBe('integration-gone');
    await expect(schedule.describe()).rejects.toThrow();
  });
});
