import { HaloAsset } from '../../../src/halo/halo-entities';
import { needsCurrentAsset, preservingWrite } from '../../../src/sync/preserving-write';

const asset: HaloAsset = {
  id: 20001,
  client_id: 100,
  site_id: 5000,
  assettype_id: 101,
  fields: [
    { id: 1, value: 'old-name' },
    { id: 7, value: 'SN-123' },
  ],
  customfields: [
    { id: 301, value: 'pc-1' },
    { id: 350, value: 'set by a person' },
  ],
};

describe('preservingWrite', () => {
  it('sends back every value the asset holds that the write does not set', () => {
    const write = preservingWrite({ id: 20001, site_id: 5001, customfields: [{ id: 301, value: 'pc-1' }, { id: 302, value: 'Windows' }] }, asset, undefined);

    expect(write).toEqual({
      id: 20001,
      site_id: 5001,
      customfields: [
        { id: 350, value: 'set by a person' },
        { id: 301, value: 'pc-1' },
        { id: 302, value: 'Windows' },
      ],
    });
  });

  it("puts a new host name into the key field of the asset's own type, keeping its other fields", () => {
    const write = preservingWrite({ id: 20001, fields: [{ id: 2, value: 'new-name' }] }, asset, { keyFieldId: 1, hostName: 'new-name' });

    expect(write.fields).toEqual([
      { id: 7, value: 'SN-123' },
      { id: 1, value: 'new-name' },
    ]);
  });

  it('sends no fields when the asset type has no key field', () => {
    expect(preservingWrite({ id: 20001, fields: [{ id: 2, value: 'x' }] }, asset, { keyFieldId: null, hostName: 'x' })).toEqual({ id: 20001 });
  });
});

describe('needsCurrentAsset', () => {
  it('is true for an update that sends a list or a host name, never for a create or a bare retirement', () => {
    expect(needsCurrentAsset({ id: 1, customfields: [] }, false)).toBe(true);
    expect(needsCurrentAsset({ id: 1, fields: [] }, false)).toBe(true);
    expect(needsCurrentAsset({ id: 1 }, true)).toBe(true);
    expect(needsCurrentAsset({ id: 1, inactive: true }, false)).toBe(false);
    expect(needsCurrentAsset({ customfields: [] }, true)).toBe(false);
  });
});
