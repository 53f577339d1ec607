import { Client } from 'pg';
import { waitFor } from '../../dev/wait-for';
import { computerIdField, computerIdsWithSeveralAssets } from '../../simulators/halo/state/computer-id-assets';
import { PersonSetValues } from '../../simulators/halo/state/person-set-values';
import { AssetRecord } from '../../simulators/halo/state/records';
import { callApi } from '../support/api-client';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { syncRunWaits } from '../support/sync-run-waits';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

interface RunDetail {
  state: string;
  items: { items: { hid: string; action: string; outcome: string; reason: string | null }[] };
}

interface Computer {
  hid: string;
  companyId: string;
  companyName: string;
}

const CHANGED_BY_A_PERSON = /changed in HaloPSA by a person/;

/**
 * Values that people (or other tools) set on assets survive every kind of write the service makes,
 * whether HaloPSA merges a posted `customfields`/`fields` list or replaces the whole list with it
 * (the `strict` simulator profile): linked and exported assets, through updates, renames, moves,
 * retirement, reactivation, a deep-check rewrite and the removal of the integration.
 */
describe(`values people set on assets (simulator profile ${process.env.SIMULATOR_PROFILE || 'default'})`, () => {
  let stack: ProductStack;
  let acme: TenantFixture;
  let people: PersonSetValues;

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: acme.apiKey, body });
  const consoleSim = <T>(method: string, path: string, body?: unknown) => simulatorControl<T>(stack.console.url, method, path, body);
  const syncNow = async (): Promise<RunDetail> => {
    const run = await syncRunWaits<{ runId: string; trigger: string; state: string }>(stack, acme.apiKey).syncNow();
    return (await api<RunDetail>('GET', `/api/v1/halopsa/sync-runs/${run.runId}?pageSize=500`)).body;
  };
  const computers = async (state: string) => (await api<{ items: Computer[] }>('GET', `/api/v1/halopsa/computers?state=${state}&pageSize=500`)).body.items;
  const assetOf = (hid: string): AssetRecord => {
    const fieldId = computerIdField(stack.halo.state)!.id;
    return stack.halo.state.assets.all().find((a) => a.customfields.some((f) => f.id === fieldId && String(f.value) === hid))!;
  };

  async function forgetLastDeepCheck(): Promise<void> {
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      await db.query('UPDATE integrations SET last_deep_check_at = NULL');
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    stack = await startProductStack({ companies: 4, computers: 24, env: { HALO_WRITE_BATCH_SIZE: '3' } });
    acme = await createTenant(stack, administrators(stack).full.AdminID);
    await connectAndSetUp(stack, acme);
    await api('POST', '/api/v1/halopsa/companies/auto-map');
    await api('PUT', '/api/v1/halopsa/sync/settings', { watchIntervalSeconds: 3600 });
    const server = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server')!;
    for (const { licenseType } of (await api<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types')).body) {
      await api('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: server.id });
    }
    people = new PersonSetValues(stack.halo.state);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps them through every write, with one asset per computer', async () => {
    const [byHand] = await computers('unlinked');
    const mapping = (await api<{ companyId: string; mapping: { siteId: number } }[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body.find((c) => c.companyId === byHand.companyId)!.mapping;
    const madeByAPerson = stack.halo.state.assets.insert({
      inventory_number: 'TAG-1', key_field: 'OLD-NAME', key_field2: '', key_field3: '', site_id: mapping.siteId,
      assettype_id: stack.halo.state.assetTypes.all()[0].id, status_id: 1, inactive: false, notes: '', contract_id: 0,
      fields: [{ id: 1, value: 'OLD-NAME' }], customfields: [], last_modified: new Date().toISOString(),
    });
    people.setOn(madeByAPerson.id);
    expect((await api('PUT', `/api/v1/halopsa/computers/${byHand.hid}`, { action: 'link', assetId: madeByAPerson.id })).status).toBe(200);
    expect(people.lost()).toEqual([]);

    expect((await syncNow()).state).toBe('completed');
    const linked = await computers('linked');
    expect(linked.length).toBeGreaterThan(6);
    for (const computer of linked) if (computer.hid !== byHand.hid) people.setOn(assetOf(computer.hid).id);
    expect(people.count).toBe(linked.length);

    const [renamed, moved, toggled, deleted, editedInHalo] = linked.filter((c) => c.hid !== byHand.hid);
    const otherCompany = linked.find((c) => c.companyId !== moved.companyId)!;
    await consoleSim('PATCH', `/computers/${byHand.hid}`, { computerName: 'BY-HAND-RENAMED' });
    await consoleSim('PATCH', `/computers/${renamed.hid}`, { computerName: 'EXPORTED-RENAMED' });
    await consoleSim('PATCH', `/computers/${moved.hid}`, { companyName: otherCompany.companyName });
    await consoleSim('PATCH', `/computers/${toggled.hid}`, { online: false });
    const gone = await consoleSim<{ computer: { ComputerName: string; CompanyName: string } }>('GET', `/computers/${deleted.hid}`);
    await consoleSim('DELETE', `/computers/${deleted.hid}`);
    const changes = await syncNow();
    const outcome = (hid: string) => changes.items.items.find((i) => i.hid === hid);
    expect(outcome(byHand.hid)).toMatchObject({ action: 'update', outcome: 'done' });
    expect(outcome(renamed.hid)).toMatchObject({ action: 'update', outcome: 'done' });
    expect(outcome(moved.hid)).toMatchObject({ action: 'move', outcome: 'done' });
    expect(outcome(toggled.hid)).toMatchObject({ action: 'update', outcome: 'done' });
    expect(outcome(deleted.hid)).toMatchObject({ action: 'retire', outcome: 'done' });
    expect(assetOf(renamed.hid).key_field).toBe('EXPORTED-RENAMED');
    expect(people.lost()).toEqual([]);

    await consoleSim('POST', '/computers', { hid: deleted.hid, computerName: gone.computer.ComputerName, companyName: gone.computer.CompanyName, licenseType: 'Server' });
    expect((await syncNow()).items.items.find((i) => i.hid === deleted.hid)).toMatchObject({ action: 'reactivate', outcome: 'done' });
    expect(people.lost()).toEqual([]);

    // A person moves one asset to another site of its customer in HaloPSA; the deep check puts it back.
    const edited = assetOf(editedInHalo.hid);
    const otherSite = stack.halo.state.sites.insert({ name: 'Branch', client_id: stack.halo.state.sites.get(edited.site_id)!.client_id, inactive: false });
    stack.halo.state.assets.replace({ ...stack.halo.state.assets.get(edited.id)!, site_id: otherSite.id });
    await forgetLastDeepCheck();
    const deep = await syncNow();
    const flagged = deep.items.items.filter((i) => CHANGED_BY_A_PERSON.test(i.reason ?? '')).map((i) => i.hid);
    expect(flagged).toEqual([editedInHalo.hid]);
    expect(assetOf(editedInHalo.hid).site_id).toBe(edited.site_id);
    expect(people.lost()).toEqual([]);
    expect(computerIdsWithSeveralAssets(stack.halo.state)).toEqual([]);

    expect((await api('DELETE', '/api/v1/halopsa')).status).toBe(202);
    await waitFor('the removal to finish', async () => (await api<{ state: string }>('GET', '/api/v1/halopsa/removal')).body.state === 'removed', 60_000, 200);
    expect(people.lost()).toEqual([]);
  });
});
