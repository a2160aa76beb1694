export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until a refused caller may try again (0 when allowed). */
  retryAfterSeconds: number;
}

interface KeyWindows {
  /** Start of the current fixed window, in ms since the epoch. */
  start: number;
  current: number;
  previous: number;
}

/**
 * A sliding-window counter per key: the count of the current fixed window plus the previous
 * window's count weighted by how much of it the sliding window still covers. Constant time and
 * memory per key whatever the traffic (a log of every hit costs O(hits) on each request, which
 * is what throttling libraries that keep timestamps pay). Refused requests are not counted, so a
 * client that keeps knocking is let in again as its earlier requests slide out of the window.
 */
export class SlidingWindowRateLimiter {
  private readonly windows = new Map<string, KeyWindows>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError('limit must be a positive integer');
    if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
  }

  hit(key: string, now: number): RateLimitDecision {
    const windowStart = now - (now % this.windowMs);
    this.sweep(windowStart);
    let entry = this.windows.get(key);
    if (!entry) {
      entry = { start: windowStart, current: 0, previous: 0 };
      this.windows.set(key, entry);
    } else if (entry.start !== windowStart) {
      entry.previous = entry.start === windowStart - this.windowMs ? entry.current : 0;
      entry.current = 0;
      entry.start = windowStart;
    }
    const elapsed = now - windowStart;
    const previousWeight = 1 - elapsed / this.windowMs;
    if (entry.previous * previousWeight + entry.current + 1 <= this.limit) {
      entry.current += 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: this.secondsUntilRoom(entry, now) };
  }

  /** Keys tracked now; stale ones are dropped once per window. */
  get size(): number {
    return this.windows.size;
  }

  /** When the weighted count first leaves room for one more request. */
  private secondsUntilRoom(entry: KeyWindows, now: number): number {
    const room = this.limit - 1;
    let waitMs: number;
    if (entry.current <= room) {
      // Within this window: previous × (1 − t/W) + current ≤ limit − 1.
      const t = this.windowMs * (1 - (room - entry.current) / entry.previous);
      waitMs = entry.start + t - now;
    } else {
      // Not before the next window, where this window's count becomes the weighted one.
      const t = this.windowMs * (1 - room / entry.current);
      waitMs = entry.start + this.windowMs + t - now;
    }
    return Math.max(1, Math.ceil(waitMs / 1000));
  }

  private sweep(windowStart: number): void {
    if (windowStart === this.lastSweep) return;
    this.lastSweep = windowStart;
    for (const [key, entry] of this.windows) {
      if (entry.start < windowStart - this.windowMs) this.windows.delete(key);
    }
  }
}
