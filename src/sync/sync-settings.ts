/** A coordinator idle this long ends; the next schedule tick or event starts it again. */
export const COORDINATOR_IDLE_MINUTES = 10;

/** Console events for the same integration arriving within this window are synced together. */
export const EVENT_DEBOUNCE_MS = 750;
