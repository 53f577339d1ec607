import { haloUrlsFromInput, sameHaloInstance } from '../../../src/integrations/halo-urls';

describe('Halo URLs from what the administrator typed', () => {
  it.each([
    ['https://acme.halopsa.com', undefined, 'https://acme.halopsa.com/api', 'https://acme.halopsa.com/auth'],
    ['https://acme.halopsa.com/', undefined, 'https://acme.halopsa.com/api', 'https://acme.halopsa.com/auth'],
    ['https://acme.halopsa.com/api/', undefined, 'https://acme.halopsa.com/api', 'https://acme.halopsa.com/auth'],
    ['https://acme.halopsa.com', 'https://auth.halopsa.com/auth/', 'https://acme.halopsa.com/api', 'https://auth.halopsa.com/auth'],
    ['  https://halo.example.com/psa  ', undefined, 'https://halo.example.com/psa/api', 'https://halo.example.com/psa/auth'],
  ])('%s (auth %s) → %s, %s', (halo, auth, resource, authServer) => {
    expect(haloUrlsFromInput(halo, auth)).toEqual({ resourceServerUrl: resource, authServerUrl: authServer });
  });

  it('treats the same resource server in another case as the same instance', () => {
    expect(sameHaloInstance('https://ACME.halopsa.com/api', 'https://acme.halopsa.com/api')).toBe(true);
    expect(sameHaloInstance('https://acme.halopsa.com/api', 'https://other.halopsa.com/api')).toBe(false);
  });
});
