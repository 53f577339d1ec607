import { haloError } from '../../http-error';
import { HaloState } from '../../state/halo-state';
import { SiteRecord } from '../../state/records';
import { ElementReader } from '../element-reader';
import { HaloResource } from '../halo-resource';
import { integerParam, stringParam } from '../list-query';
import { clientName, containsText } from './lookups';

/**
 * `/api/Site`: lists answer `{record_count, sites}`, `client_id` filters. A site stays with its
 * client; a main site, or a site with assets, cannot be deleted.
 */
export function createSiteResource(state: HaloState): HaloResource<SiteRecord> {
  return {
    entity: 'Site',
    table: state.sites,
    envelopeKey: 'sites',
    filter: (records, query) => {
      const clientId = integerParam(query, 'client_id');
      const search = stringParam(query, 'search');
      return records.filter(
        (site) => (clientId === undefined || site.client_id === clientId) && (search === undefined || containsText([site.name], search)),
      );
    },
    present: (record) => {
      const client = clientName(state, record.client_id);
      return { ...record, client_name: client, clientsite_name: `${client}/${record.name}` };
    },
    build: (input, existing) => ({
      name: input.requiredString('name', existing?.name),
      client_id: readClient(state, input, existing),
      inactive: input.boolean('inactive') ?? existing?.inactive ?? false,
    }),
    remove: (record) => {
      if (state.clients.get(record.client_id)?.main_site_id === record.id) {
        throw haloError(400, `Site "${record.name}" is its client's main site and cannot be deleted`);
      }
      if (state.assets.all().some((asset) => asset.site_id === record.id)) {
        throw haloError(400, `Site "${record.name}" has assets and cannot be deleted`);
      }
      state.sites.delete(record.id);
    },
  };
}

function readClient(state: HaloState, input: ElementReader, existing: SiteRecord | undefined): number {
  const clientId = input.requiredInteger('client_id', existing?.client_id);
  if (clientId === undefined) return 0;
  if (existing && clientId !== existing.client_id) input.fail('client_id', 'A site cannot move to another client.');
  else if (!state.clients.get(clientId)) input.fail('client_id', `Client ${clientId} does not exist.`);
  return clientId;
}
