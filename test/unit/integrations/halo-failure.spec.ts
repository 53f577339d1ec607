import { ApplicationFailure } from '@temporalio/common';
import { toApplicationFailure } from '../../../activities/halo-failure';
import { HaloError } from '../../../src/halo/halo-errors';
import { UrlPolicyError } from '../../../src/security/url-policy';

describe('HaloPSA failures as Temporal failures', () => {
  it('stops at once on a URL the policy refuses (at connection time too), but retries a passing DNS failure', () => {
    const refused = toApplicationFailure(new UrlPolicyError('forbidden_address', 'acme.example resolves to 127.0.0.1, a loopback address'), 1);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'HaloUrlRefused', nonRetryable: true, message: expect.stringContaining('loopback') });

    const dns = new UrlPolicyError('dns_failure', 'acme.example could not be resolved just now');
    expect(toApplicationFailure(dns, 1)).toBe(dns);
  });

  it('keeps HaloErrors typed: retryable ones retry, others stop', () => {
    expect(toApplicationFailure(new HaloError('server', 'HaloPSA answered 503'), 1)).toMatchObject({ type: 'Halo_server', nonRetryable: false });
    expect(toApplicationFailure(new HaloError('forbidden', 'HaloPSA answered 403'), 1)).toMatchObject({ type: 'Halo_forbidden', nonRetryable: true });
  });
});
