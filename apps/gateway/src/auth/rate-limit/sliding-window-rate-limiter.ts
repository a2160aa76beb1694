export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until a refused caller may try again (0 when allowed). */
  retryAfterSeconds: number;
}

/** Requests one replica accepted for a key in the fixed window that starts at `windowStart`. */
export interface WindowCount {
  key: string;
  windowStart: number;
  count: number;
}

interface KeyWindows {
  /** Start of the current fixed window, in ms since the epoch. */
  start: number;
  /** Accepted in the current / previous window by every replica, as far as this one knows. */
  current: number;
  previous: number;
  /** Accepted here in the current / previous window and not yet reported to the other replicas. */
  unreported: number;
  unreportedPrevious: number;
  /** What the last report held for this key, when that report is the latest one (`reports`). */
  lastReported: number;
  lastReportedIn: number;
}

/**
 * A sliding-window counter per key: the count of the current fixed window plus the previous
 * window's count weighted by how much of it the sliding window still covers. Constant time and
 * memory per key whatever the traffic (a log of every hit costs O(hits) on each request, which
 * is what throttling libraries that keep timestamps pay). Refused requests are not counted, so a
 * client that keeps knocking is let in again as its earlier requests slide out of the window.
 *
 * Across replicas (Kong's cluster policy): each replica decides from its own counts plus what the
 * others report (`addReported`), and hands what it accepted since its last report to the caller
 * (`takeUnreported`), which sends it to the others every sync interval. What a replica spends that
 * the others cannot have counted yet (since its last report, and that report while in flight) is
 * held to its share (1 / replicas) of the budget it sees left, so that replicas that cannot see
 * each other's latest requests do not all spend the same last requests. Far from the limit a
 * share is far more than an interval's traffic: only the last requests of a window are rationed.
 */
export class SlidingWindowRateLimiter {
  private readonly windows = new Map<string, KeyWindows>();
  /** Keys with requests not reported yet: a report costs what changed, not every key. */
  private readonly unreportedKeys = new Set<string>();
  private lastSweep = 0;
  /** How many reports this replica has taken so far. */
  private reports = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError('limit must be a positive integer');
    if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
  }

  /** Counts the request when the key has room; `replicas` is how many gateways share the budget. */
  hit(key: string, now: number, replicas = 1): RateLimitDecision {
    const entry = this.entryAt(key, now);
    const previousWeight = 1 - (now - entry.start) / this.windowMs;
    const weighted = entry.previous * previousWeight + entry.current;
    if (weighted + 1 > this.limit)
      return { allowed: false, retryAfterSeconds: this.secondsUntilRoom(entry, now) };
    if (replicas > 1) {
      const unseen = this.unseenByOthers(entry);
      const share = (this.limit - weighted + unseen) / replicas;
      // The next report (a fraction of a second away) gives this replica a new share.
      if (unseen + 1 > share) return { allowed: false, retryAfterSeconds: 1 };
    }
    entry.current += 1;
    entry.unreported += 1;
    this.unreportedKeys.add(key);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** Adds what another replica accepted; a count older than the previous window no longer weighs. */
  addReported({ key, windowStart, count }: WindowCount, now: number): void {
    const entry = this.entryAt(key, now);
    if (windowStart >= entry.start) entry.current += count;
    else if (windowStart === entry.start - this.windowMs) entry.previous += count;
  }

  /** What this replica accepted since the last call, for the other replicas; then forgotten. */
  takeUnreported(): WindowCount[] {
    this.reports += 1;
    const counts: WindowCount[] = [];
    for (const key of this.unreportedKeys) {
      const entry = this.windows.get(key);
      if (!entry) continue;
      if (entry.unreportedPrevious > 0)
        counts.push({
          key,
          windowStart: entry.start - this.windowMs,
          count: entry.unreportedPrevious,
        });
      if (entry.unreported > 0)
        counts.push({ key, windowStart: entry.start, count: entry.unreported });
      entry.lastReported = entry.unreported + entry.unreportedPrevious;
      entry.lastReportedIn = this.reports;
      entry.unreported = 0;
      entry.unreportedPrevious = 0;
    }
    this.unreportedKeys.clear();
    return counts;
  }

  /** Keys tracked now; stale ones are dropped once per window. */
  get size(): number {
    return this.windows.size;
  }

  /** The key's counts, moved on to the window that holds `now`. */
  private entryAt(key: string, now: number): KeyWindows {
    const windowStart = now - (now % this.windowMs);
    this.sweep(windowStart);
    let entry = this.windows.get(key);
    if (!entry) {
      entry = {
        start: windowStart,
        current: 0,
        previous: 0,
        unreported: 0,
        unreportedPrevious: 0,
        lastReported: 0,
        lastReportedIn: 0,
      };
      this.windows.set(key, entry);
    } else if (entry.start < windowStart) {
      const adjacent = entry.start === windowStart - this.windowMs;
      entry.previous = adjacent ? entry.current : 0;
      entry.unreportedPrevious = adjacent ? entry.unreported : 0;
      entry.current = 0;
      entry.unreported = 0;
      entry.start = windowStart;
    }
    return entry;
  }

  /**
   * What the other replicas may not have counted yet: the requests accepted here since the last
   * report, and those of the last report itself, which may still be on its way to them.
   */
  private unseenByOthers(entry: KeyWindows): number {
    const inFlight = entry.lastReportedIn === this.reports ? entry.lastReported : 0;
    return entry.unreported + entry.unreportedPrevious + inFlight;
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
    if (windowStart <= this.lastSweep) return;
    this.lastSweep = windowStart;
    for (const [key, entry] of this.windows) {
      if (entry.start < windowStart - this.windowMs) {
        this.windows.delete(key);
        this.unreportedKeys.delete(key);
      }
    }
  }
}
