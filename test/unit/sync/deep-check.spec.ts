import { HaloAsset } from '../../../src/halo/halo-entities';
import { deepCheck, deepCheckByPage } from '../../../src/sync/deep-check';
import { ComputerLinkState } from '../../../src/sync/plan/sync-plan-types';

const link: ComputerLinkState = {
  hid: 'pc-1',
  state: 'linked',
  haloAssetId: 20001,
  lastWritten: { customerId: 100, siteId: 5000, hostName: 'PC-1', customFields: { 301: 'pc-1', 302: 'Windows' }, inactive: false },
};
const asListed = (extra: Partial<HaloAsset> = {}): HaloAsset => ({ id: 20001, client_id: 100, site_id: 5000, assettype_id: 101, inactive: false, ...extra });

describe('deepCheck', () => {
  it('finds an untouched asset untouched, whether or not the list carries custom fields', () => {
    const withValues = asListed({ customfields: [{ id: 301, value: 'pc-1' }, { id: 302, value: 'Windows' }, { id: 350, value: 'theirs' }] });

    expect(deepCheck([link], [withValues])).toEqual({ deleted: [], edited: [] });
    expect(deepCheck([link], [asListed()])).toEqual({ deleted: [], edited: [] });
  });

  it('finds a managed custom field changed by a person when the list carries custom fields', () => {
    expect(deepCheck([link], [asListed({ customfields: [{ id: 301, value: 'pc-1' }] })]).edited).toEqual(['pc-1']);
  });

  it('finds a move or a retirement made in HaloPSA from the list alone', () => {
    expect(deepCheck([link], [asListed({ site_id: 5001 })]).edited).toEqual(['pc-1']);
    expect(deepCheck([link], [asListed({ inactive: true })]).edited).toEqual(['pc-1']);
  });

  it('finds a deleted asset', () => {
    expect(deepCheck([link], [])).toEqual({ deleted: ['pc-1'], edited: [] });
  });
});

describe('deepCheckByPage', () => {
  const links: ComputerLinkState[] = [
    link,
    { ...link, hid: 'pc-2', haloAssetId: 20002 },
    { ...link, hid: 'pc-3', haloAssetId: 20003 },
    { ...link, hid: 'pc-4', state: 'retired', haloAssetId: 20004 },
    { ...link, hid: 'pc-5', state: 'claimed', haloAssetId: null },
  ];
  const source = {
    findByAssets: async (ids: readonly number[]) => links.filter((l) => l.haloAssetId !== null && ids.includes(l.haloAssetId)),
    pages: async function* () {
      yield links.slice(0, 2);
      yield links.slice(2);
    },
  };
  async function* listed(...pages: HaloAsset[][]) {
    yield* pages;
  }

  it('finds what deepCheck finds over the whole listing, an asset listed twice once', async () => {
    const edited = asListed({ id: 20002, site_id: 9 });
    const assets = [[asListed(), edited], [], [edited, asListed({ id: 20004, inactive: true })]];
    const whole = deepCheck(links, assets.flat());
    expect(whole).toEqual({ deleted: ['pc-3'], edited: ['pc-2'] });
    expect(await deepCheckByPage(listed(...assets), source)).toEqual(whole);
  });
});
