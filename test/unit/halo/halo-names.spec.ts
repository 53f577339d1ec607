import { sameFieldName } from '../../../src/halo/halo-client';
import { haloUrlsFromBase } from '../../../src/halo/halo-connection-settings';

describe('sameFieldName', () => {
  it.each([
    ['ComputerId', 'CFComputerId'],
    ['CFComputerId', 'computerid'],
    ['computerid', 'COMPUTERID'],
    [' ComputerId ', 'cfcomputerid'],
    ['Cfg', 'CFCfg'],
  ])('matches %p and %p', (a, b) => {
    expect(sameFieldName(a, b)).toBe(true);
  });

  it.each([
    ['ComputerId', 'CFCFComputerId'],
    ['ComputerId', 'ComputerIds'],
    ['', ''],
    [null, 'x'],
    ['x', undefined],
  ])('does not match %p and %p', (a, b) => {
    expect(sameFieldName(a, b)).toBe(false);
  });
});

describe('haloUrlsFromBase', () => {
  it('derives the resource and authorisation servers, trailing slashes stripped', () => {
    expect(haloUrlsFromBase('https://acme.halopsa.com//')).toEqual({
      resourceServerUrl: 'https://acme.halopsa.com/api',
      authServerUrl: 'https://acme.halopsa.com/auth',
    });
  });
});
