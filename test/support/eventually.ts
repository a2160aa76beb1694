export interface EventuallyOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** Pause between two probes (ms). */
  intervalMs?: number;
  /** What is awaited, for the error when it does not come. */
  description?: string;
}

/** Probes until `accept` holds for the answer, and returns that answer. */
export function eventually<T>(
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  options?: EventuallyOptions,
): Promise<T>;
/** Checks until the check answers true. */
export function eventually(
  check: () => boolean | Promise<boolean>,
  options?: EventuallyOptions,
): Promise<boolean>;

/**
 * The one polling helper of the tests. When the time is up it throws, naming what was awaited
 * and the last answer; a probe that throws fails the wait at once.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  acceptOrOptions?: ((value: T) => boolean) | EventuallyOptions,
  options: EventuallyOptions = {},
): Promise<T> {
  const accept =
    typeof acceptOrOptions === 'function' ? acceptOrOptions : (value: T) => value === true;
  const {
    timeoutMs = 20_000,
    intervalMs = 100,
    description = 'condition',
  } = typeof acceptOrOptions === 'function' ? options : (acceptOrOptions ?? {});
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `${description} not met within ${timeoutMs} ms; last: ${JSON.stringify(value)?.slice(0, 1000)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
