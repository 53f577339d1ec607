import { parseJsonBody, SimRequest, SimResponse } from '../../shared/http-kit';
import { HttpError, notFound } from '../http-error';
import { HaloRecord } from '../state/entity-table';
import { ElementReader, FieldErrors, isJsonObject } from './element-reader';
import { HaloResource } from './halo-resource';

interface Target<R> {
  input: ElementReader;
  existing: R | undefined;
}

/**
 * `POST /X`: a JSON array only. An element without `id` (or `id: 0`) is created; one with an
 * existing id is updated with the fields sent; an unknown non-zero id is a 404. The batch is
 * all-or-nothing: every element is checked before anything is saved. One element → the saved
 * object; several → an array in the same order.
 */
export function saveBatch<R extends HaloRecord>(resource: HaloResource<R>, req: SimRequest): SimResponse {
  const body = parseJsonBody(req);
  if (!Array.isArray(body)) {
    throw new HttpError(400, { $: [`The JSON value could not be converted to a list of ${resource.entity}: send a JSON array.`] });
  }
  if (body.length === 0) throw new HttpError(400, { $: ['The list is empty.'] });

  const errors = new FieldErrors();
  const targets = body.map((element, index) => resolveTarget(resource, element, index, errors));
  const earlier: Omit<R, 'id'>[] = [];
  const plans = targets.flatMap((target) => {
    if (!target) return [];
    const values = resource.build(target.input, target.existing, earlier);
    earlier.push(values);
    return [{ existing: target.existing, values }];
  });
  if (!errors.isEmpty) throw new HttpError(400, errors.toBody());

  const saved = plans.map(({ existing, values }) => {
    if (existing) return resource.table.replace({ id: existing.id, ...values } as R);
    const created = resource.table.insert(values);
    return resource.afterCreate ? resource.afterCreate(created) : created;
  });
  const answers = saved.map((record) => resource.present(record));
  return { status: 200, body: answers.length === 1 ? answers[0] : answers };
}

function resolveTarget<R extends HaloRecord>(
  resource: HaloResource<R>,
  element: unknown,
  index: number,
  errors: FieldErrors,
): Target<R> | undefined {
  if (!isJsonObject(element)) {
    errors.add(`[${index}]`, 'The value must be a JSON object.');
    return undefined;
  }
  const input = new ElementReader(element, `[${index}]`, errors);
  const id = input.integer('id');
  if (input.has('id') && id === undefined) return undefined; // not an integer: reported by the reader
  if (!id) return { input, existing: undefined };
  const existing = resource.table.get(id);
  if (!existing) throw notFound(resource.entity, id);
  return { input, existing };
}
