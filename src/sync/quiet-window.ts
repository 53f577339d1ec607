import { QuietWindow } from '../persistence/entities/integration.entity';

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Whether `now`, in the window's time zone, falls inside it; a window may span midnight (22:00–06:00). */
export function inQuietWindow(window: QuietWindow | null, now: Date): boolean {
  if (!window) return false;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: window.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const local = Number(parts.find((p) => p.type === 'hour')?.value) * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return start <= end ? local >= start && local < end : local >= start || local < end;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}
