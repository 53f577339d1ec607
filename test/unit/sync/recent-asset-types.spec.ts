import { RecentAssetTypes } from '../../../activities/recent-asset-types';

describe('RecentAssetTypes', () => {
  it("reuses a run's read while fresh, per integration, and reads again once stale", async () => {
    let now = 0;
    const recent = new RecentAssetTypes(1_000, () => new Date(now));
    const read = jest.fn(async () => [{ id: 101, name: 'Server', assetgroup_id: 1 }]);
    recent.remember('a', [{ id: 102, name: 'Workstation', assetgroup_id: 1 }]);

    expect((await recent.get('a', read)).map((t) => t.id)).toEqual([102]);
    expect((await recent.get('b', read)).map((t) => t.id)).toEqual([101]);
    now = 1_000;
    expect((await recent.get('a', read)).map((t) => t.id)).toEqual([101]);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again when a type it must know (mapped since the last read) is missing', async () => {
    const recent = new RecentAssetTypes(60_000, () => new Date(0));
    const read = jest.fn(async () => [
      { id: 101, name: 'Server', assetgroup_id: 1 },
      { id: 103, name: 'Laptop', assetgroup_id: 1 },
    ]);
    recent.remember('a', [{ id: 101, name: 'Server', assetgroup_id: 1 }]);

    expect((await recent.get('a', read, [101])).map((t) => t.id)).toEqual([101]);
    expect(read).not.toHaveBeenCalled();
    expect((await recent.get('a', read, [101, 103])).map((t) => t.id)).toEqual([101, 103]);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
