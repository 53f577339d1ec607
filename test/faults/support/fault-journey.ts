import { callApi, ApiAnswer } from '../../support/api-client';
import { connectAndSetUp } from '../../support/halo-setup-fixture';
import { ProductStack } from '../../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../../support/tenant-fixture';

export interface MappedIntegration {
  tenant: TenantFixture;
  integrationId: string;
  api<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>;
}

/**
 * A tenant connected to the stack's HaloPSA simulator with every Console company mapped (to its
 * suggested customer, else the first one) and every license type mapped to the Server asset type:
 * a full sync then has an asset to write for every licensed computer with an agent.
 */
export async function connectAndMapEverything(stack: ProductStack): Promise<MappedIntegration> {
  const tenant = await createTenant(stack, administrators(stack).full.AdminID);
  const { integrationId } = await connectAndSetUp(stack, tenant);
  const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(stack.apiUrl, method, path, { token: tenant.apiKey, body });
  const companies = (await api<{ companyId: string; suggestion: { customers: { id: number }[] } | null }[]>('GET', '/api/v1/halopsa/companies')).body;
  for (const company of companies) {
    const customerId = company.suggestion?.customers[0]?.id ?? stack.halo.state.clients.all()[0].id;
    await expectAccepted(api('PUT', `/api/v1/halopsa/companies/${company.companyId}`, { customerId }));
  }
  const server = stack.halo.state.assetTypes.all().find((type) => type.name === 'Server');
  if (!server) throw new Error('the HaloPSA simulator has no Server asset type');
  for (const { licenseType } of (await api<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types')).body) {
    await expectAccepted(api('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, { assetTypeId: server.id }));
  }
  return { tenant, integrationId, api };
}

async function expectAccepted(answer: Promise<ApiAnswer<unknown>>): Promise<void> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`mapping answered ${status}: ${JSON.stringify(body)}`);
}
