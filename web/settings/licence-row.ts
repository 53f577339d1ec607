import { callApi, errorText } from './api-client.js';
import { LicenceTypeMapping } from './api-types.js';
import { el, replaceContent, statusLine } from './dom.js';

/** One licence type: its default asset type, set from an id or by creating a type in a group. */
export function licenceRow(licence: LicenceTypeMapping, onChanged: () => void): HTMLElement {
  const status = statusLine();
  const label = `licence type ${licence.licenseType}`;
  const assetTypeId = el('input', { type: 'number', min: '1', inputmode: 'numeric', placeholder: 'Asset type id', 'aria-label': `Asset type id for ${label}` });
  const map = el('button', { type: 'button' }, 'Map');
  const create = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, 'Create a type…');
  const creation = el('span', { class: 'inline' });
  const save = (body: unknown): void => {
    status.working('Saving…');
    callApi('PUT', `/api/v1/halopsa/asset-types/${encodeURIComponent(licence.licenseType)}`, body).then(onChanged, (error: unknown) => status.failed(errorText(error)));
  };
  map.addEventListener('click', () => save({ assetTypeId: Number(assetTypeId.value) }));
  create.addEventListener('click', () => {
    const name = el('input', { type: 'text', placeholder: 'New asset type', 'aria-label': `New asset type name for ${label}` });
    const group = el('input', { type: 'text', placeholder: 'Asset group', 'aria-label': `Asset group of the new type for ${label}` });
    const confirm = el('button', { type: 'button' }, 'Create and map');
    confirm.addEventListener('click', () => save({ createAssetType: { name: name.value.trim(), assetGroupName: group.value.trim() } }));
    create.setAttribute('aria-expanded', 'true');
    replaceContent(creation, name, group, confirm);
    name.focus();
  });
  return el(
    'tr',
    {},
    el('th', { scope: 'row' }, licence.licenseType),
    el('td', {}, String(licence.activatedLicenses)),
    el('td', {}, licence.mapping ? `${licence.mapping.assetTypeName} (id ${licence.mapping.assetTypeId})` : 'None: exports need an asset type'),
    el('td', {}, el('span', { class: 'inline' }, assetTypeId, map, create), creation, status.node),
  );
}
