/** How long an export of one batch may take before the API answers 202 and leaves it running. */
export const EXPORT_WAIT_MS = 20_000;
