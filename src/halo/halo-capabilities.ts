import { HaloClient, HaloQuery } from './halo-client';
import { HALO_ASSET_ENTITY } from './halo-entities';
import { HaloError } from './halo-errors';

export type HaloProbeName =
  | 'customersRead'
  | 'assetsRead'
  | 'assetTypesRead'
  | 'customFieldsRead'
  | 'buttonsRead'
  | 'assetsWrite'
  | 'customersWrite'
  | 'configurationWrite';

export type HaloProbeResult = { status: 'granted' } | { status: 'denied' | 'unknown'; message: string };

export interface HaloAgentSummary {
  name: string;
  isAdmin: boolean;
}

export interface HaloCapabilitiesWithoutToken {
  token: { ok: false; error: HaloError };
  /** HTTP requests this check sent. */
  requests: number;
}

export interface HaloCapabilitiesWithToken {
  token: { ok: true; grantedScopes: string[] };
  agent: HaloAgentSummary;
  probes: Record<HaloProbeName, HaloProbeResult>;
  /** HTTP requests this check sent. */
  requests: number;
}

export type HaloCapabilities = HaloCapabilitiesWithoutToken | HaloCapabilitiesWithToken;

/** TypeScript does not narrow a union through a nested `token.ok`; this guard does. */
export function hasHaloToken(capabilities: HaloCapabilities): capabilities is HaloCapabilitiesWithToken {
  return capabilities.token.ok;
}

interface Probe {
  name: HaloProbeName;
  method: 'GET' | 'POST';
  path: string;
  query?: HaloQuery;
}

const PROBES: readonly Probe[] = [
  { name: 'customersRead', method: 'GET', path: '/Client', query: { count: 1 } },
  { name: 'assetsRead', method: 'GET', path: '/Asset', query: { count: 1 } },
  { name: 'assetTypesRead', method: 'GET', path: '/AssetType' },
  { name: 'customFieldsRead', method: 'GET', path: '/FieldInfo', query: { typeid: HALO_ASSET_ENTITY } },
  { name: 'buttonsRead', method: 'GET', path: '/CustomButton', query: { typeid: HALO_ASSET_ENTITY } },
  { name: 'assetsWrite', method: 'POST', path: '/Asset' },
  { name: 'customersWrite', method: 'POST', path: '/Client' },
  { name: 'configurationWrite', method: 'POST', path: '/FieldInfo' },
];

const TOKEN_REFUSALS: ReadonlySet<HaloError['kind']> = new Set(['invalid_client', 'invalid_scope', 'bad_tenant']);

/**
 * Halo's "Check Permissions" recipe, in at most 10 requests run one after another: a new token
 * (a refused one ends the check), the agent, then one cheap probe per permission. A refusal (403,
 * or 401 even with a fresh token) is `denied`; an answer that proves nothing is `unknown`.
 * Transient failures (429, 5xx, network) and a failed `/Agent/me` are thrown: a report built on
 * them would be wrong, and the caller's retry policy knows what to do with a HaloError.
 */
export async function readHaloCapabilities(client: HaloClient): Promise<HaloCapabilities> {
  const before = client.requestsSent;
  let grantedScopes: string[];
  try {
    grantedScopes = await client.authenticate();
  } catch (error) {
    if (error instanceof HaloError && TOKEN_REFUSALS.has(error.kind)) {
      return { token: { ok: false, error }, requests: client.requestsSent - before };
    }
    throw error;
  }

  const me = await client.getAgentMe();
  const agent: HaloAgentSummary = { name: me.name ?? '', isAdmin: me.is_admin === true };
  const probes = {} as Record<HaloProbeName, HaloProbeResult>;
  for (const probe of PROBES) probes[probe.name] = await runProbe(client, probe);
  return { token: { ok: true, grantedScopes }, agent, probes, requests: client.requestsSent - before };
}

async function runProbe(client: HaloClient, probe: Probe): Promise<HaloProbeResult> {
  const isWrite = probe.method === 'POST';
  try {
    // Halo checks permissions before it validates the body: an empty array gets 403 without the right, 400 with it, and writes nothing.
    await client.request<unknown>(probe.method, probe.path, isWrite ? { body: [] } : { query: probe.query });
    return { status: 'granted' };
  } catch (error) {
    if (!(error instanceof HaloError) || error.retryable) throw error;
    if (error.kind === 'forbidden' || error.kind === 'unauthorized') return { status: 'denied', message: error.message };
    if (isWrite && error.kind === 'validation') return { status: 'granted' };
    return { status: 'unknown', message: error.message };
  }
}
