/** Assets per Halo POST: large enough that 10,000 computers take 100 writes, small enough for one request body. */
export const EXPORT_BATCH_SIZE = 100;

/** How long an export of one batch may take before the API answers 202 and leaves it running. */
export const EXPORT_WAIT_MS = 20_000;
