import { callJson, pollUntil, ProductApi } from './bench-http';
import type { RunningSimulators } from '../simulators/cli';
import type { BenchStack } from './bench-stack';

export interface Tenant {
  tenantId: string;
  api: ProductApi;
  consoleEvents: { url: string; secret: string };
  integrationId: string;
}

export interface MappingSummary {
  autoMapped: number;
  mappedByHand: number;
  mappedCompanies: number;
  distinctCustomers: number;
  /** Company name → the customer it is mapped to. */
  customerOf: Map<string, number>;
  licenseTypes: { licenseType: string; activatedLicenses: number; assetType: string }[];
}

const SERVER_LICENSES = /server|sql|exchange|vm/i;

/** Journey steps 1–2, as an MSP takes them: a tenant and an API key (operator), then connect HaloPSA and wait for setup. */
export async function createTenantAndConnect(stack: BenchStack, log: (line: string) => void, sims: RunningSimulators = stack.simulators, name = 'Benchmark MSP'): Promise<Tenant> {
  const admin = sims.dataset.console.administrators.find((a) => a.PermissionsModels.PSA === 1 && a.PermissionsModels.Users === 1 && a.AccessToCompaniesMode === 'AllCompanies');
  if (!admin) throw new Error('the demo data has no administrator with the PSA and Users permissions over all companies');
  const tenant = await callJson<{ id: string; consoleEvents: { url: string; secret: string } }>(`${stack.apiUrl}/api/v1/tenants`, 'POST', {
    token: stack.operatorToken,
    body: { name, consoleUrl: sims.consoleUrl, consoleLogin: sims.console.login, consolePassword: sims.console.password },
  });
  if (tenant.status !== 201) throw new Error(`tenant creation answered ${tenant.status}: ${JSON.stringify(tenant.body)}`);
  const key = await callJson<{ apiKey: string }>(`${stack.apiUrl}/api/v1/tenants/${tenant.body.id}/api-keys`, 'POST', {
    token: stack.operatorToken,
    body: { consoleAdministratorId: admin.AdminID, label: 'benchmark' },
  });
  if (key.status !== 201) throw new Error(`API key creation answered ${key.status}: ${JSON.stringify(key.body)}`);
  const api = new ProductApi(stack.apiUrl, key.body.apiKey, log);
  const connect = await api.ok<{ integrationId: string; workflowId: string; runId: string }>(
    'PUT',
    '/api/v1/halopsa/connection',
    { haloUrl: sims.haloUrl, clientId: sims.halo.clientId, clientSecret: sims.halo.clientSecret },
    [202],
  );
  // The setup workflow's end, as the API reports it (its result is encoded with the product's payload codec).
  const status = await pollUntil(async () => {
    const answer = await api.ok<{ state: string; lastError?: unknown }>('GET', '/api/v1/halopsa');
    return answer.state === 'connecting' ? undefined : answer;
  }, 300_000, 500);
  if (status?.state !== 'connected') throw new Error(`after setup (${connect.workflowId}) the integration is ${status?.state ?? 'still connecting after 300 s'}: ${JSON.stringify(status?.lastError)}`);
  return { tenantId: tenant.body.id, api, consoleEvents: tenant.body.consoleEvents, integrationId: connect.integrationId };
}

/**
 * Journey steps 3–4: auto-map companies, map every company left by hand (its first suggested
 * customer, else the first customer), and map every license type to an existing asset type.
 */
export async function mapEverything(sims: RunningSimulators, tenant: Tenant, log: (line: string) => void): Promise<MappingSummary> {
  const { api } = tenant;
  const halo = sims.haloSimulator;
  const autoMap = await api.okRetrying<{ applied: unknown[] }>('POST', '/api/v1/halopsa/companies/auto-map');
  const unmapped = await api.okRetrying<{ companyId: string; suggestion: { customers: { id: number }[] } | null }[]>('GET', '/api/v1/halopsa/companies?filter=unmapped');
  const anyCustomer = halo.state.clients.all()[0].id;
  for (const [index, company] of unmapped.entries()) {
    const customerId = company.suggestion?.customers[0]?.id ?? anyCustomer;
    await api.okRetrying('PUT', `/api/v1/halopsa/companies/${encodeURIComponent(company.companyId)}`, { customerId });
    if ((index + 1) % 25 === 0) log(`mapped ${index + 1}/${unmapped.length} companies by hand`);
  }
  const mapped = await api.okRetrying<{ companyName: string; mapping: { customerId: number } }[]>('GET', '/api/v1/halopsa/companies?filter=mapped');
  const customerOf = new Map(mapped.map((c) => [c.companyName, c.mapping.customerId]));

  const types = halo.state.assetTypes.all();
  const typeNamed = (name: string): { id: number; name: string } => {
    const found = types.find((t) => t.name === name);
    if (!found) throw new Error(`the HaloPSA simulator has no asset type ${name}`);
    return found;
  };
  const licenseTypes = await api.okRetrying<{ licenseType: string; activatedLicenses: number }[]>('GET', '/api/v1/halopsa/asset-types');
  const mappedTypes: MappingSummary['licenseTypes'] = [];
  for (const { licenseType, activatedLicenses } of licenseTypes) {
    const type = typeNamed(SERVER_LICENSES.test(licenseType) ? 'Server' : 'Workstation');
    await api.okRetrying('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: type.id });
    mappedTypes.push({ licenseType, activatedLicenses, assetType: type.name });
  }
  return {
    autoMapped: autoMap.applied.length,
    mappedByHand: unmapped.length,
    mappedCompanies: mapped.length,
    distinctCustomers: new Set(customerOf.values()).size,
    customerOf,
    licenseTypes: mappedTypes,
  };
}
