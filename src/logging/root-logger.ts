import pino, { Logger } from 'pino';
import { LoggingConfig } from '../config/logging.config';
import { REDACTED_LOG_PATHS, REDACTION_CENSOR } from './redaction';

/** The process-wide structured logger (JSON lines on stdout). */
export function createRootLogger(config: LoggingConfig, process: 'api' | 'worker'): Logger {
  return pino({
    level: config.level,
    base: { process },
    redact: { paths: REDACTED_LOG_PATHS, censor: REDACTION_CENSOR },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
