import {
  carriesCustomFields,
  customFieldValue as valueOfCustomField,
  HALO_ASSET_ENTITY,
  HaloAgent,
  HaloAsset,
  HaloAssetGroup,
  HaloAssetType,
  HaloAssetWrite,
  HaloCustomButton,
  HaloCustomer,
  HaloFieldInfo,
  HaloSite,
  NewHaloAssetGroup,
  NewHaloAssetType,
  NewHaloCustomButton,
  NewHaloCustomField,
} from './halo-entities';
import { HaloError } from './halo-errors';
import { HaloQuery, HaloRestClient } from './halo-rest-client';

export type { HaloClientOptions, HaloMethod, HaloQuery, HaloRequestOptions } from './halo-rest-client';

export interface HaloAssetListOptions {
  /** Only this customer's assets. */
  clientId?: number;
  /** Retired (inactive) assets too; default active ones only. */
  includeInactive?: boolean;
}

const ASSET_READS_AT_ONCE = 4;

/**
 * The HaloPSA client: the entities the integration reads and writes, over the REST conventions of
 * HaloRestClient (which never retries on its own, except once after a 401 with a fresh token).
 * Lists are read whole, in pages of `pageSize` (500). Halo's list filters are trusted but checked:
 * a record that names another customer than the one asked for, or an inactive one where active
 * ones were asked for, is dropped.
 */
export class HaloClient extends HaloRestClient {
  /** Every active customer. */
  async listCustomers(): Promise<HaloCustomer[]> {
    return (await this.listAll<HaloCustomer>('/Client', 'clients')).filter(isActive);
  }

  /** Every active site, or those of one customer. */
  async listSites(clientId?: number): Promise<HaloSite[]> {
    this.requireId(clientId, 'customer');
    const sites = await this.listAll<HaloSite>('/Site', 'sites', { client_id: clientId });
    return sites.filter((site) => isActive(site) && belongsTo(site, clientId));
  }

  /** One page of active customers whose name contains `search` (Halo's own search and paging: one request). */
  async findCustomers(search: string | undefined, pageNo: number, pageSize: number): Promise<{ customers: HaloCustomer[]; total: number }> {
    const { records, recordCount } = await this.listPage<HaloCustomer>('/Client', 'clients', { search }, pageNo, pageSize);
    const customers = records.filter(isActive);
    return { customers, total: recordCount ?? (pageNo - 1) * pageSize + customers.length };
  }

  getCustomer(id: number): Promise<HaloCustomer> {
    return this.getById<HaloCustomer>('/Client', id);
  }

  getSite(id: number): Promise<HaloSite> {
    return this.getById<HaloSite>('/Site', id);
  }

  /** A bare, unpaged list in Halo. */
  listAssetTypes(): Promise<HaloAssetType[]> {
    return this.listAll<HaloAssetType>('/AssetType', null);
  }

  /** A bare, unpaged list in Halo. */
  listAssetGroups(): Promise<HaloAssetGroup[]> {
    return this.listAll<HaloAssetGroup>('/AssetGroup', null);
  }

  /** Needs a HaloPSA administrator (and the `admin` or `all` scope): else a `forbidden` HaloError. */
  async createAssetType(type: NewHaloAssetType): Promise<HaloAssetType> {
    const [created] = await this.save<HaloAssetType, NewHaloAssetType>('/AssetType', [{ name: type.name, assetgroup_id: type.assetgroup_id }]);
    return created;
  }

  /** Needs a HaloPSA administrator (and the `admin` or `all` scope): else a `forbidden` HaloError. */
  async createAssetGroup(group: NewHaloAssetGroup): Promise<HaloAssetGroup> {
    const [created] = await this.save<HaloAssetGroup, NewHaloAssetGroup>('/AssetGroup', [{ name: group.name }]);
    return created;
  }

  /**
   * Every asset (of one customer), with its asset fields (`includeassetfields=true`, declared).
   * Whether the items carry `customfields` too is up to the HaloPSA instance: callers check with
   * `carriesCustomFields` and read an asset on its own (`getAsset`) when it does not.
   */
  async listAssets(options: HaloAssetListOptions = {}): Promise<HaloAsset[]> {
    const assets: HaloAsset[] = [];
    for await (const page of this.assetPages(options)) assets.push(...page);
    return assets;
  }

  /** The same assets as `listAssets`, a page at a time (a page may come out empty after filtering). */
  async *assetPages(options: HaloAssetListOptions = {}): AsyncGenerator<HaloAsset[]> {
    const { clientId, includeInactive = false } = options;
    for await (const page of this.pages<HaloAsset>('/Asset', 'assets', this.assetQuery(clientId, includeInactive))) {
      yield page.filter((asset) => (includeInactive || isActive(asset)) && belongsTo(asset, clientId));
    }
  }

  getAsset(id: number): Promise<HaloAsset> {
    return this.getById<HaloAsset>('/Asset', id);
  }

