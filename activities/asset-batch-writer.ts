import { HaloClient } from '../src/halo/halo-client';
import { carriesCustomFields, HaloAsset, HaloAssetWrite } from '../src/halo/halo-entities';
import { HaloError } from '../src/halo/halo-errors';
import { ComputerLinks } from '../src/computer-links/computer-links';
import { IntegrationEntity } from '../src/persistence/entities/integration.entity';

export interface AssetWriteRequest {
  hid: string;
  /** Creates carry no id; updates (including retire and reactivate) carry the asset's id. */
  write: HaloAssetWrite;
  customerId: number;
}

export type AssetWriteResult = { hid: string; ok: true; assetId: number; created: boolean } | { hid: string; ok: false; reason: string };

export interface AssetWriterContext {
  links: ComputerLinks;
  halo: HaloClient;
  integration: IntegrationEntity;
}

/**
 * Writes one batch of assets with one array POST, with no duplicate whatever happens: each create
 * is claimed first (unique row per computer); a create claimed before (its outcome unknown, e.g.
 * a lost response) is looked up by the computer-id custom field; the asset id is saved as soon as
 * HaloPSA returns it. A refused record is isolated by splitting the batch, and fails alone. When a
 * customer's look-up fails for a passing reason, its computers wait for the activity's next
 * attempt, the rest of the batch is written, and then that failure is thrown: each attempt keeps
 * what it could do, so a flaky link slows the batch down rather than stalling it.
 */
export async function writeAssets(
  context: AssetWriterContext,
  requests: readonly AssetWriteRequest[],
  /**
   * Called with each set of outcomes as it is known (those of one POST, or of one look-up), so a
   * batch interrupted (a 429, a crash) keeps what it finished. Created assets' ids are saved first.
   */
  record: (results: readonly AssetWriteResult[]) => Promise<void>,
): Promise<void> {
  const creates = requests.filter((r) => r.write.id === undefined);
  const fresh = await context.links.claim(creates.map((r) => r.hid));
  const uncertain = creates.filter((r) => !fresh.has(r.hid));
  const lookUp: LookUp = uncertain.length > 0 ? await findCreated(context, uncertain) : { found: new Map(), unresolved: new Set() };
  const found = uncertain.flatMap((request): AssetWriteResult[] => {
    const assetId = lookUp.found.get(request.hid);
    return assetId === undefined ? [] : [{ hid: request.hid, ok: true, assetId, created: true }];
  });
  await saveOutcomes(context, found, record);
  await post(context, requests.filter((r) => r.write.id !== undefined || !(lookUp.found.has(r.hid) || lookUp.unresolved.has(r.hid))), record);
  if (lookUp.failure !== undefined) throw lookUp.failure;
}

/** Created assets' ids first (one statement), then the caller's record of every outcome. */
async function saveOutcomes(context: AssetWriterContext, results: readonly AssetWriteResult[], record: (results: readonly AssetWriteResult[]) => Promise<void>): Promise<void> {
  if (results.length === 0) return;
  await context.links.markCreated(results.flatMap((result) => (result.ok && result.created ? [{ hid: result.hid, haloAssetId: result.assetId }] : [])));
  await record(results);
}

async function post(context: AssetWriterContext, requests: readonly AssetWriteRequest[], record: (results: readonly AssetWriteResult[]) => Promise<void>): Promise<void> {
  if (requests.length === 0) return;
  try {
    const saved = await context.halo.saveAssets(requests.map((r) => r.write));
    await saveOutcomes(
      context,
      requests.map((request, index): AssetWriteResult => ({ hid: request.hid, ok: true, assetId: saved[index].id, created: request.write.id === undefined })),
      record,
    );
  } catch (error) {
    // Refused for the rate limit (HaloPSA's 429, or the product's own budget before sending): nothing
    // was created, so the claims go back and the retry creates them without looking them up first.
    if (error instanceof HaloError && error.kind === 'rate_limited') await context.links.release(requests.filter((r) => r.write.id === undefined).map((r) => r.hid));
    if (!(error instanceof HaloError) || (error.kind !== 'validation' && error.kind !== 'not_found')) throw error;
    if (requests.length === 1) {
      if (requests[0].write.id === undefined) await context.links.release([requests[0].hid]);
      await record([{ hid: requests[0].hid, ok: false, reason: `HaloPSA refused the asset: ${error.message}` }]);
      return;
    }
    const middle = Math.ceil(requests.length / 2);
    await post(context, requests.slice(0, middle), record);
    await post(context, requests.slice(middle), record);
  }
}

interface LookUp {
  found: Map<string, number>;
  /** Computers whose customer could not be read this time: neither found nor safe to create. */
  unresolved: Set<string>;
  /** The first passing failure among those reads, thrown once the rest of the batch is written. */
  failure?: HaloError;
}

/**
 * Assets a lost response may have created, found by the computer-id custom field: one listing of
 * each customer's assets when its items carry custom fields; where HaloPSA lists assets without
 * them, one search per computer (the computer-id field is searchable). A read that fails for a
 * passing reason leaves only the computers it was for unresolved.
 */
async function findCreated(context: AssetWriterContext, requests: readonly AssetWriteRequest[]): Promise<LookUp> {
  const fieldId = context.integration.computerIdFieldId as number;
  const lookUp: LookUp = { found: new Map(), unresolved: new Set() };
  const attempt = async (hids: string[], read: () => Promise<void>): Promise<void> => {
    try {
      await read();
    } catch (error) {
      if (!(error instanceof HaloError && error.retryable)) throw error;
      hids.forEach((hid) => lookUp.unresolved.add(hid));
      lookUp.failure ??= error;
    }
  };
  for (const customerId of new Set(requests.map((r) => r.customerId))) {
    const wanted = requests.filter((r) => r.customerId === customerId).map((r) => r.hid);
    let listed: HaloAsset[] = [];
    await attempt(wanted, async () => {
      listed = await context.halo.listAssets({ clientId: customerId, includeInactive: true });
    });
    if (wanted.some((hid) => lookUp.unresolved.has(hid))) continue;
    if (listed.every(carriesCustomFields)) {
      for (const asset of listed) {
        const hid = context.halo.customFieldValue(asset, fieldId)?.toLowerCase();
        if (hid && wanted.includes(hid)) lookUp.found.set(hid, asset.id);
      }
      continue;
    }
    for (const hid of wanted) {
      await attempt([hid], async () => {
        const [asset] = await context.halo.findAssetsByCustomFieldValue(fieldId, hid, customerId);
        if (asset) lookUp.found.set(hid, asset.id);
      });
    }
  }
  return lookUp;
}
