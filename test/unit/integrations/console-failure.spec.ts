import { ApplicationFailure } from '@temporalio/common';
import { consoleFailure } from '../../../activities/console-failure';
import { ConsoleError } from '../../../src/console/console-errors';
import { UrlPolicyError } from '../../../src/security/url-policy';

describe('Console failures as Temporal failures', () => {
  it('stops at once on a URL the policy refuses (at connection time too), but retries a passing DNS failure', () => {
    const refused = consoleFailure(new UrlPolicyError('forbidden_address', 'console.example resolves to 169.254.169.254, a link-local address'));
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'ConsoleUrlRefused', nonRetryable: true, message: expect.stringContaining('link-local') });

    const dns = new UrlPolicyError('dns_failure', 'console.example could not be resolved just now');
    expect(consoleFailure(dns)).toBe(dns);
  });

  it('keeps ConsoleErrors typed: server and network failures retry (after Retry-After), refused credentials stop', () => {
    expect(consoleFailure(new ConsoleError('server', 'the Console answered 503', { retryAfterMs: 2_000 }))).toMatchObject({
      type: 'Console_server',
      nonRetryable: false,
      nextRetryDelay: 2_000,
    });
    expect(consoleFailure(new ConsoleError('invalid_credentials', 'the Console refused the login'))).toMatchObject({ type: 'Console_invalid_credentials', nonRetryable: true });
  });

  it('leaves other errors alone', () => {
    const other = new Error('database gone');
    expect(consoleFailure(other)).toBe(other);
  });
});
