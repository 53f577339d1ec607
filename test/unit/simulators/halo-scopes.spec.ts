import { capabilitiesOf, describeCapabilities, intersect, splitScopes, unknownScopes } from '../../../simulators/halo/auth/scopes';

const strict = { allStandardCanConfigure: false };

describe('Halo scopes', () => {
  it('knows Halo scope names and nothing else', () => {
    expect(unknownScopes(splitScopes(' all  all:standard admin read:assets edit:customers read:kb '))).toEqual([]);
    expect(unknownScopes(['read:assets', 'write:assets', 'edit:everything', 'ALL'])).toEqual(['write:assets', 'edit:everything', 'ALL']);
  });

  it('lets edit:X imply read:X, and all imply everything', () => {
    expect([...capabilitiesOf(['edit:assets'], strict)].sort()).toEqual(['edit:assets', 'read:assets']);
    expect(capabilitiesOf(['all'], strict).has('admin')).toBe(true);
    expect(capabilitiesOf(['all:standard'], strict).has('admin')).toBe(false);
    expect(capabilitiesOf(['all:standard'], { allStandardCanConfigure: true }).has('admin')).toBe(true);
  });

  it('intersects requested and allowed scopes and names the result in the shortest way', () => {
    const describe = (requested: string, allowed: string) =>
      describeCapabilities(intersect(capabilitiesOf(splitScopes(requested), strict), capabilitiesOf(splitScopes(allowed), strict)));
    expect(describe('all', 'all')).toBe('all');
    expect(describe('all', 'all:standard')).toBe('all:standard');
    expect(describe('all', 'read:customers edit:assets')).toBe('read:customers edit:assets');
    expect(describe('edit:assets', 'read:assets')).toBe('read:assets');
    expect(describe('admin read:tickets', 'all')).toBe('read:tickets admin');
    expect(describe('edit:tickets', 'read:assets')).toBe('');
  });
});
