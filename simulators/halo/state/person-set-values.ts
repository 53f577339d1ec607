import type { HaloState } from './halo-state';
import { AssetRecord, FieldInfoRecord, USAGE } from './records';

const SERIAL_NUMBER_FIELD = 2;
const THEIR_FIELD_NAME = 'CFWarrantyEnd';

export interface LostValue {
  assetId: number;
  field: string;
  expected: string;
  found: string | null;
}

/**
 * Values a person sets on assets in HaloPSA's screens (a serial number, and a custom field of
 * their own), written straight into the simulator's state, then checked: what tests and the
 * benchmark use to show that the service's writes lose none of them.
 */
export class PersonSetValues {
  private readonly expected = new Map<number, { serial: string; theirs: string }>();
  private readonly theirField: FieldInfoRecord;

  constructor(private readonly state: HaloState) {
    this.theirField =
      state.fieldInfos.all().find((field) => field.name === THEIR_FIELD_NAME) ??
      state.fieldInfos.insert({ name: THEIR_FIELD_NAME, label: 'Warranty end', type: 0, usage: USAGE.asset, searchable: false });
  }

  get count(): number {
    return this.expected.size;
  }

  setOn(assetId: number): void {
    const asset = this.state.assets.get(assetId);
    if (!asset) throw new Error(`No asset ${assetId} in the HaloPSA simulator`);
    const values = { serial: `SN-${asset.id}`, theirs: `theirs-${asset.id}` };
    this.state.assets.replace({
      ...asset,
      fields: [...asset.fields.filter((f) => f.id !== SERIAL_NUMBER_FIELD), { id: SERIAL_NUMBER_FIELD, value: values.serial }],
      customfields: [...asset.customfields.filter((f) => f.id !== this.theirField.id), { id: this.theirField.id, value: values.theirs }],
    });
    this.expected.set(asset.id, values);
  }

  /** Every value set that an asset no longer holds (a deleted asset loses all of them). */
  lost(): LostValue[] {
    return [...this.expected].flatMap(([assetId, values]) => {
      const asset = this.state.assets.get(assetId);
      const found = (list: AssetRecord['fields'] | undefined, id: number) => {
        const value = list?.find((f) => f.id === id)?.value;
        return value === undefined ? null : String(value);
      };
      const checks = [
        { field: 'Serial Number', expected: values.serial, found: found(asset?.fields, SERIAL_NUMBER_FIELD) },
        { field: THEIR_FIELD_NAME, expected: values.theirs, found: found(asset?.customfields, this.theirField.id) },
      ];
      return checks.filter((check) => check.found !== check.expected).map((check) => ({ assetId, ...check }));
    });
  }
}
