/** A coordinator idle this long ends; the next schedule tick or event starts it again. */
export const COORDINATOR_IDLE_MINUTES = 10;

/**
 * No wait before an event run: a change reaches HaloPSA at once, and the events that arrive while a
 * run works are synced together by the next one (histories started before this kept their 750 ms).
 */
export const EVENT_DEBOUNCE_MS = 0;

/** The change watcher continues as new after this many polls (a few thousand history events). */
export const WATCH_POLLS_PER_HISTORY = 300;
