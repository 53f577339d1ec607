/** Pino paths whose values never reach a log line, whatever the log level. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-console-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.Password',
  '*.clientSecret',
  '*.client_secret',
  '*.secret',
  '*.apiKey',
  '*.access_token',
  '*.token',
  '*.authorization',
];

export const REDACTION_CENSOR = '[redacted]';
