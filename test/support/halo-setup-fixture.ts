import { callApi } from './api-client';
import { ProductStack } from './product-stack';
import { TenantFixture } from './tenant-fixture';
import { workflowResult } from './workflow-result';

/** Connects the tenant to the stack's Halo simulator and waits for the setup workflow to finish. */
export async function connectAndSetUp(stack: ProductStack, tenant: TenantFixture): Promise<{ integrationId: string }> {
  const answer = await callApi<{ integrationId: string; workflowId: string; runId: string }>(stack.apiUrl, 'PUT', '/api/v1/halopsa/connection', {
    token: tenant.apiKey,
    body: { haloUrl: stack.halo.url, clientId: stack.halo.state.credentials.clientId, clientSecret: stack.halo.state.credentials.clientSecret },
  });
  if (answer.status !== 202) throw new Error(`connect answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  await workflowResult(stack, answer.body);
  return { integrationId: answer.body.integrationId };
}

/** Requests the Halo simulator counted, by "VERB /path". */
export async function haloRequests(stack: ProductStack): Promise<Record<string, number>> {
  const counters = (await (await fetch(`${stack.halo.url}/_sim/counters`)).json()) as { requests: { byPathAndVerb: Record<string, number> } };
  return counters.requests.byPathAndVerb;
}

export async function resetHaloCounters(stack: ProductStack): Promise<void> {
  await fetch(`${stack.halo.url}/_sim/counters/reset`, { method: 'POST' });
}

/** Only the writes to Halo's data among the counted requests (not reads, not token requests). */
export function writesIn(requests: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(requests).filter(([key]) => !key.startsWith('GET ') && key !== 'POST /auth/token'));
}
