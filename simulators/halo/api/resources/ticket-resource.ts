import { HaloState } from '../../state/halo-state';
import { TicketRecord } from '../../state/records';
import { ElementReader } from '../element-reader';
import { HaloResource } from '../halo-resource';
import { integerParam } from '../list-query';
import { clientName, siteName } from './lookups';

/**
 * `/api/Tickets` (Halo's `Faults`), kept minimal: lists answer `{record_count, tickets}`, filtered
 * by `client_id` or `asset_id`. A ticket needs a summary and a client (or a site, whose client it
 * takes); without a site it goes to the client's main site.
 */
export function createTicketResource(state: HaloState): HaloResource<TicketRecord> {
  return {
    entity: 'Tickets',
    table: state.tickets,
    envelopeKey: 'tickets',
    filter: (records, query) => {
      const clientId = integerParam(query, 'client_id');
      const assetId = integerParam(query, 'asset_id');
      return records.filter(
        (ticket) => (clientId === undefined || ticket.client_id === clientId) && (assetId === undefined || ticket.asset_ids.includes(assetId)),
      );
    },
    present: (record) => ({
      id: record.id,
      summary: record.summary,
      details: record.details,
      client_id: record.client_id,
      client_name: clientName(state, record.client_id),
      site_id: record.site_id,
      site_name: siteName(state, record.site_id),
      tickettype_id: record.tickettype_id,
      dateoccurred: record.dateoccurred,
      assets: record.asset_ids.map((id) => ({ id })),
    }),
    build: (input, existing) => ({
      summary: input.requiredString('summary', existing?.summary),
      details: input.string('details') ?? existing?.details ?? '',
      ...readPlace(state, input, existing),
      tickettype_id: input.integer('tickettype_id') ?? existing?.tickettype_id ?? 1,
      asset_ids: readAssets(state, input) ?? existing?.asset_ids ?? [],
      dateoccurred: existing?.dateoccurred ?? state.clock.isoNow(),
    }),
    remove: (record) => state.tickets.delete(record.id),
  };
}

function readPlace(state: HaloState, input: ElementReader, existing: TicketRecord | undefined): { client_id: number; site_id: number } {
  const siteId = input.integer('site_id');
  const clientId = input.integer('client_id');
  if (siteId) {
    const site = state.sites.get(siteId);
    if (!site) input.fail('site_id', `Site ${siteId} does not exist.`);
    else if (clientId && clientId !== site.client_id) input.fail('client_id', `Site ${siteId} does not belong to client ${clientId}.`);
    return { client_id: site?.client_id ?? 0, site_id: siteId };
  }
  if (clientId) {
    const client = state.clients.get(clientId);
    if (!client) input.fail('client_id', `Client ${clientId} does not exist.`);
    return { client_id: clientId, site_id: client?.main_site_id ?? 0 };
  }
  if (!existing) input.fail('client_id', 'The client_id field is required.');
  return { client_id: existing?.client_id ?? 0, site_id: existing?.site_id ?? 0 };
}

function readAssets(state: HaloState, input: ElementReader): number[] | undefined {
  const items = input.list('assets');
  if (!items) return undefined;
  return items.flatMap((item) => {
    const id = item.requiredInteger('id', undefined);
    if (id === undefined) return [];
    if (!state.assets.get(id)) item.fail('id', `Asset ${id} does not exist.`);
    return [id];
  });
}
