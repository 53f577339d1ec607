import { ConsoleSimulator } from '../../simulators/console/console-simulator';
import { ConsoleAdministrator } from '../../simulators/demo-data';
import { callApi } from './api-client';
import { ProductStack } from './product-stack';

export interface TenantFixture {
  tenantId: string;
  apiKey: string;
  /** Where and how the Console signs its events for this tenant. */
  consoleEvents: { url: string; secret: string };
}

/** The demo data's administrators by what they may do. */
export function administrators(stack: ProductStack): { full: ConsoleAdministrator; withoutPsa: ConsoleAdministrator } {
  const admins = stack.dataset.console.administrators;
  const full = admins.find((a) => a.PermissionsModels.PSA === 1 && a.PermissionsModels.Users === 1 && a.AccessToCompaniesMode === 'AllCompanies');
  const withoutPsa = admins.find((a) => a.PermissionsModels.PSA === 0);
  if (!full || !withoutPsa) throw new Error('demo data lacks the administrators these tests need');
  return { full, withoutPsa };
}

/** Creates a tenant for a Console simulator (the stack's unless given; operator API) and an API key for one administrator. */
export async function createTenant(stack: ProductStack, administratorId: string, name = 'Acme MSP', consoleSimulator: ConsoleSimulator = stack.console): Promise<TenantFixture> {
  const tenant = await callApi<{ id: string; consoleEvents: { url: string; secret: string } }>(stack.apiUrl, 'POST', '/api/v1/tenants', {
    token: stack.operatorToken,
    body: { name, consoleUrl: consoleSimulator.url, consoleLogin: consoleSimulator.credentials.login, consolePassword: consoleSimulator.credentials.password },
  });
  if (tenant.status !== 201) throw new Error(`tenant creation answered ${tenant.status}: ${JSON.stringify(tenant.body)}`);
  return { tenantId: tenant.body.id, apiKey: await createApiKey(stack, tenant.body.id, administratorId), consoleEvents: tenant.body.consoleEvents };
}

/** A new API key of the tenant for one Console administrator (operator API). */
export async function createApiKey(stack: ProductStack, tenantId: string, administratorId: string, label?: string): Promise<string> {
  const key = await callApi<{ apiKey: string }>(stack.apiUrl, 'POST', `/api/v1/tenants/${tenantId}/api-keys`, {
    token: stack.operatorToken,
    body: { consoleAdministratorId: administratorId, ...(label ? { label } : {}) },
  });
  if (key.status !== 201) throw new Error(`API key creation answered ${key.status}: ${JSON.stringify(key.body)}`);
  return key.body.apiKey;
}
