/**
 * The simulator's only source of time. Tests inject `now` (or call `advance`) so that token expiry
 * and the rolling rate-limit window can be exercised without real sleeps.
 */
export class SimClock {
  private offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('The clock only moves forward');
    this.offsetMs += ms;
  }

  isoNow(): string {
    return new Date(this.now()).toISOString();
  }
}
