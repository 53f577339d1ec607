import fc from 'fast-check';
import { normaliseComputerId } from '../../../src/console/computer-id';
import { AssetLike, AssetSuggestion, suggestAssets } from '../../../src/matching/asset-matching';

const HID = '7f1c2a9e-0b3d-4c55-8e21-9a6b4f0d1e22';
const OTHER_HID = '00000000-1111-2222-3333-444444444444';
const CUSTOMER = 100;
const computer = { hid: HID, hostName: 'ACME-WS-014' };

function asset(id: number, fields: Partial<AssetLike> = {}): AssetLike {
  return { id, client_id: CUSTOMER, ...fields };
}

describe('suggestAssets', () => {
  it.each<[string, AssetLike[], AssetSuggestion[]]>([
    ['nothing to suggest', [asset(1, { key_field: 'ACME-WS-015' }), asset(2, { inventory_number: 'INV-9' })], []],
    ['computer id of the same customer', [asset(1, { computerIdValue: HID })], [{ assetId: 1, reason: 'computer-id' }]],
    ['computer id with braces and upper case', [asset(1, { computerIdValue: ` {${HID.toUpperCase()}} ` })], [{ assetId: 1, reason: 'computer-id' }]],
    [
      'computer id under another customer, flagged',
      [asset(1, { client_id: 200, computerIdValue: HID })],
      [{ assetId: 1, reason: 'computer-id', customerMismatch: true }],
    ],
    [
      'a computer-id match hides host-name matches',
      [asset(1, { key_field: 'ACME-WS-014' }), asset(2, { client_id: 200, computerIdValue: HID })],
      [{ assetId: 2, reason: 'computer-id', customerMismatch: true }],
    ],
    [
      'several computer-id matches (duplicates): same customer first, then by id',
      [asset(9, { client_id: 200, computerIdValue: HID }), asset(5, { computerIdValue: HID }), asset(3, { client_id: 300, computerIdValue: HID })],
      [
        { assetId: 5, reason: 'computer-id' },
        { assetId: 3, reason: 'computer-id', customerMismatch: true },
        { assetId: 9, reason: 'computer-id', customerMismatch: true },
      ],
    ],
    ['host name in key_field, case-insensitive', [asset(1, { key_field: ' acme-ws-014 ' })], [{ assetId: 1, reason: 'host-name' }]],
    ['host name in inventory_number', [asset(1, { key_field: 'Reception PC', inventory_number: 'ACME-WS-014' })], [{ assetId: 1, reason: 'host-name' }]],
    [
      'several host-name matches, by id',
      [asset(8, { key_field: 'ACME-WS-014' }), asset(4, { inventory_number: 'acme-ws-014' })],
      [
        { assetId: 4, reason: 'host-name' },
        { assetId: 8, reason: 'host-name' },
      ],
    ],
    ['host name under another customer: not proposed', [asset(1, { client_id: 200, key_field: 'ACME-WS-014' })], []],
    ['host name on an asset linked to another computer: not proposed', [asset(1, { key_field: 'ACME-WS-014', computerIdValue: OTHER_HID })], []],
    ['host name on an asset with an empty computer id: proposed', [asset(1, { key_field: 'ACME-WS-014', computerIdValue: '  ' })], [{ assetId: 1, reason: 'host-name' }]],
    ['null fields are fine', [asset(1, { key_field: null, inventory_number: null, computerIdValue: null })], []],
    ['an asset listed twice is suggested once', [asset(1, { key_field: 'ACME-WS-014' }), asset(1, { key_field: 'ACME-WS-014' })], [{ assetId: 1, reason: 'host-name' }]],
  ])('%s', (_name, assets, expected) => {
    expect(suggestAssets(computer, assets, CUSTOMER)).toEqual(expected);
  });

  it('suggests nothing by host name for an empty host name', () => {
    expect(suggestAssets({ hid: HID, hostName: '  ' }, [asset(1, { key_field: '' }), asset(2, { inventory_number: ' ' })], CUSTOMER)).toEqual([]);
  });

  it('matches no empty computer id', () => {
    expect(suggestAssets({ hid: '', hostName: 'X' }, [asset(1, { computerIdValue: '' })], CUSTOMER)).toEqual([]);
  });

  describe('properties', () => {
    const hid = fc.constantFrom(HID, OTHER_HID, `{${HID.toUpperCase()}}`);
    const host = fc.constantFrom('ACME-WS-014', 'acme-ws-014', 'ACME-WS-015', ' Acme-Ws-014 ', '');
    const anAsset = fc.record(
      {
        id: fc.integer({ min: 1, max: 30 }),
        client_id: fc.constantFrom(CUSTOMER, 200),
        key_field: fc.option(host, { nil: undefined }),
        inventory_number: fc.option(host, { nil: undefined }),
        computerIdValue: fc.option(hid, { nil: undefined }),
      },
      { requiredKeys: ['id', 'client_id'] },
    );
    const assets = fc.array(anAsset, { maxLength: 15 });

    it('suggests each asset once; all of one reason; computer-id matches carry the HID; host-name matches are the customer’s', () => {
      fc.assert(
        fc.property(assets, (list) => {
          const result = suggestAssets(computer, list, CUSTOMER);
          expect(new Set(result.map((s) => s.assetId)).size).toBe(result.length);
          expect(new Set(result.map((s) => s.reason)).size).toBeLessThanOrEqual(1);
          const first = (id: number) => list.find((a) => a.id === id)!;
          for (const s of result) {
            const a = first(s.assetId);
            if (s.reason === 'computer-id') {
              expect(normaliseComputerId(a.computerIdValue)).toBe(HID);
              expect(s.customerMismatch === true).toBe(a.client_id !== CUSTOMER);
            } else {
              expect(a.client_id).toBe(CUSTOMER);
              expect(s.customerMismatch).toBeUndefined();
            }
          }
          // An id listed twice is read from its first occurrence.
          const anyHid = list.some((a, i) => list.findIndex((b) => b.id === a.id) === i && normaliseComputerId(a.computerIdValue) === HID);
          if (anyHid) expect(result[0]?.reason).toBe('computer-id');
        }),
      );
    });

    it('does not depend on the order of the assets (when ids are unique)', () => {
      fc.assert(
        fc.property(fc.uniqueArray(anAsset, { selector: (a) => a.id, maxLength: 15 }), (list) => {
          expect(suggestAssets(computer, [...list].reverse(), CUSTOMER)).toEqual(suggestAssets(computer, list, CUSTOMER));
        }),
      );
    });
  });
});

describe('normaliseComputerId', () => {
  it.each<[string | null | undefined, string]>([
    [HID, HID],
    [`{${HID.toUpperCase()}}`, HID],
    [` ${HID} `, HID],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (input, expected) => expect(normaliseComputerId(input)).toBe(expected));
});
