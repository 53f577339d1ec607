import { callApi } from '../support/api-client';
import { connectAndSetUp, resetHaloCounters } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

interface Customer {
  id: number;
  name: string;
  mainSite: { id: number; name: string | null } | null;
  sites: string;
}

interface CompanyView {
  companyName: string;
  suggestion: { kind: string; customers: Customer[]; lookUp: string } | null;
}

/** GET /api/v1/halopsa/lookups/…: HaloPSA's ids found through the API, not by calling HaloPSA. */
describe('HaloPSA look-ups', () => {
  let stack: ProductStack;
  let tenant: TenantFixture;

  const api = <T>(path: string) => callApi<T>(stack.apiUrl, 'GET', path, { token: tenant.apiKey });
  const haloGets = async () => {
    const counters = await simulatorControl<{ requests: { byPathAndVerb: Record<string, number> } }>(stack.halo.url, 'GET', '/counters');
    return Object.entries(counters.requests.byPathAndVerb).filter(([key]) => key.startsWith('GET ')).reduce((sum, [, n]) => sum + n, 0);
  };

  beforeAll(async () => {
    stack = await startProductStack({ companies: 8, computers: 16 });
    tenant = await createTenant(stack, administrators(stack).full.AdminID, 'Look-up MSP');
    await connectAndSetUp(stack, tenant);
    stack.halo.state.addClient('Lookup Dental Group', ['Head office', 'Branch North']);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('pages and searches customers with one HaloPSA request a page, each with its main site and where its sites are', async () => {
    const all = stack.halo.state.clients.all().filter((c) => !c.inactive);
    await resetHaloCounters(stack);
    const first = await api<Page<Customer>>('/api/v1/halopsa/lookups/customers?pageSize=3');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: all.length, page: 1, pageSize: 3 });
    expect(first.body.items).toHaveLength(3);
    expect(await haloGets()).toBe(1);
    const second = await api<Page<Customer>>('/api/v1/halopsa/lookups/customers?pageSize=3&page=2');
    expect(second.body.items.map((c) => c.id)).not.toEqual(expect.arrayContaining(first.body.items.map((c) => c.id)));

    const found = await api<Page<Customer>>('/api/v1/halopsa/lookups/customers?search=lookup%20dental');
    expect(found.body.total).toBe(1);
    const [customer] = found.body.items;
    expect(customer).toMatchObject({ name: 'Lookup Dental Group', mainSite: { name: 'Head office' }, sites: `/api/v1/halopsa/lookups/customers/${customer.id}/sites` });

    const sites = await api<Page<{ id: number; name: string; main: boolean }>>(customer.sites);
    expect(sites.body.items).toEqual([
      { id: expect.any(Number), name: 'Branch North', main: false },
      { id: customer.mainSite!.id, name: 'Head office', main: true },
    ]);
  });

  it('lists asset types with their group, and asset groups, searched and paged', async () => {
    const types = await api<Page<{ id: number; name: string; assetGroup: { id: number; name: string | null } | null }>>('/api/v1/halopsa/lookups/asset-types?pageSize=100');
    expect(types.status).toBe(200);
    expect(types.body.total).toBe(stack.halo.state.assetTypes.all().filter((t) => !t.inactive).length);
    const server = types.body.items.find((t) => t.name === 'Server');
    expect(server?.assetGroup).toEqual({ id: expect.any(Number), name: expect.any(String) });
    const searched = await api<Page<{ name: string }>>('/api/v1/halopsa/lookups/asset-types?search=serv');
    expect(searched.body.items.every((t) => /serv/i.test(t.name))).toBe(true);
    const groups = await api<Page<{ id: number; name: string }>>('/api/v1/halopsa/lookups/asset-groups');
    expect(groups.body.total).toBe(stack.halo.state.assetGroups.all().length);
  });

  it('answers 400 to a bad page or customer id, and 404 to a customer HaloPSA does not have', async () => {
    expect((await api('/api/v1/halopsa/lookups/customers?pageSize=101')).status).toBe(400);
    expect((await api('/api/v1/halopsa/lookups/customers?page=0')).status).toBe(400);
    expect((await api('/api/v1/halopsa/lookups/customers/abc/sites')).status).toBe(400);
    expect((await api('/api/v1/halopsa/lookups/customers/999999/sites')).status).toBe(404);
  });

  it('gives every suggested customer its main site and sites, and every unmapped company a look-up', async () => {
    const companies = (await api<CompanyView[]>('/api/v1/halopsa/companies?filter=unmapped')).body;
    expect(companies.length).toBeGreaterThan(0);
    for (const company of companies) {
      expect(company.suggestion?.lookUp).toBe(`/api/v1/halopsa/lookups/customers?search=${encodeURIComponent(company.companyName.trim())}`);
      for (const candidate of company.suggestion!.customers) expect(candidate).toMatchObject({ mainSite: { id: expect.any(Number) }, sites: expect.stringMatching(/\/sites$/) });
    }
    expect(companies.some((c) => c.suggestion?.kind === 'ambiguous')).toBe(true);
  });
});
