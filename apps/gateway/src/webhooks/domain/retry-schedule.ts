/** How deliveries are retried: exponential back-off with jitter within a window from the first attempt. */
export interface RetrySchedule {
  /** The wait after the first failed attempt (before jitter). */
  initialMs: number;
  /** The longest wait between two attempts (before jitter). */
  maxMs: number;
  /** No attempt is planned later than this after the first attempt: the delivery fails for good. */
  windowMs: number;
}

/**
 * When to try again after `failedAttempts` failed attempts (≥ 1), or null when the window is
 * spent. The wait is `min(maxMs, initialMs·2^(n−1))` scaled by a factor in [0.5, 1) ("equal
 * jitter", `random` in [0, 1)), so that the receivers of one outage are not hit all at once.
 */
export function nextAttemptAt(
  schedule: RetrySchedule,
  failedAttempts: number,
  firstAttemptAt: Date,
  now: Date,
  random: number,
): Date | null {
  const base = Math.min(schedule.maxMs, schedule.initialMs * 2 ** Math.min(failedAttempts - 1, 40));
  const at = now.getTime() + Math.round(base * (0.5 + random / 2));
  return at - firstAttemptAt.getTime() > schedule.windowMs ? null : new Date(at);
}

/** When a subscription is switched off: after this many deliveries in a row failed for good, or failing this long. */
export interface DisablePolicy {
  afterExhaustedDeliveries: number;
  afterFailingMs: number;
}

/** The reason a subscription is disabled now, or null while it may go on. */
export function disableReason(
  policy: DisablePolicy,
  state: { exhaustedInARow: number; failingSince: Date | null },
  now: Date,
): string | null {
  if (state.exhaustedInARow >= policy.afterExhaustedDeliveries)
    return `${state.exhaustedInARow} deliveries in a row failed after every retry`;
  if (state.failingSince && now.getTime() - state.failingSince.getTime() >= policy.afterFailingMs)
    return `every attempt failed since ${state.failingSince.toISOString()}`;
  return null;
}
