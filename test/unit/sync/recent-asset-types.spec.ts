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
});
