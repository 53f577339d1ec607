import { post } from './demo-tenant';
import { waitFor } from './wait-for';

export interface DemoMappingSummary {
  companiesMapped: number;
  companiesLeftForYou: number;
  assetTypesMapped: number;
  assetsExported: number;
}

const SERVER_LICENSES = /server|sql|exchange|vm/i;

/**
 * Journey steps 3–5 as an administrator would take them: wait for setup, auto-map companies,
 * map each license type to a default asset type, and export every computer.
 */
export async function mapAndExport(apiUrl: string, apiKey: string, log: (line: string) => void): Promise<DemoMappingSummary> {
  const call = <T>(method: string, path: string, body?: unknown) => post<T>(`${apiUrl}${path}`, method, apiKey, body);
  await waitFor('the setup workflow to connect HaloPSA', async () => (await call<{ state: string }>('GET', '/api/v1/halopsa')).state === 'connected', 120_000, 500);

  const autoMap = await call<{ applied: unknown[]; skipped: { reason: string }[] }>('POST', '/api/v1/halopsa/companies/auto-map');
  log(`auto-mapped ${autoMap.applied.length} companies; ${autoMap.skipped.length} left to map by hand (ambiguous or no match)`);

  const licenseTypes = await call<{ licenseType: string }[]>('GET', '/api/v1/halopsa/asset-types');
  let workstationTypeId = 0;
  for (const { licenseType } of licenseTypes) {
    const name = SERVER_LICENSES.test(licenseType) ? 'Backed-up server' : 'Backed-up workstation';
    const mapped = await call<{ mapping: { assetTypeId: number } }>('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, {
      createAssetType: { name, assetGroupName: 'Managed backup' },
    });
    if (name === 'Backed-up workstation') workstationTypeId = mapped.mapping.assetTypeId;
  }

  const unlinked = await call<{ items: { hid: string; licenseType: string | null }[] }>('GET', '/api/v1/halopsa/computers?state=unlinked&pageSize=500');
  const licensed = unlinked.items.filter((c) => c.licenseType !== null).map((c) => c.hid);
  const unlicensed = unlinked.items.filter((c) => c.licenseType === null).map((c) => c.hid);
  let created = 0;
  for (const request of [{ hids: licensed }, { hids: unlicensed, assetTypeId: workstationTypeId }]) {
    if (request.hids.length === 0) continue;
    created += await exportAndWait(call, request);
  }
  log(`exported ${created} computers as HaloPSA assets`);
  return {
    companiesMapped: autoMap.applied.length,
    companiesLeftForYou: autoMap.skipped.filter((s) => s.reason !== 'already-mapped').length,
    assetTypesMapped: licenseTypes.length,
    assetsExported: created,
  };
}

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

async function exportAndWait(call: Call, request: { hids: string[]; assetTypeId?: number }): Promise<number> {
  const started = await call<{ run: { exportRunId: string } }>('POST', '/api/v1/halopsa/computers/export', request);
  let run = { state: 'running', counts: {} as Record<string, number> };
  await waitFor(
    'the export to finish',
    async () => {
      run = await call<typeof run>('GET', `/api/v1/halopsa/computers/exports/${started.run.exportRunId}`);
      return run.state !== 'running';
    },
    300_000,
    500,
  );
  return run.counts.created ?? 0;
}
