import { SlidingWindowRateLimiter, WindowCount } from './sliding-window-rate-limiter';

const MINUTE = 60_000;
const T0 = 1_800_000_000_000; // a window boundary (a multiple of one minute)

function hits(limiter: SlidingWindowRateLimiter, key: string, count: number, now: number) {
  return Array.from({ length: count }, () => limiter.hit(key, now));
}

describe('SlidingWindowRateLimiter', () => {
  it('allows exactly `limit` requests in a fresh window, then refuses', () => {
    const limiter = new SlidingWindowRateLimiter(5, MINUTE);
    const decisions = hits(limiter, 'a', 7, T0 + 1000);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false]);
  });

  it('counts each key on its own', () => {
    const limiter = new SlidingWindowRateLimiter(2, MINUTE);
    hits(limiter, 'a', 2, T0);
    expect(limiter.hit('a', T0).allowed).toBe(false);
    expect(limiter.hit('b', T0).allowed).toBe(true);
  });

  it('weights the previous window by the part the sliding window still covers', () => {
    const limiter = new SlidingWindowRateLimiter(10, MINUTE);
    hits(limiter, 'a', 10, T0 + 50_000);
    // 15 s into the next window: 10 × 0.75 = 7.5 counted, so 2 more fit (7.5 + 2 ≤ 10), not 3.
    const next = hits(limiter, 'a', 3, T0 + MINUTE + 15_000);
    expect(next.map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it('forgets a window that is two windows old', () => {
    const limiter = new SlidingWindowRateLimiter(3, MINUTE);
    hits(limiter, 'a', 3, T0);
    expect(hits(limiter, 'a', 3, T0 + 2 * MINUTE).every((d) => d.allowed)).toBe(true);
  });

  it('does not count refused requests', () => {
    const limiter = new SlidingWindowRateLimiter(2, MINUTE);
    hits(limiter, 'a', 50, T0);
    // Only the 2 allowed ones weigh on the next window: at its half, 2 × 0.5 = 1, room for 1.
    expect(hits(limiter, 'a', 2, T0 + MINUTE + 30_000).map((d) => d.allowed)).toEqual([
      true,
      false,
    ]);
  });

  it('tells a refused caller how long until there is room, and that is when room appears', () => {
    const limiter = new SlidingWindowRateLimiter(10, MINUTE);
    hits(limiter, 'a', 10, T0 + 10_000);
    const refused = limiter.hit('a', T0 + 20_000);
    expect(refused.allowed).toBe(false);
    // This window is full: room comes in the next one once 10 × (1 − t/60 s) ≤ 9, at t = 6 s.
    expect(refused.retryAfterSeconds).toBe(46);
    expect(limiter.hit('a', T0 + MINUTE + 5_000).allowed).toBe(false);
    expect(limiter.hit('a', T0 + MINUTE + 6_000).allowed).toBe(true);
  });

  it('computes the wait inside the window when the previous window is what fills it', () => {
    const limiter = new SlidingWindowRateLimiter(4, MINUTE);
    hits(limiter, 'a', 4, T0);
    // At 0 s of the next window 4 × 1 = 4 counted; room for one once 4 × (1 − t/60 s) ≤ 3: t = 15 s.
    const refused = limiter.hit('a', T0 + MINUTE);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(limiter.hit('a', T0 + MINUTE + 14_999).allowed).toBe(false);
    expect(limiter.hit('a', T0 + MINUTE + 15_000).allowed).toBe(true);
  });

  it('never asks to wait less than a second', () => {
    const limiter = new SlidingWindowRateLimiter(1, MINUTE);
    limiter.hit('a', T0);
    expect(limiter.hit('a', T0 + MINUTE + 59_990).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('drops keys that have been quiet for two windows', () => {
    const limiter = new SlidingWindowRateLimiter(5, MINUTE);
    limiter.hit('quiet', T0);
    limiter.hit('busy', T0 + MINUTE);
    expect(limiter.size).toBe(2);
    limiter.hit('busy', T0 + 2 * MINUTE);
    expect(limiter.size).toBe(1);
  });

  it('keeps constant memory per key however many requests it sees', () => {
    const limiter = new SlidingWindowRateLimiter(1_000_000, MINUTE);
    for (let i = 0; i < 300_000; i++) limiter.hit('a', T0 + (i % 60_000));
    expect(limiter.size).toBe(1);
    expect(limiter.hit('a', T0 + 59_999).allowed).toBe(true);
  });

  it('rejects a limit or window that makes no sense', () => {
    expect(() => new SlidingWindowRateLimiter(0, MINUTE)).toThrow(RangeError);
    expect(() => new SlidingWindowRateLimiter(1.5, MINUTE)).toThrow(RangeError);
    expect(() => new SlidingWindowRateLimiter(5, 0)).toThrow(RangeError);
  });

  describe('across replicas', () => {
    it.each([
      // [what, limit, reported count, its window start, hit at, allowed after the report]
      ['counts another replica’s requests in this window', 10, 8, T0, T0 + 1000, 2],
      ['weights a report of the previous window', 10, 10, T0, T0 + MINUTE + 15_000, 2],
      ['counts a report from a clock a little ahead', 10, 8, T0 + MINUTE, T0 + 59_000, 2],
      ['ignores a report older than the previous window', 10, 10, T0, T0 + 2 * MINUTE, 10],
    ])('%s', (_what, limit, count, windowStart, at, expectedAllowed) => {
      const limiter = new SlidingWindowRateLimiter(limit, MINUTE);
      limiter.addReported({ key: 'a', windowStart, count }, at);
      const allowed = hits(limiter, 'a', limit + 1, at).filter((d) => d.allowed).length;
      expect(allowed).toBe(expectedAllowed);
    });

    it('hands over what it accepted since the last report, per window, once', () => {
      const limiter = new SlidingWindowRateLimiter(100, MINUTE);
      hits(limiter, 'a', 2, T0 + 59_000);
      hits(limiter, 'b', 1, T0 + 59_500);
      hits(limiter, 'a', 3, T0 + MINUTE + 10);
      limiter.addReported({ key: 'a', windowStart: T0 + MINUTE, count: 50 }, T0 + MINUTE + 20);
      expect(limiter.takeUnreported()).toEqual<WindowCount[]>([
        { key: 'a', windowStart: T0, count: 2 },
        { key: 'a', windowStart: T0 + MINUTE, count: 3 },
        { key: 'b', windowStart: T0, count: 1 },
      ]);
      expect(limiter.takeUnreported()).toEqual([]);
      hits(limiter, 'a', 1, T0 + MINUTE + 30);
      expect(limiter.takeUnreported()).toEqual([{ key: 'a', windowStart: T0 + MINUTE, count: 1 }]);
    });

    it('reports no refused request', () => {
      const limiter = new SlidingWindowRateLimiter(2, MINUTE);
      hits(limiter, 'a', 5, T0);
      expect(limiter.takeUnreported()).toEqual([{ key: 'a', windowStart: T0, count: 2 }]);
    });

    it('spends only its share of the budget left while the others cannot see its requests', () => {
      const limiter = new SlidingWindowRateLimiter(30, MINUTE);
      // 3 replicas, 30 left: 10 here, then “come back in a second” (the next report is sooner).
      expect(hits3(limiter, 'a', 11, T0).filter((d) => d.allowed)).toHaveLength(10);
      expect(limiter.hit('a', T0, 3)).toEqual({ allowed: false, retryAfterSeconds: 1 });
      // Reported, but the report may still be on its way: the 10 still count as unseen.
      limiter.takeUnreported();
      expect(limiter.hit('a', T0 + 100, 3).allowed).toBe(false);
      // The others spent 14: 30 − 10 − 14 = 6 left; one report later 6 / 3 = 2 of them are ours.
      limiter.addReported({ key: 'a', windowStart: T0, count: 14 }, T0 + 150);
      limiter.takeUnreported();
      expect(hits3(limiter, 'a', 3, T0 + 200).map((d) => d.allowed)).toEqual([true, true, false]);
    });

    it.each([
      // [replicas, limit, requests per second, sync every ms (0: never), report latency ms
      //  (below the sync interval: NATS takes milliseconds), accepted range]
      [3, 300, 100, 100, 5, [297, 303]],
      [3, 300, 1000, 100, 5, [290, 310]],
      [3, 300, 5000, 100, 20, [285, 315]],
      [2, 60, 50, 250, 10, [57, 63]],
      [5, 1000, 2000, 100, 5, [970, 1030]],
      [1, 300, 1000, 100, 5, [300, 300]],
      [3, 300, 1000, 100, 80, [270, 330]],
      [3, 300, 100, 250, 50, [270, 330]],
      // A tiny limit: up to replicas − 1 requests are left unspent, never one too many.
      [3, 10, 10, 100, 5, [8, 10]],
      // The control: replicas that never exchange counts each accept the whole limit.
      [3, 300, 1000, 0, 0, [900, 900]],
    ])(
      '%i replicas, limit %i, %i req/s round-robin, sync every %i ms (+%i ms): accepted within %j in 6 s',
      (replicas, limit, rate, syncMs, latencyMs, [low, high]) => {
        const accepted = simulateRoundRobin({ replicas, limit, rate, syncMs, latencyMs });
        expect(accepted).toBeGreaterThanOrEqual(low);
        expect(accepted).toBeLessThanOrEqual(high);
      },
    );
  });
});

function hits3(limiter: SlidingWindowRateLimiter, key: string, count: number, now: number) {
  return Array.from({ length: count }, () => limiter.hit(key, now, 3));
}

/**
 * Replicas that exchange their counts as the gateway does (each reports every `syncMs`, heard
 * `latencyMs` later) while one client spreads requests round-robin for
 * 6 s, well inside one window. Returns how many were accepted in all.
 */
function simulateRoundRobin(setup: {
  replicas: number;
  limit: number;
  rate: number;
  syncMs: number;
  latencyMs: number;
}): number {
  const { replicas, limit, rate, syncMs, latencyMs } = setup;
  const limiters = Array.from(
    { length: replicas },
    () => new SlidingWindowRateLimiter(limit, MINUTE),
  );
  const inFlight: { deliverAt: number; from: number; counts: WindowCount[] }[] = [];

  const start = T0 + 1000;
  let accepted = 0;
  let sent = 0;
  for (let t = 0; t < 6000; t++) {
    const now = start + t;
    for (const message of inFlight.filter((m) => m.deliverAt === now))
      limiters.forEach((limiter, i) => {
        if (i === message.from) return;
        for (const count of message.counts) limiter.addReported(count, now);
      });
    // Each replica's timer runs on its own phase, as separate processes' timers do.
    limiters.forEach((limiter, from) => {
      if (syncMs > 0 && (t + Math.round((from * syncMs) / replicas)) % syncMs === 0)
        inFlight.push({ deliverAt: now + latencyMs, from, counts: limiter.takeUnreported() });
    });
    const known = syncMs > 0 ? replicas : 1;
    for (; sent < ((t + 1) * rate) / 1000; sent++)
      if (limiters[sent % replicas].hit('a', now, known).allowed) accepted++;
  }
  return accepted;
}
