import { disableReason, nextAttemptAt, RetrySchedule } from './retry-schedule';

const HOUR = 3_600_000;
const DAY_SCHEDULE: RetrySchedule = { initialMs: 30_000, maxMs: 4 * HOUR, windowMs: 24 * HOUR };
const T0 = new Date('2026-11-30T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('nextAttemptAt', () => {
  it.each([
    // failed attempts, now (ms after the first), random, expected wait (ms) or null
    [1, 0, 0, 15_000],
    [1, 0, 0.5, 22_500],
    [2, 30_000, 0, 30_000],
    [3, 90_000, 0.5, 90_000],
    [10, HOUR, 0, 2 * HOUR], // 30 s·2^9 = 4.27 h, capped at 4 h, halved by jitter
    [10, HOUR, 0.5, 3 * HOUR],
    [20, 20 * HOUR, 0, 2 * HOUR], // 22 h: still inside the day
    [20, 21.5 * HOUR, 0.5, null], // 24.5 h: past the window
  ])('after %i failures at +%i ms (random %d) waits %p', (failed, nowMs, random, wait) => {
    const next = nextAttemptAt(DAY_SCHEDULE, failed, T0, at(nowMs), random);
    expect(next === null ? null : next.getTime() - at(nowMs).getTime()).toBe(wait);
  });

  it('spreads the default schedule over about a day (16 attempts at the mean jitter)', () => {
    let now = T0;
    let attempts = 1;
    for (let next = nextAttemptAt(DAY_SCHEDULE, 1, T0, now, 0.5); next; attempts++) {
      now = next;
      next = nextAttemptAt(DAY_SCHEDULE, attempts + 1, T0, now, 0.5);
    }
    expect(attempts).toBe(16);
    expect(now.getTime() - T0.getTime()).toBeGreaterThan(20 * HOUR);
    expect(now.getTime() - T0.getTime()).toBeLessThanOrEqual(24 * HOUR);
  });
});

describe('disableReason', () => {
  const policy = { afterExhaustedDeliveries: 3, afterFailingMs: 5 * 24 * HOUR };
  it.each([
    ['healthy', 0, null, 0, null],
    ['two exhausted', 2, T0, HOUR, null],
    ['three exhausted', 3, T0, HOUR, '3 deliveries in a row failed after every retry'],
    ['failing four days', 0, T0, 4 * 24 * HOUR, null],
    [
      'failing five days',
      1,
      T0,
      5 * 24 * HOUR,
      'every attempt failed since 2026-11-30T00:00:00.000Z',
    ],
  ])('%s', (_, exhausted, since, nowMs, reason) => {
    expect(
      disableReason(
        policy,
        { exhaustedInARow: exhausted as number, failingSince: since as Date | null },
        at(nowMs as number),
      ),
    ).toBe(reason);
  });
});
