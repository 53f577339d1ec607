import { HaloCredentials } from '../state/halo-state';

/**
 * A few fetch helpers for tests that drive the simulator over real HTTP. They hide nothing a test
 * asserts on: `callApi` answers the raw Response; `control` throws on anything but a 2xx.
 */
export interface SimulatorAddress {
  url: string;
  credentials: HaloCredentials;
}

export async function requestToken(sim: SimulatorAddress, scope = 'all'): Promise<string> {
  const { clientId, clientSecret, tenant } = sim.credentials;
  const query = tenant === undefined ? '' : `?tenant=${encodeURIComponent(tenant)}`;
  const response = await fetch(`${sim.url}/auth/token${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }),
  });
  if (response.status !== 200) throw new Error(`Token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export function callApi(sim: SimulatorAddress, token: string | undefined, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${sim.url}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

export async function control<T = unknown>(sim: SimulatorAddress, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim.url}/_sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Control ${method} ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
