import { HaloState } from '../../state/halo-state';
import { FieldInfoRecord } from '../../state/records';
import { sameFieldName, toFieldInfoName } from '../custom-field-values';
import { ElementReader } from '../element-reader';
import { HaloResource } from '../halo-resource';
import { integerParam } from '../list-query';

/**
 * `/api/FieldInfo` (custom field definitions): a bare array, `?typeid=` filters by `usage`.
 * Names are stored with the `CF` prefix, unique per usage (case-insensitively); name, type and
 * usage cannot change after creation. Deleting a field removes its values from every record.
 */
export function createFieldInfoResource(state: HaloState): HaloResource<FieldInfoRecord> {
  return {
    entity: 'FieldInfo',
    table: state.fieldInfos,
    filter: (records, query) => {
      const typeId = integerParam(query, 'typeid');
      return typeId === undefined ? records : records.filter((field) => field.usage === typeId);
    },
    present: (record) => ({ ...record }),
    build: (input, existing, earlier) => {
      const sentName = input.requiredString('name', existing?.name);
      const draft: Omit<FieldInfoRecord, 'id'> = {
        name: existing?.name ?? toFieldInfoName(sentName),
        label: input.string('label') ?? existing?.label ?? sentName,
        type: input.integer('type') ?? existing?.type ?? 0,
        usage: input.requiredInteger('usage', existing?.usage) ?? 0,
        searchable: input.boolean('searchable') ?? existing?.searchable ?? false,
      };
      if (existing) refuseImmutableChanges(input, existing, sentName, draft);
      else if (sentName !== '') refuseDuplicateName(state, input, draft, earlier);
      return draft;
    },
    remove: (record) => {
      state.fieldInfos.delete(record.id);
      const strip = <R extends { customfields: { id: number }[] }>(row: R): R => ({
        ...row,
        customfields: row.customfields.filter((value) => value.id !== record.id),
      });
      state.assets.all().forEach((asset) => state.assets.replace(strip(asset)));
      state.clients.all().forEach((client) => state.clients.replace(strip(client)));
    },
  };
}

function refuseImmutableChanges(input: ElementReader, existing: FieldInfoRecord, sentName: string, draft: Omit<FieldInfoRecord, 'id'>): void {
  if (input.has('name') && !sameFieldName(sentName, existing.name)) input.fail('name', 'The name of a custom field cannot be changed.');
  if (input.has('type') && draft.type !== existing.type) input.fail('type', 'The type of a custom field cannot be changed.');
  if (input.has('usage') && draft.usage !== existing.usage) input.fail('usage', 'The usage of a custom field cannot be changed.');
}

function refuseDuplicateName(
  state: HaloState,
  input: ElementReader,
  draft: Omit<FieldInfoRecord, 'id'>,
  earlier: readonly Omit<FieldInfoRecord, 'id'>[],
): void {
  const clash = (other: Omit<FieldInfoRecord, 'id'>) => other.usage === draft.usage && sameFieldName(other.name, draft.name);
  if (state.fieldInfos.all().some(clash) || earlier.some(clash)) {
    input.fail('name', `A custom field named ${draft.name} already exists for usage ${draft.usage}.`);
  }
}
