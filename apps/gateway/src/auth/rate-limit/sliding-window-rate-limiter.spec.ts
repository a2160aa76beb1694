import { SlidingWindowRateLimiter } from './sliding-window-rate-limiter';

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
});
