import { Connection } from '@temporalio/client';
import { TemporalConfig } from '../config/temporal.config';

/**
 * A lazy connection: the API starts (and reports Temporal as down on /health) even when
 * Temporal is unreachable, and reconnects by itself when it comes back.
 */
export function createTemporalConnection(config: TemporalConfig): Connection {
  return Connection.lazy({ address: config.address });
}
