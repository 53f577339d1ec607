import { haloError } from '../../http-error';
import { HaloState } from '../../state/halo-state';
import { ClientRecord, USAGE } from '../../state/records';
import { presentCustomFields, readCustomFieldValues } from '../custom-field-values';
import { ElementReader } from '../element-reader';
import { HaloResource } from '../halo-resource';
import { integerParam, stringParam } from '../list-query';
import { containsText, siteName } from './lookups';

/**
 * `/api/Client` (Halo's `Area`): lists answer `{record_count, clients}`. A new client gets a main
 * site named "Main", as in Halo. A client that still has assets cannot be deleted.
 */
export function createClientResource(state: HaloState): HaloResource<ClientRecord> {
  return {
    entity: 'Client',
    table: state.clients,
    envelopeKey: 'clients',
    filter: (records, query) => {
      const search = stringParam(query, 'search');
      const topLevelId = integerParam(query, 'toplevel_id');
      return records.filter(
        (client) =>
          (search === undefined || containsText([client.name], search)) &&
          (topLevelId === undefined || client.toplevel_id === topLevelId),
      );
    },
    present: (record) => ({
      id: record.id,
      name: record.name,
      inactive: record.inactive,
      toplevel_id: record.toplevel_id,
      main_site_id: record.main_site_id,
      main_site_name: siteName(state, record.main_site_id),
      customfields: presentCustomFields(record.customfields, state.fieldInfos),
    }),
    build: (input, existing) => ({
      name: input.requiredString('name', existing?.name),
      inactive: input.boolean('inactive') ?? existing?.inactive ?? false,
      toplevel_id: input.integer('toplevel_id') ?? existing?.toplevel_id ?? 1,
      main_site_id: readMainSite(state, input, existing),
      customfields: readCustomFieldValues(input, USAGE.client, state.fieldInfos) ?? existing?.customfields ?? [],
    }),
    afterCreate: (record) => {
      const site = state.sites.insert({ name: 'Main', client_id: record.id, inactive: false });
      return state.clients.replace({ ...record, main_site_id: site.id });
    },
    remove: (record) => {
      const siteIds = state.sites.all().filter((site) => site.client_id === record.id).map((site) => site.id);
      if (state.assets.all().some((asset) => siteIds.includes(asset.site_id))) {
        throw haloError(400, `Client "${record.name}" has assets and cannot be deleted`);
      }
      siteIds.forEach((id) => state.sites.delete(id));
      state.clients.delete(record.id);
    },
  };
}

/** Only an existing client can change its main site, to one of its own sites. */
function readMainSite(state: HaloState, input: ElementReader, existing: ClientRecord | undefined): number {
  const siteId = input.integer('main_site_id');
  if (siteId === undefined || !existing) return existing?.main_site_id ?? 0;
  if (state.sites.get(siteId)?.client_id !== existing.id) {
    input.fail('main_site_id', `Site ${siteId} is not a site of client ${existing.id}.`);
  }
  return siteId;
}
