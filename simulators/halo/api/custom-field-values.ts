import { EntityTable } from '../state/entity-table';
import { CustomFieldValue, FieldInfoRecord } from '../state/records';
import { ElementReader, JsonObject } from './element-reader';

/** Halo stores a custom field under its name with a `CF` prefix: `ComputerId` → `CFComputerId`. */
export function toFieldInfoName(name: string): string {
  return /^cf/i.test(name) ? name : `CF${name}`;
}

/** Custom field names are compared case-insensitively, with or without the `CF` prefix. */
export function sameFieldName(a: string, b: string): boolean {
  return toFieldInfoName(a).toLowerCase() === toFieldInfoName(b).toLowerCase();
}

/**
 * Reads `customfields: [{id | name, value}]` of a record of table `usage`; undefined when not sent.
 * What is sent is laid over `kept` (empty: the sent set replaces the record's whole set); an empty
 * or null value leaves the field out.
 */
export function readCustomFieldValues(
  input: ElementReader,
  usage: number,
  fieldInfos: EntityTable<FieldInfoRecord>,
  kept: readonly CustomFieldValue[] = [],
): CustomFieldValue[] | undefined {
  const items = input.list('customfields');
  if (!items) return undefined;
  const values = new Map(kept.map((value) => [value.id, value]));
  for (const item of items) {
    const field = resolveField(item, usage, fieldInfos);
    const value = item.scalar('value');
    if (!field) continue;
    if (value === undefined || value === '') values.delete(field.id);
    else values.set(field.id, { id: field.id, value });
  }
  return [...values.values()];
}

function resolveField(item: ElementReader, usage: number, fieldInfos: EntityTable<FieldInfoRecord>): FieldInfoRecord | undefined {
  const id = item.integer('id');
  const name = item.string('name');
  let field: FieldInfoRecord | undefined;
  if (id !== undefined && id !== 0) field = fieldInfos.get(id);
  else if (name !== undefined) field = fieldInfos.all().find((candidate) => candidate.usage === usage && sameFieldName(candidate.name, name));
  else {
    if (!item.has('id') || id === 0) item.fail('id', 'A custom field needs its id or its name.');
    return undefined;
  }
  if (field?.usage === usage) return field;
  item.fail(id ? 'id' : 'name', `No custom field ${id || `"${name}"`} exists for this entity (usage ${usage}).`);
  return undefined;
}

export function presentCustomFields(values: readonly CustomFieldValue[], fieldInfos: EntityTable<FieldInfoRecord>): JsonObject[] {
  return values.map(({ id, value }) => {
    const field = fieldInfos.get(id);
    return { id, name: field?.name ?? '', label: field?.label ?? '', value };
  });
}
