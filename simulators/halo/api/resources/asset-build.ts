import { HttpError } from '../../http-error';
import { assetTypeAllows, AssetTypeRightName } from '../../state/agent';
import { HaloState } from '../../state/halo-state';
import { AssetFieldValue, AssetRecord, AssetTypeRecord, SiteRecord, USAGE } from '../../state/records';
import { readCustomFieldValues } from '../custom-field-values';
import { ElementReader } from '../element-reader';

/**
 * The next values of an asset from one POST element. `client_id` is derived from `site_id` (a
 * `client_id` sent must agree with it); `fields` and `customfields`, when sent, are merged into
 * the stored lists or replace them (setting `partialArrayWrites`); the key field shows the value
 * of the asset type's key field.
 */
export function buildAsset(
  state: HaloState,
  input: ElementReader,
  existing: AssetRecord | undefined,
  earlier: readonly Omit<AssetRecord, 'id'>[],
): Omit<AssetRecord, 'id'> {
  const site = readSite(state, input, existing);
  const type = readAssetType(state, input, existing);
  if (type) requireAssetTypeRight(state, type, existing ? 'canedit' : 'cancreate');
  const kept = keptArrayValues(state, existing);
  const fields = readAssetFields(state, input, kept.fields) ?? existing?.fields ?? [];
  const keyValue = fields.find((field) => field.id === type?.keyfield_id)?.value;
  const draft: Omit<AssetRecord, 'id'> = {
    inventory_number: input.string('inventory_number') ?? existing?.inventory_number ?? '',
    key_field: keyValue !== undefined ? String(keyValue) : (input.string('key_field') ?? existing?.key_field ?? ''),
    key_field2: input.string('key_field2') ?? existing?.key_field2 ?? '',
    key_field3: input.string('key_field3') ?? existing?.key_field3 ?? '',
    site_id: site?.id ?? 0,
    assettype_id: type?.id ?? 0,
    status_id: input.integer('status_id') ?? existing?.status_id ?? 1,
    inactive: input.boolean('inactive') ?? existing?.inactive ?? false,
    notes: input.string('notes') ?? existing?.notes ?? '',
    contract_id: input.integer('contract_id') ?? existing?.contract_id ?? 0,
    fields,
    customfields: readCustomFieldValues(input, USAGE.asset, state.fieldInfos, kept.customfields) ?? existing?.customfields ?? [],
    last_modified: state.clock.isoNow(),
  };
  if (state.settings.uniqueAssetTags) requireUniqueTag(state, draft.inventory_number, existing, earlier);
  return draft;
}

export function requireAssetTypeRight(state: HaloState, type: AssetTypeRecord, right: AssetTypeRightName): void {
  if (assetTypeAllows(state.agent, type.id, right)) return;
  const verb = { canview: 'view', cancreate: 'create', canedit: 'edit' }[right];
  throw new HttpError(403, { Message: `The agent "${state.agent.name}" may not ${verb} assets of type "${type.name}"` });
}

function readSite(state: HaloState, input: ElementReader, existing: AssetRecord | undefined): SiteRecord | undefined {
  const siteId = input.requiredInteger('site_id', existing?.site_id);
  if (siteId === undefined) return undefined;
  const site = state.sites.get(siteId);
  if (!site) {
    input.fail('site_id', `Site ${siteId} does not exist.`);
    return undefined;
  }
  const clientId = input.integer('client_id');
  if (clientId && clientId !== site.client_id) {
    input.fail('client_id', `Site ${site.id} belongs to client ${site.client_id}, not to client ${clientId}.`);
  }
  return site;
}

function readAssetType(state: HaloState, input: ElementReader, existing: AssetRecord | undefined): AssetTypeRecord | undefined {
  const typeId = input.requiredInteger('assettype_id', existing?.assettype_id);
  if (typeId === undefined) return undefined;
  const type = state.assetTypes.get(typeId);
  if (!type) input.fail('assettype_id', `Asset type ${typeId} does not exist.`);
  else if (type.inactive && typeId !== existing?.assettype_id) input.fail('assettype_id', `Asset type "${type.name}" is inactive.`);
  return type;
}

/** What a sent `fields` or `customfields` list is laid over: the stored values when merging into an existing asset. */
function keptArrayValues(state: HaloState, existing: AssetRecord | undefined): Pick<AssetRecord, 'fields' | 'customfields'> {
  if (!existing || state.settings.partialArrayWrites === 'replace') return { fields: [], customfields: [] };
  return { fields: existing.fields, customfields: existing.customfields };
}

/** `fields: [{id, value}]` (asset-type fields) laid over `kept`; undefined when not sent. */
function readAssetFields(state: HaloState, input: ElementReader, kept: readonly AssetFieldValue[]): AssetFieldValue[] | undefined {
  const items = input.list('fields');
  if (!items) return undefined;
  const values = new Map(kept.map((value) => [value.id, value]));
  for (const item of items) {
    const id = item.requiredInteger('id', undefined);
    const value = item.scalar('value');
    if (id === undefined) continue;
    if (!state.assetFields.some((field) => field.id === id)) item.fail('id', `Field ${id} does not exist.`);
    else if (value === undefined || value === '') values.delete(id);
    else values.set(id, { id, value });
  }
  return [...values.values()];
}

/** The tenant setting "unique asset tags": Halo answers a plain-text 400. */
function requireUniqueTag(
  state: HaloState,
  tag: string,
  existing: AssetRecord | undefined,
  earlier: readonly Omit<AssetRecord, 'id'>[],
): void {
  const key = tag.trim().toLowerCase();
  if (key === '') return;
  const clashes = (other: string) => other.trim().toLowerCase() === key;
  const taken =
    state.assets.all().some((asset) => asset.id !== existing?.id && clashes(asset.inventory_number)) ||
    earlier.some((draft) => clashes(draft.inventory_number));
  if (taken) throw new HttpError(400, 'Asset tag must be unique');
}
