import type { HaloState } from '../../simulators/halo/state/halo-state';

/** An asset a person made in HaloPSA (not the service): named after a computer's host name, at a site, with no custom field. */
export function insertPersonMadeAsset(state: HaloState, siteId: number, hostName: string) {
  return state.assets.insert({
    inventory_number: '',
    key_field: hostName,
    key_field2: '',
    key_field3: '',
    site_id: siteId,
    assettype_id: state.assetTypes.all()[0].id,
    status_id: 1,
    inactive: false,
    notes: '',
    contract_id: 0,
    fields: [{ id: 1, value: hostName }],
    customfields: [],
    last_modified: new Date().toISOString(),
  });
}
