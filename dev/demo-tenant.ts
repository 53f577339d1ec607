import { RunningSimulators } from '../simulators/cli';

export interface DemoTenant {
  tenantId: string;
  apiKey: string;
  integrationId: string;
  setupWorkflowId: string;
  /** Where the Console sends this tenant's signed events. */
  consoleEvents: { url: string; secret: string };
}

export async function post<T>(url: string, method: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${new URL(url).pathname} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * The journey's first step, as an MSP would take it: the operator creates a tenant for the
 * Console simulator and an API key for its main administrator, who connects the Halo simulator.
 */
export async function createDemoTenant(apiUrl: string, operatorToken: string, simulators: RunningSimulators): Promise<DemoTenant> {
  const admin = simulators.dataset.console.administrators.find((a) => a.PermissionsModels.PSA === 1 && a.PermissionsModels.Users === 1);
  if (!admin) throw new Error('the demo data has no administrator with the PSA integration permission');
  const tenant = await post<{ id: string; consoleEvents: { url: string; secret: string } }>(`${apiUrl}/api/v1/tenants`, 'POST', operatorToken, {
    name: 'Demo MSP',
    consoleUrl: simulators.consoleUrl,
    consoleLogin: simulators.console.login,
    consolePassword: simulators.console.password,
  });
  const key = await post<{ apiKey: string }>(`${apiUrl}/api/v1/tenants/${tenant.id}/api-keys`, 'POST', operatorToken, {
    consoleAdministratorId: admin.AdminID,
    label: 'demo',
  });
  const started = await post<{ integrationId: string; workflowId: string }>(`${apiUrl}/api/v1/halopsa/connection`, 'PUT', key.apiKey, {
    haloUrl: simulators.haloUrl,
    clientId: simulators.halo.clientId,
    clientSecret: simulators.halo.clientSecret,
  });
  return { tenantId: tenant.id, apiKey: key.apiKey, integrationId: started.integrationId, setupWorkflowId: started.workflowId, consoleEvents: tenant.consoleEvents };
}
