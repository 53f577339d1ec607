import { JoinColumns } from '../../../src/inventory/join-columns';

describe('JoinColumns', () => {
  it('gives back every license id exactly as set, packed GUIDs and other forms alike, across growth', () => {
    const columns = new JoinColumns();
    const ids = Array.from({ length: 300 }, (_, i) => {
      const hex = i.toString(16).padStart(12, '0');
      if (i % 3 === 0) return `0a1b2c3d-4e5f-6789-abcd-${hex}`;
      if (i % 3 === 1) return `0A1B2C3D-4E5F-6789-ABCD-${hex}`;
      return `license-${i}`;
    });
    for (const id of ids) columns.setLicenseId(columns.add(), id);
    const extra = columns.add();
    expect(ids.map((_, slot) => columns.licenseIdOf(slot))).toEqual(ids);
    expect(columns.licenseIdOf(extra)).toBeUndefined();
    expect(columns.backupStatus[extra]).toBe(0);
  });

  it('replaces a slot’s license id whatever form either is in', () => {
    const columns = new JoinColumns();
    const slot = columns.add();
    for (const id of ['ffffffff-0000-4000-8000-000000000001', '{FFFFFFFF-0000-4000-8000-000000000001}', '12345', '00000000-0000-4000-8000-00000000000f']) {
      columns.setLicenseId(slot, id);
      expect(columns.licenseIdOf(slot)).toBe(id);
    }
  });
});
