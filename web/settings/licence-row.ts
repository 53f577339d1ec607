import { callApi, errorText } from './api-client.js';
import { AssetTypeLookup, LicenceTypeMapping, LookupPage } from './api-types.js';
import { disclosure } from './disclosure.js';
import { el, replaceContent, statusLine, uniqueId } from './dom.js';
import { lookupPicker } from './lookup-picker.js';

/** How many asset groups are offered when creating a type; any other name creates a group. */
const GROUPS_OFFERED = 100;

type Save = (body: { assetTypeId: number } | { createAssetType: { name: string; assetGroupName: string } }) => void;

/** One licence type: its default asset type, chosen from HaloPSA's asset types or created in a group. */
export function licenceRow(licence: LicenceTypeMapping, onChanged: () => void): HTMLElement {
  const status = statusLine();
  const label = `licence type ${licence.licenseType}`;
  const save: Save = (body) => {
    status.working('Saving…');
    callApi('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licence.licenseType)}`, body).then(onChanged, (error: unknown) => status.failed(errorText(error)));
  };
  const choose = disclosure('Choose a type…', () => assetTypeChoice(label, save));
  const create = disclosure('Create a type…', () => assetTypeCreation(label, save, status));
  return el(
    'tr',
    {},
    el('th', { scope: 'row' }, licence.licenseType),
    el('td', {}, String(licence.activatedLicenses)),
    el('td', {}, licence.mapping ? `${licence.mapping.assetTypeName} (id ${licence.mapping.assetTypeId})` : 'None: exports need an asset type'),
    el('td', {}, el('span', { class: 'inline' }, choose.button, create.button), choose.region, create.region, status.node),
  );
}

/** Search-as-you-type over HaloPSA's asset types, then Map. */
function assetTypeChoice(label: string, save: Save): HTMLElement {
  const map = el('button', { type: 'button', disabled: true }, 'Map');
  let chosen: AssetTypeLookup | undefined;
  const picker = lookupPicker<AssetTypeLookup>({
    label: `Asset type for ${label}`,
    noun: 'asset types',
    path: '/api/v1/halopsa/lookups/asset-types',
    describe: (type) => `${type.name} (id ${type.id}${type.assetGroup?.name ? `, group ${type.assetGroup.name}` : ''})`,
    onChoose: (type) => {
      chosen = type;
      map.disabled = !type;
    },
  });
  map.addEventListener('click', () => chosen && save({ assetTypeId: chosen.id }));
  return el('span', { class: 'inline' }, picker, map);
}

/** A new type's name and its group: one of HaloPSA's groups, offered as the name is typed, or a new one. */
function assetTypeCreation(label: string, save: Save, status: ReturnType<typeof statusLine>): HTMLElement {
  const name = el('input', { type: 'text', placeholder: 'New asset type', 'aria-label': `New asset type name for ${label}` });
  const groups = el('datalist', { id: uniqueId('asset-groups') });
  const group = el('input', { type: 'text', list: groups.id, placeholder: 'Asset group', 'aria-label': `Asset group of the new type for ${label} (an existing one, or a new name)` });
  const confirm = el('button', { type: 'button' }, 'Create and map');
  confirm.addEventListener('click', () => save({ createAssetType: { name: name.value.trim(), assetGroupName: group.value.trim() } }));
  callApi<LookupPage<{ name: string }>>('GET', `/api/v1/halopsa/lookups/asset-groups?pageSize=${GROUPS_OFFERED}`).then(
    (page) => replaceContent(groups, ...page.items.map((g) => el('option', { value: g.name }))),
    (error: unknown) => status.failed(`HaloPSA's asset groups could not be listed (${errorText(error)}); a group typed by name still works.`),
  );
  return el('span', { class: 'inline' }, name, group, groups, confirm);
}
