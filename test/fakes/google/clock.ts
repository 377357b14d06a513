/**
 * The fake's notion of "now". Quotas, token expiry and timestamps all read it, so a test can move
 * time forward without sleeping. The base source is real time unless a test injects another one
 * (for example the sync engine's own test clock, so both sides agree on what "a minute" is).
 */
export type TimeSource = () => number;

export class FakeClock {
  private source: TimeSource;
  private offsetMs = 0;

  constructor(source: TimeSource = Date.now) {
    this.source = source;
  }

  now(): number {
    return this.source() + this.offsetMs;
  }

  /** Moves time forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`advance: ${ms} is not a finite number of ms`);
    this.offsetMs += ms;
  }

  /** A number freezes time at that epoch millisecond; a function becomes the new source. */
  set(source: number | TimeSource): void {
    this.source = typeof source === 'number' ? () => source : source;
    this.offsetMs = 0;
  }

  isoNow(): string {
    return new Date(this.now()).toISOString();
  }
}
