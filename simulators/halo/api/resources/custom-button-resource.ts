import { HaloState } from '../../state/halo-state';
import { CustomButtonRecord } from '../../state/records';
import { JsonObject } from '../element-reader';
import { HaloResource } from '../halo-resource';
import { integerParam } from '../list-query';

/** `/api/CustomButton`: a bare array, `?typeid=` filters by `usage` (5 = asset). */
export function createCustomButtonResource(state: HaloState): HaloResource<CustomButtonRecord> {
  return {
    entity: 'CustomButton',
    table: state.customButtons,
    filter: (records, query) => {
      const typeId = integerParam(query, 'typeid');
      return typeId === undefined ? records : records.filter((button) => button.usage === typeId);
    },
    present: presentCustomButton,
    build: (input, existing) => {
      const name = input.requiredString('name', existing?.name);
      return {
        usage: input.requiredInteger('usage', existing?.usage) ?? 0,
        name,
        label: input.string('label') ?? existing?.label ?? name,
        seq: input.integer('seq') ?? existing?.seq ?? 1,
        icon: input.string('icon') ?? existing?.icon ?? '',
        url: input.string('url') ?? existing?.url ?? '',
        newtab: input.boolean('newtab') ?? existing?.newtab ?? false,
        msid: input.integer('msid') ?? existing?.msid ?? 0,
      };
    },
    remove: (record) => state.customButtons.delete(record.id),
  };
}

export function presentCustomButton(record: CustomButtonRecord): JsonObject {
  return { ...record };
}
