import { Logger } from 'pino';
import { ConfigError } from './config/config-error';

/** Prints a boot failure without a stack for bad config (the message names the variable), and exits 1. */
export function exitOnBootFailure(error: unknown, logger?: Logger): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (logger) {
    logger.fatal({ err: error }, 'boot failed');
  } else {
    process.stderr.write(`Boot failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
}

/** Calls `stop` once on the first SIGINT or SIGTERM; a second signal exits at once. */
export function onShutdownSignal(logger: Logger, stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
