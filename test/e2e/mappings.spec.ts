import { waitFor } from '../../dev/wait-for';
import { computerIdField } from '../../simulators/halo/state/computer-id-assets';
import { callApi } from '../support/api-client';
import { insertPersonMadeAsset } from '../support/person-made-asset';
import { connectAndSetUp, haloRequests, resetHaloCounters, writesIn } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

interface CompanyView {
  companyId: string;
  companyName: string;
  mapping: { customerId: number; siteId: number } | null;
  suggestion: { kind: string; customers: { id: number; name: string }[] } | null;
}

interface ComputerView {
  hid: string;
  hostName: string;
  companyId: string;
  state: string;
  haloAssetId: number | null;
  hasRmmAgent: boolean;
  licenseType: string | null;
  suggestions?: { assetId: number; reason: string }[];
}

describe('mappings: companies, asset types, computers, export and Connect', () => {
  let stack: ProductStack;
  let acme: TenantFixture;
  let computerIdFieldId: number;
  /** acme's button URL, kept before another tenant's setup points the shared simulator's button elsewhere. */
  let connectUrl: string;

  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: acme.apiKey, body });
  const assetsWithComputerId = (hid: string) =>
    stack.halo.state.assets.all().filter((a) => (a.customfields ?? []).some((f) => f.id === computerIdFieldId && String(f.value).toLowerCase() === hid));
  const insertAsset = (siteId: number, hostName: string) => insertPersonMadeAsset(stack.halo.state, siteId, hostName);
  const allComputers = async () => (await api<{ items: ComputerView[]; total: number }>('GET', '/api/v1/halopsa/computers?pageSize=500')).body;

  beforeAll(async () => {
    stack = await startProductStack({ companies: 8, computers: 150 });
    acme = await createTenant(stack, administrators(stack).full.AdminID);
    await connectAndSetUp(stack, acme);
    computerIdFieldId = computerIdField(stack.halo.state)!.id;
    connectUrl = stack.halo.state.customButtons.all().find((b) => b.name === 'ConsoleConnectToComputer')!.url!;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists companies with exact and ambiguous suggestions, and filters them', async () => {
    const companies = (await api<CompanyView[]>('GET', '/api/v1/halopsa/companies')).body;
    expect(companies).toHaveLength(stack.dataset.console.companies.length);
    expect(companies.some((c) => c.suggestion?.kind === 'exact')).toBe(true);
    expect(companies.some((c) => c.suggestion?.kind === 'ambiguous' && c.suggestion.customers.length >= 2)).toBe(true);
    const one = companies[0];
    const searched = (await api<CompanyView[]>('GET', `/api/v1/halopsa/companies?search=${encodeURIComponent(one.companyName.slice(1, 6))}`)).body;
    expect(searched.map((c) => c.companyId)).toContain(one.companyId);
    expect((await api('GET', '/api/v1/halopsa/companies?filter=sideways')).status).toBe(400);
  });

  it('auto-maps only unambiguous matches, writes nothing on a dry run, and never overwrites', async () => {
    await resetHaloCounters(stack);
    const dry = (await api<{ applied: unknown[]; skipped: { reason: string }[] }>('POST', '/api/v1/halopsa/companies/auto-map?dryRun=true')).body;
    expect(writesIn(await haloRequests(stack))).toEqual({});
    expect((await api<CompanyView[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body).toHaveLength(0);

    const applied = (await api<{ applied: { companyId: string }[]; skipped: { reason: string }[]; export: string }>('POST', '/api/v1/halopsa/companies/auto-map')).body;
    expect(applied.export).toMatch(/^Auto-export is on: .* at the next sync/);
    expect(applied.applied).toEqual(dry.applied);
    expect(applied.skipped.some((s) => s.reason === 'ambiguous')).toBe(true);
    const again = (await api<{ applied: unknown[]; skipped: { reason: string }[] }>('POST', '/api/v1/halopsa/companies/auto-map')).body;
    expect(again.applied).toEqual([]);
    expect(again.skipped.filter((s) => s.reason === 'already-mapped')).toHaveLength(applied.applied.length);
  });

  it('maps a company by hand to a customer and its main site, and refuses a site of another customer', async () => {
    const ambiguous = (await api<CompanyView[]>('GET', '/api/v1/halopsa/companies?filter=unmapped')).body.find((c) => c.suggestion?.kind === 'ambiguous')!;
    const [first, second] = ambiguous.suggestion!.customers;
    const otherSite = stack.halo.state.sites.all().find((s) => s.client_id === second.id)!;
    const refused = await api<{ message: string }>('PUT', `/api/v1/halopsa/companies/${ambiguous.companyId}`, { customerId: first.id, siteId: otherSite.id });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/siteId/);
    expect((await api('PUT', '/api/v1/halopsa/sync/settings', { autoExport: false })).status).toBe(200);
    const mapped = await api<CompanyView & { export: string }>('PUT', `/api/v1/halopsa/companies/${ambiguous.companyId}`, { customerId: first.id });
    expect((await api('PUT', '/api/v1/halopsa/sync/settings', { autoExport: true })).status).toBe(200);
    expect(mapped.status).toBe(200);
    expect(mapped.body.export).toMatch(/^Auto-export is off: nothing is created .* until you run POST \/api\/v1\/halopsa\/computers\/export/);
    expect(mapped.body.mapping).toMatchObject({ customerId: first.id, siteId: stack.halo.state.clients.get(first.id)!.main_site_id });
  });

  it("keeps a company's own auto-export choice over the integration's, until it is set back to null", async () => {
    const company = (await api<CompanyView[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body[0];
    const own = await api<CompanyView & { export: string; mapping: { autoExport: boolean | null } }>('PUT', `/api/v1/halopsa/companies/${company.companyId}`, {
      customerId: company.mapping!.customerId,
      autoExport: false,
    });
    expect(own.status).toBe(200);
    expect(own.body.export).toMatch(/^Auto-export is off for this company/);
    expect(own.body.mapping.autoExport).toBe(false);
    const kept = await api<{ mapping: { autoExport: boolean | null } }>('PUT', `/api/v1/halopsa/companies/${company.companyId}`, { customerId: company.mapping!.customerId });
    expect(kept.body.mapping.autoExport).toBe(false);
    expect((await api('PUT', `/api/v1/halopsa/companies/${company.companyId}`, { customerId: company.mapping!.customerId, autoExport: 'no' })).status).toBe(400);
    const back = await api<{ export: string; mapping: { autoExport: boolean | null } }>('PUT', `/api/v1/halopsa/companies/${company.companyId}`, { customerId: company.mapping!.customerId, autoExport: null });
    expect(back.body.mapping.autoExport).toBeNull();
    expect(back.body.export).toMatch(/^Auto-export is on: /);
  });

  it('shows an administrator limited to some companies only those', async () => {
    const limitedAdmin = stack.dataset.console.administrators.find((a) => a.AccessToCompaniesMode === 'SpecifiedCompanies' && a.PermissionsModels.PSA === 1)!;
    const limited = await createTenant(stack, limitedAdmin.AdminID, 'Limited view');
    await connectAndSetUp(stack, limited);
    const seen = (await callApi<CompanyView[]>(stack.apiUrl, 'GET', '/api/v1/halopsa/companies', { token: limited.apiKey })).body;
    expect(seen.map((c) => c.companyName).sort()).toEqual([...limitedAdmin.Companies].sort());
  });

  it('maps license types to asset types, creating one in a named asset group', async () => {
    const types = (await api<{ licenseType: string; activatedLicenses: number; mapping: unknown }[]>('GET', '/api/v1/halopsa/asset-types')).body;
    expect(types.length).toBeGreaterThan(1);
    expect(types.every((t) => t.mapping === null)).toBe(true);
    const created = await api<{ mapping: { assetTypeId: number } }>('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(types[0].licenseType)}`, {
      createAssetType: { name: 'Backed-up endpoint', assetGroupName: 'Managed backup' },
    });
    expect(created.status).toBe(200);
    expect(stack.halo.state.assetTypes.get(created.body.mapping.assetTypeId)?.name).toBe('Backed-up endpoint');
    expect(stack.halo.state.assetGroups.all().some((g) => g.name === 'Managed backup')).toBe(true);
    expect((await api('PUT', '/api/v1/halopsa/asset-types/NoSuchLicense', { assetTypeId: created.body.mapping.assetTypeId })).status).toBe(404);
  });

  it('exports what has an asset type; answers each left-out computer with the request that fixes it; a dry run writes nothing', async () => {
    const mappedLicense = (await api<{ licenseType: string; mapping: unknown }[]>('GET', '/api/v1/halopsa/asset-types')).body.find((t) => t.mapping !== null)!.licenseType;
    const unlinked = (await allComputers()).items.filter((c) => c.state === 'unlinked');
    expect(unlinked.length).toBeGreaterThan(3);
    const typed = unlinked.find((c) => c.licenseType === mappedLicense)!;
    const untyped = unlinked.find((c) => c.licenseType !== mappedLicense)!;
    const answer = await api<{ run: { counts: Record<string, number> }; missingAssetType: { hid: string; reason: string; fix: { method: string; path: string; body: object } }[] }>(
      'POST',
      '/api/v1/halopsa/computers/export',
      { hids: [typed.hid, untyped.hid] },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.run.counts).toEqual({ created: 1 });
    expect(assetsWithComputerId(typed.hid)).toHaveLength(1);
    const [leftOut] = answer.body.missingAssetType;
    expect(leftOut).toMatchObject({ hid: untyped.hid, reason: expect.stringContaining(untyped.licenseType ?? 'no license type') });

    const serverType = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server')!;
    const fixed = await api(leftOut.fix.method, leftOut.fix.path, { ...leftOut.fix.body, assetTypeId: serverType.id });
    expect(fixed.status).toBe(200);
    if (leftOut.fix.method === 'PUT') expect((await api<{ run: { counts: Record<string, number> } }>('POST', '/api/v1/halopsa/computers/export', { hids: [untyped.hid] })).body.run.counts).toEqual({ created: 1 });
    expect(assetsWithComputerId(untyped.hid)).toHaveLength(1);

    await resetHaloCounters(stack);
    const stillUnlinked = unlinked.filter((c) => c !== typed && c !== untyped);
    const dry = await api<{ dryRun: boolean; plan: { create: { hid: string; asset: { assetTypeId: number } }[] } }>('POST', '/api/v1/halopsa/computers/export?dryRun=true', {
      hids: stillUnlinked.slice(0, 3).map((c) => c.hid),
      assetTypeId: serverType.id,
    });
    expect(dry.status).toBe(200);
    expect(dry.body.plan.create).toHaveLength(3);
    expect(writesIn(await haloRequests(stack))).toEqual({});
  });

  it('exports with one POST per batch, and survives a lost response without a duplicate', async () => {
    const unlinked = (await allComputers()).items.filter((c) => c.state === 'unlinked').slice(0, 5);
    const serverType = stack.halo.state.assetTypes.all().find((t) => t.name === 'Server')!;
    await fetch(`${stack.halo.url}/_sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lostResponseRate: 1 }) });
    const exporting = api<{ finished: boolean; run: { exportRunId: string; counts: Record<string, number> } }>('POST', '/api/v1/halopsa/computers/export', {
      hids: unlinked.map((c) => c.hid),
      assetTypeId: serverType.id,
    });
    await waitFor('the first lost-response write to reach HaloPSA', async () => assetsWithComputerId(unlinked[0].hid).length > 0, 20_000, 50);
    await fetch(`${stack.halo.url}/_sim/faults`, { method: 'DELETE' });
    const answer = await exporting;
    expect(answer.status).toBe(200);
    expect(answer.body.run.counts).toEqual({ created: 5 });
    for (const computer of unlinked) expect(assetsWithComputerId(computer.hid)).toHaveLength(1);
    const linked = (await allComputers()).items.filter((c) => unlinked.some((u) => u.hid === c.hid));
    expect(linked.every((c) => c.state === 'linked' && c.haloAssetId !== null)).toBe(true);
  });

  it('links an existing asset of the right customer (dry run first), refuses one of another customer, excludes and unlinks', async () => {
    const computers = (await allComputers()).items.filter((c) => c.state === 'unlinked');
    const [toLink, toExclude] = computers;
    const company = (await api<CompanyView[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body.find((c) => c.companyId === toLink.companyId)!;
    const site = stack.halo.state.clients.get(company.mapping!.customerId)!.main_site_id;
    const own = insertAsset(site, toLink.hostName);
    const foreignSite = stack.halo.state.sites.all().find((s) => s.client_id !== company.mapping!.customerId)!;
    const foreign = insertAsset(foreignSite.id, toLink.hostName);

    const suggested = (await allComputers()).items.find((c) => c.hid === toLink.hid)!;
    expect(suggested.suggestions?.[0]).toMatchObject({ assetId: own.id, reason: 'host-name' });

    expect((await api<{ message: string }>('PUT', `/api/v1/halopsa/computers/${toLink.hid}`, { action: 'link', assetId: foreign.id })).status).toBe(400);
    await resetHaloCounters(stack);
    const dry = await api<{ haloWrite: { customfields: { id: number; value: string }[] } }>('PUT', `/api/v1/halopsa/computers/${toLink.hid}?dryRun=true`, { action: 'link', assetId: own.id });
    expect(dry.body.haloWrite.customfields).toContainEqual({ id: computerIdFieldId, value: toLink.hid });
    expect(writesIn(await haloRequests(stack))).toEqual({});
    const linked = await api<{ computer: ComputerView }>('PUT', `/api/v1/halopsa/computers/${toLink.hid}`, { action: 'link', assetId: own.id });
    expect(linked.body.computer).toMatchObject({ state: 'linked', haloAssetId: own.id });
    expect(assetsWithComputerId(toLink.hid).map((a) => a.id)).toEqual([own.id]);

    expect((await api<{ computer: ComputerView }>('PUT', `/api/v1/halopsa/computers/${toExclude.hid}`, { action: 'exclude' })).body.computer.state).toBe('excluded');
    expect((await api<{ computer: ComputerView }>('DELETE', `/api/v1/halopsa/computers/${toExclude.hid}`)).body.computer.state).toBe('unlinked');
    expect((await api('PUT', `/api/v1/halopsa/computers/${toLink.hid}`, { action: 'teleport' })).status).toBe(400);
  });

  it('redirects Connect to the Console for a linked RMM computer, and explains every other case', async () => {
    const urlFor = (assetId: number) => connectUrl.replace('{$ID}', String(assetId));
    const linked = (await allComputers()).items.filter((c) => c.state === 'linked');
    const withRmm = linked.find((c) => c.hasRmmAgent)!;
    const redirect = await fetch(urlFor(withRmm.haloAssetId!), { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`${stack.console.url}/connect/web?hid=${encodeURIComponent(withRmm.hid)}`);
    expect((await fetch(redirect.headers.get('location')!)).status).toBe(200);

    const agentless = linked.find((c) => !c.hasRmmAgent);
    if (agentless) {
      const page = await fetch(urlFor(agentless.haloAssetId!), { redirect: 'manual' });
      expect(page.status).toBe(409);
      expect(await page.text()).toMatch(/RMM/);
    }
    const unlinkedAsset = stack.halo.state.assets.all().find((a) => !linked.some((c) => c.haloAssetId === a.id))!;
    expect((await fetch(urlFor(unlinkedAsset.id), { redirect: 'manual' })).status).toBe(404);
    const wrongToken = await fetch(`${stack.apiUrl}/connect/${'x'.repeat(32)}/${withRmm.haloAssetId}`, { redirect: 'manual' });
    expect(wrongToken.status).toBe(404);
    expect(await wrongToken.text()).toMatch(/no longer works/);
  });

  it('unmaps a company: its computers are unlinked, their assets stay', async () => {
    const linked = (await allComputers()).items.filter((c) => c.state === 'linked');
    const companyId = linked[0].companyId;
    const ofCompany = linked.filter((c) => c.companyId === companyId);
    const assetsBefore = stack.halo.state.assets.all().length;
    const dry = await api<{ unlinkedComputers: number }>('DELETE', `/api/v1/halopsa/companies/${companyId}?dryRun=true`);
    expect(dry.body.unlinkedComputers).toBe(ofCompany.length);
    expect((await api<CompanyView[]>('GET', '/api/v1/halopsa/companies?filter=mapped')).body.some((c) => c.companyId === companyId)).toBe(true);
    const done = await api<{ unlinkedComputers: number }>('DELETE', `/api/v1/halopsa/companies/${companyId}`);
    expect(done.body.unlinkedComputers).toBe(ofCompany.length);
    expect((await allComputers()).items.some((c) => c.companyId === companyId)).toBe(false);
    expect(stack.halo.state.assets.all().length).toBe(assetsBefore);
  });
});
