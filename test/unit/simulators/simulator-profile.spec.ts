import { consoleSettingsForProfile } from '../../../simulators/console/profile';
import { haloSettingsForProfile } from '../../../simulators/halo/profile';
import { SIMULATOR_PROFILES, simulatorProfileFrom } from '../../../simulators/profile';

describe('simulator profiles', () => {
  it('reads a profile name; absent or empty is default', () => {
    expect(simulatorProfileFrom(undefined)).toBe('default');
    expect(simulatorProfileFrom('')).toBe('default');
    expect(simulatorProfileFrom('default')).toBe('default');
    expect(simulatorProfileFrom('strict')).toBe('strict');
    expect(SIMULATOR_PROFILES).toEqual(['default', 'strict']);
  });

  it.each(['Strict', 'lenient', ' strict'])('refuses %j, naming the allowed values', (value) => {
    expect(() => simulatorProfileFrom(value)).toThrow(/default or strict/);
  });

  it('leaves HaloPSA at its defaults under default and at the least convenient answers under strict', () => {
    expect(haloSettingsForProfile('default')).toEqual({});
    expect(haloSettingsForProfile('strict')).toEqual({
      listCustomFields: 'omitted',
      undeclaredQueryParameters: 'ignored',
      partialArrayWrites: 'replace',
      searchCustomFields: 'searchable-only',
    });
    expect(consoleSettingsForProfile('default')).toEqual({});
  });
});
