/** A coordinator idle this long ends; the next schedule tick or event starts it again. */
export const COORDINATOR_IDLE_MINUTES = 10;

/** Console events for the same integration arriving within this window are synced together. */
export const EVENT_DEBOUNCE_MS = 750;

/** The change watcher continues as new after this many polls (a few thousand history events). */
export const WATCH_POLLS_PER_HISTORY = 300;
