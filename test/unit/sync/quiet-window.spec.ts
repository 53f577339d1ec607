import { inQuietWindow } from '../../../src/sync/quiet-window';

describe('quiet window', () => {
  const overnight = { start: '22:00', end: '06:00', timeZone: 'Europe/London' };

  it.each([
    ['2026-01-15T23:30:00Z', true],
    ['2026-01-15T05:59:00Z', true],
    ['2026-01-15T06:00:00Z', false],
    ['2026-01-15T12:00:00Z', false],
    ['2026-07-15T21:30:00Z', true],
  ])('at %s (London) quiet: %s', (instant, quiet) => {
    expect(inQuietWindow(overnight, new Date(instant))).toBe(quiet);
  });

  it('has none when no window is set', () => {
    expect(inQuietWindow(null, new Date())).toBe(false);
  });
});
