import { json, Router, SimResponse } from '../../shared/http-kit';
import { notFound } from '../http-error';
import { HaloRecord } from '../state/entity-table';
import { HaloSettings } from '../state/halo-state';
import { HaloResource } from './halo-resource';
import { honouredQuery } from './honoured-query';
import { booleanParam, filterActive, paginate } from './list-query';
import { saveBatch } from './save-batch';

/** Halo's verbs for one entity: `GET /X`, `GET /X/{id}`, `POST /X`, `DELETE /X/{id}`; no PUT or PATCH. */
export function registerResource<R extends HaloRecord>(router: Router, resource: HaloResource<R>, settings: HaloSettings): void {
  const path = `/api/${resource.entity}`;
  router.on('GET', path, (req) => listRecords(resource, honouredQuery(settings, req.method, req.path, req.query)));
  router.on('POST', path, (req) => saveBatch(resource, req));
  router.on('GET', `${path}/:id`, (req) => {
    const record = findRecord(resource, req.params.id);
    resource.checkRead?.(record);
    return json(200, resource.present(record));
  });
  const remove = resource.remove?.bind(resource);
  if (remove) {
    router.on('DELETE', `${path}/:id`, (req) => {
      const record = findRecord(resource, req.params.id);
      remove(record);
      return json(200, { id: record.id });
    });
  }
}

function listRecords<R extends HaloRecord>(resource: HaloResource<R>, query: URLSearchParams): SimResponse {
  const active = filterActive(resource.table.all(), query);
  const records = resource.filter ? resource.filter(active, query) : active;
  const present = (record: R) => (resource.presentInList ? resource.presentInList(record, query) : resource.present(record));
  if (resource.envelopeKey === undefined) return json(200, records.map(present));
  const { recordCount, page } = paginate(records, query);
  const idOnly = booleanParam(query, 'idonly', false);
  return json(200, { record_count: recordCount, [resource.envelopeKey]: page.map((record) => (idOnly ? { id: record.id } : present(record))) });
}

function findRecord<R extends HaloRecord>(resource: HaloResource<R>, rawId: string): R {
  const record = /^\d+$/.test(rawId) ? resource.table.get(Number(rawId)) : undefined;
  if (!record) throw notFound(resource.entity, rawId);
  return record;
}
