import { HaloError, HaloErrorKind } from '../../../src/halo/halo-errors';

describe('HaloError', () => {
  it.each<[HaloErrorKind, boolean]>([
    ['rate_limited', true],
    ['server', true],
    ['network', true],
    ['invalid_client', false],
    ['invalid_scope', false],
    ['bad_tenant', false],
    ['unauthorized', false],
    ['forbidden', false],
    ['not_found', false],
    ['validation', false],
    ['unexpected', false],
  ])('marks %s retryable: %p', (kind, retryable) => {
    const error = new HaloError(kind, 'x');
    expect(error.retryable).toBe(retryable);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HaloError');
  });
});