  /** Assets read one by one (`GET /Asset/{id}`, a few at a time); an id HaloPSA no longer has is left out. */
  async getAssets(ids: readonly number[]): Promise<Map<number, HaloAsset>> {
    const found = new Map<number, HaloAsset>();
    const queue = [...new Set(ids)];
    const readNext = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          found.set(id, await this.getAsset(id));
        } catch (error) {
          if (!(error instanceof HaloError && error.kind === 'not_found')) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(ASSET_READS_AT_ONCE, queue.length) }, readNext));
    return found;
  }

  /**
   * The assets (of one customer) whose custom field `fieldId` holds exactly `value`, inactive ones
   * included (a retired asset is found again rather than duplicated). Halo's `search` is loose: it
   * only picks candidates, each kept on an exact comparison. A candidate that came without its
   * custom fields is read on its own (`GET /Asset/{id}`) before it is judged.
   */
  async findAssetsByCustomFieldValue(fieldId: number, value: string, clientId?: number): Promise<HaloAsset[]> {
    const query = { ...this.assetQuery(clientId, true), search: value };
    if (value === '') return [];
    const found = new Map<number, HaloAsset>();
    for (const candidate of await this.listAll<HaloAsset>('/Asset', 'assets', query)) {
      // A record that moved between two pages can come twice.
      if (found.has(candidate.id) || !belongsTo(candidate, clientId)) continue;
      const asset = carriesCustomFields(candidate) ? candidate : await this.getAsset(candidate.id);
      if (valueOfCustomField(asset, fieldId) === value) found.set(asset.id, asset);
    }
    return [...found.values()];
  }

  /** The text of custom field `fieldId` on an asset (see `customFieldValue` in halo-entities). */
  customFieldValue(asset: Pick<HaloAsset, 'customfields'>, fieldId: number): string | undefined {
    return valueOfCustomField(asset, fieldId);
  }

  /**
   * Creates (no `id`) and updates (`id`) in one `POST /Asset`: the saved assets, in input order.
   * Nothing is sent for an empty array. Halo saves a batch whole or refuses it whole.
   */
  async saveAssets(records: readonly HaloAssetWrite[]): Promise<HaloAsset[]> {
    const saved = await this.save<HaloAsset, HaloAssetWrite>('/Asset', records);
    if (!saved.every((asset) => isId(asset.id))) {
      throw this.error('unexpected', `HaloPSA answered POST /Asset of ${records.length} asset(s) with a record without an id`);
    }
    return saved;
  }

  getAgentMe(): Promise<HaloAgent> {
    return this.request<HaloAgent>('GET', '/Agent/me');
  }

  listAssetCustomFields(): Promise<HaloFieldInfo[]> {
    return this.listAll<HaloFieldInfo>('/FieldInfo', null, { typeid: HALO_ASSET_ENTITY });
  }

  /** Sends the field whole: what Halo does with the properties a POST leaves out is not known. */
  async makeAssetCustomFieldSearchable(field: HaloFieldInfo): Promise<void> {
    await this.save<HaloFieldInfo>('/FieldInfo', [{ ...field, searchable: true }]);
  }

  async createAssetCustomField(field: NewHaloCustomField): Promise<HaloFieldInfo> {
    const [created] = await this.save<HaloFieldInfo>('/FieldInfo', [{ ...field, usage: HALO_ASSET_ENTITY }]);
    return created;
  }

  deleteCustomField(id: number): Promise<void> {
    return this.remove('/FieldInfo', id);
  }

  listAssetButtons(): Promise<HaloCustomButton[]> {
    return this.listAll<HaloCustomButton>('/CustomButton', null, { typeid: HALO_ASSET_ENTITY });
  }

  async createAssetButton(button: NewHaloCustomButton): Promise<HaloCustomButton> {
    const [created] = await this.save<HaloCustomButton>('/CustomButton', [{ ...button, usage: HALO_ASSET_ENTITY, msid: 0 }]);
    return created;
  }

  /** Halo keeps the fields it is not sent; these are all the integration manages on a button. */
  async updateAssetButton(button: NewHaloCustomButton & { id: number }): Promise<HaloCustomButton> {
    const [updated] = await this.save<HaloCustomButton>('/CustomButton', [{ ...button, usage: HALO_ASSET_ENTITY, msid: 0 }]);
    return updated;
  }

  deleteCustomButton(id: number): Promise<void> {
    return this.remove('/CustomButton', id);
  }

  private assetQuery(clientId: number | undefined, includeInactive: boolean): HaloQuery {
    this.requireId(clientId, 'customer');
    return { client_id: clientId, includeinactive: includeInactive ? true : undefined, includeassetfields: true };
  }

  /** A filter on id 0 or a non-integer would be ignored or misread by Halo: refused before sending. */
  private requireId(id: number | undefined, what: string): void {
    if (id !== undefined && !isId(id)) throw this.error('validation', `Not a HaloPSA ${what} id: ${id}`);
  }
}

function isActive(record: { inactive?: boolean | null }): boolean {
  return record.inactive !== true;
}

/** Only a record that names another customer is dropped: one without `client_id` is kept. */
function belongsTo(record: { client_id?: number | null }, clientId: number | undefined): boolean {
  return clientId === undefined || record.client_id === undefined || record.client_id === null || Number(record.client_id) === clientId;
}

function isId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}

/** Field names compare case-insensitively, with or without the `CF` prefix Halo adds to custom fields. */
export function sameFieldName(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const left = a.trim().toLowerCase();
  const right = b.trim().toLowerCase();
  return left === right || `cf${left}` === right || left === `cf${right}`;
}
