import { assetTypeAllows } from '../../state/agent';
import { HaloState } from '../../state/halo-state';
import { AssetRecord, USAGE } from '../../state/records';
import { presentCustomFields } from '../custom-field-values';
import { JsonObject } from '../element-reader';
import { HaloResource } from '../halo-resource';
import { booleanParam, integerParam, stringParam } from '../list-query';
import { buildAsset, requireAssetTypeRight } from './asset-build';
import { assetFieldName, assetTypeName, clientIdOfSite, clientName, containsText, siteName } from './lookups';
import { presentCustomButton } from './custom-button-resource';

/**
 * `/api/Asset` (Halo's `Device`). Lists answer `{record_count, assets}` with slim items; asset
 * fields and custom fields come with `includeassetfields=true` (or, for custom fields, the ids
 * named by `include_custom_fields`), custom fields only under setting `listCustomFields: included`.
 * An agent restricted to some asset types sees only those.
 */
export function createAssetResource(state: HaloState): HaloResource<AssetRecord> {
  return {
    entity: 'Asset',
    table: state.assets,
    envelopeKey: 'assets',
    filter: (records, query) => filterAssets(state, records, query),
    checkRead: (record) => {
      const type = state.assetTypes.get(record.assettype_id);
      if (type) requireAssetTypeRight(state, type, 'canview');
    },
    present: (record) => ({
      ...presentSummary(state, record),
      status_id: record.status_id,
      notes: record.notes,
      contract_id: record.contract_id,
      fields: presentFields(state, record),
      customfields: presentCustomFields(record.customfields, state.fieldInfos),
      custombuttons: state.customButtons
        .all()
        .filter((button) => button.usage === USAGE.asset)
        .map(presentCustomButton),
    }),
    presentInList: (record, query) => ({
      ...presentSummary(state, record),
      ...(booleanParam(query, 'includeassetfields', false) ? { fields: presentFields(state, record) } : {}),
      ...listedCustomFields(state, record, query),
    }),
    build: (input, existing, earlier) => buildAsset(state, input, existing, earlier),
    afterCreate: (record) => {
      state.assetCreates.record(
        record.customfields.map((value) => ({ field: state.fieldInfos.get(value.id)?.name ?? String(value.id), value: String(value.value) })),
      );
      return record;
    },
    remove: (record) => state.assets.delete(record.id),
  };
}

function presentSummary(state: HaloState, record: AssetRecord): JsonObject {
  const clientId = clientIdOfSite(state, record.site_id);
  return {
    id: record.id,
    inventory_number: record.inventory_number,
    key_field: record.key_field,
    key_field2: record.key_field2,
    key_field3: record.key_field3,
    client_id: clientId,
    client_name: clientName(state, clientId),
    site_id: record.site_id,
    site_name: siteName(state, record.site_id),
    assettype_id: record.assettype_id,
    assettype_name: assetTypeName(state, record.assettype_id),
    inactive: record.inactive,
    last_modified: record.last_modified,
  };
}

/** `customfields` of a list item: all with `includeassetfields=true`, else those named by `include_custom_fields`. */
function listedCustomFields(state: HaloState, record: AssetRecord, query: URLSearchParams): JsonObject {
  if (state.settings.listCustomFields === 'omitted') return {};
  if (booleanParam(query, 'includeassetfields', false)) return { customfields: presentCustomFields(record.customfields, state.fieldInfos) };
  const wanted = stringParam(query, 'include_custom_fields')?.split(',').map(Number);
  if (!wanted) return {};
  const chosen = record.customfields.filter((value) => wanted.includes(value.id));
  return { customfields: presentCustomFields(chosen, state.fieldInfos) };
}

function presentFields(state: HaloState, record: AssetRecord): JsonObject[] {
  return record.fields.map(({ id, value }) => ({ id, name: assetFieldName(state, id), value }));
}

/** Filters: client_id, site_id, assettype_id, inventory_number (exact), search (loose). */
function filterAssets(state: HaloState, records: AssetRecord[], query: URLSearchParams): AssetRecord[] {
  const clientId = integerParam(query, 'client_id');
  const siteId = integerParam(query, 'site_id');
  const typeId = integerParam(query, 'assettype_id');
  const tag = stringParam(query, 'inventory_number')?.toLowerCase();
  const search = stringParam(query, 'search');
  const tagOnly = booleanParam(query, 'search_inventory_number_only', false);
  return records.filter(
    (asset) =>
      assetTypeAllows(state.agent, asset.assettype_id, 'canview') &&
      (clientId === undefined || clientIdOfSite(state, asset.site_id) === clientId) &&
      (siteId === undefined || asset.site_id === siteId) &&
      (typeId === undefined || asset.assettype_id === typeId) &&
      (tag === undefined || asset.inventory_number.toLowerCase() === tag) &&
      (search === undefined || containsText(tagOnly ? [asset.inventory_number] : searchableValues(state, asset), search)),
  );
}

/**
 * What `search` matches loosely: the tag, the key fields, asset field values and custom field
 * values (with setting `searchCustomFields: searchable-only`, of `searchable` custom fields only).
 */
function searchableValues(state: HaloState, asset: AssetRecord): unknown[] {
  const searchOnlySearchable = state.settings.searchCustomFields === 'searchable-only';
  const customValues = asset.customfields.filter((value) => !searchOnlySearchable || state.fieldInfos.get(value.id)?.searchable === true);
  return [
    asset.inventory_number,
    asset.key_field,
    asset.key_field2,
    asset.key_field3,
    ...asset.fields.map((field) => field.value),
    ...customValues.map((field) => field.value),
  ];
}
