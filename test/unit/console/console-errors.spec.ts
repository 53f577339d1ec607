import { ConsoleError, ConsoleErrorKind, describeConsoleErrorBody, scrubSecrets } from '../../../src/console/console-errors';

describe('describeConsoleErrorBody', () => {
  it.each<[string, string, string | undefined]>([
    ['an OAuth error', '{"error":"invalid_grant","error_description":"The user name or password is incorrect."}', 'The user name or password is incorrect. (invalid_grant)'],
    ['an OAuth error without description', '{"error":"invalid_client"}', 'invalid_client'],
    ['an ASP.NET Message', '{"Message":"Authorization has been denied for this request."}', 'Authorization has been denied for this request.'],
    ['a lower-case message', '{"message":"Computer not found"}', 'Computer not found'],
    ['a Message with ExceptionMessage', '{"Message":"An error has occurred.","ExceptionMessage":"Timeout expired"}', 'An error has occurred. Timeout expired'],
    ['a JSON string', '"Plain JSON string"', 'Plain JSON string'],
    ['text', 'Service Unavailable (simulated fault)', 'Service Unavailable (simulated fault)'],
    ['text with newlines', 'Bad\n\n  Gateway', 'Bad Gateway'],
    ['an HTML page with a title', '<html><head><title>502 Bad Gateway</title></head><body>...</body></html>', '502 Bad Gateway'],
    ['an HTML page without a title', '<html><body>oops</body></html>', undefined],
    ['an empty body', '   ', undefined],
    ['an object without a known field', '{"Code":17}', undefined],
  ])('reads %s', (_name, body, expected) => {
    expect(describeConsoleErrorBody(body)).toBe(expected);
  });

  it('shortens long text', () => {
    const text = describeConsoleErrorBody('x'.repeat(5000));
    expect(text).toHaveLength(300);
    expect(text?.endsWith('...')).toBe(true);
  });

  it('redacts secrets before shortening, so not even a prefix survives', () => {
    const password = 'p@ss"w\\rd-0123456789';
    const body = JSON.stringify({ Message: `${'x'.repeat(280)} bad password ${password}` });
    const text = describeConsoleErrorBody(body, [password]) ?? '';
    expect(text).not.toContain('p@ss');
    expect(describeConsoleErrorBody(JSON.stringify({ Message: `echo ${password}` }), [password])).toBe('echo [redacted]');
  });
});

describe('scrubSecrets', () => {
  it('replaces every occurrence and ignores empty or tiny secrets', () => {
    expect(scrubSecrets('a-TOKEN-b-TOKEN', ['TOKEN', undefined, '', 'a'])).toBe('a-[redacted]-b-[redacted]');
  });
});

describe('ConsoleError', () => {
  it.each<[ConsoleErrorKind, boolean]>([
    ['invalid_credentials', false],
    ['unauthorized', false],
    ['forbidden', false],
    ['not_found', false],
    ['server', true],
    ['network', true],
    ['unexpected', false],
  ])('%s is retryable: %s', (kind, retryable) => {
    const error = new ConsoleError(kind, 'message', { status: 500 });
    expect(error.retryable).toBe(retryable);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConsoleError');
  });

  it('serialises to its public fields only', () => {
    const error = new ConsoleError('server', 'The Console failed', { status: 503, retryAfterMs: 1000, operation: 'GET /api/Companies' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ConsoleError',
      kind: 'server',
      status: 503,
      retryable: true,
      retryAfterMs: 1000,
      operation: 'GET /api/Companies',
      message: 'The Console failed',
    });
  });
});
