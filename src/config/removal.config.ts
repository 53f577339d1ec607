import { EnvReader, positiveInt } from './env-readers';

export interface RemovalConfig {
  /** How long a removal waits for open manual actions before it finishes without them (default 7 days). */
  manualActionWaitSeconds: number;
}

export function readRemovalConfig(env: EnvReader): RemovalConfig {
  return { manualActionWaitSeconds: env.read('REMOVAL_MANUAL_ACTION_WAIT_SECONDS', positiveInt, String(7 * 24 * 3600)) };
}
