import { Logger } from '@nestjs/common';

export interface WakeableLoopOptions {
  /** Names the loop in its log lines. */
  name: string;
  /** The wait after a pass that asks for none other (ms). */
  idleMs: number;
  /**
   * The wait after a failed pass: `initialMs`, doubled for each further failure in a row, at most
   * `maxMs`. Defaults to `idleMs` throughout.
   */
  backoff?: { initialMs: number; maxMs: number };
  /** After `stop()`, passes go on while this answers true (e.g. until a buffer is flushed). */
  drainWhile?: () => boolean;
}

/** One pass of a loop: answers the wait before the next pass in ms (0: at once), or nothing for `idleMs`. */
export type LoopPass = (loop: WakeableLoop) => Promise<number | void>;

/** The wait after `failures` failed passes in a row (≥ 1). */
export function backoffDelay(
  failures: number,
  backoff: { initialMs: number; maxMs: number },
): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(failures - 1, 30));
}

/**
 * A background loop: runs a pass, waits (up to the pass's answer, or until `wake()`), runs the next.
 * A pass that throws is logged — its message only, so a failed query's parameters never reach a
 * log line — and the loop backs off before trying again. `stop()` cuts the wait short and resolves
 * once the pass in flight has ended. A wake while a pass runs is not kept: the pass in flight is
 * the one that sees what the waker added, or the next one after the wait does.
 */
export class WakeableLoop {
  private readonly logger: Logger;
  private readonly backoff: { initialMs: number; maxMs: number };
  private running?: Promise<void>;
  private stopped = false;
  private interrupt?: () => void;
  private failed = 0;

  constructor(
    private readonly options: WakeableLoopOptions,
    private readonly pass: LoopPass,
  ) {
    this.logger = new Logger(options.name);
    this.backoff = options.backoff ?? { initialMs: options.idleMs, maxMs: options.idleMs };
  }

  /** True once `stop()` was called: a long pass checks it to end early. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Failed passes in a row, 0 after a pass that succeeded. */
  get failures(): number {
    return this.failed;
  }

  /** Starts the passes, the first one after `firstPassInMs`. Does nothing once stopped or started. */
  start(firstPassInMs = 0): void {
    if (this.stopped || this.running) return;
    this.running = this.run(firstPassInMs);
  }

  /** Ends the current wait now, so the next pass runs at once. */
  wake(): void {
    this.interrupt?.();
  }

  /** Waits `ms`, or less when woken or stopped; for passes that wait inside (e.g. to let a batch fill). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = (): void => {
        clearTimeout(timer);
        if (this.interrupt === end) this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.interrupt = end;
    });
  }

  /** Stops after the pass in flight (and the drain, if any); resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
  }

  private async run(firstPassInMs: number): Promise<void> {
    if (firstPassInMs > 0) await this.sleep(firstPassInMs);
    while (!this.stopped || (this.options.drainWhile?.() ?? false)) {
      let waitMs: number;
      try {
        waitMs = (await this.pass(this)) ?? this.options.idleMs;
        this.failed = 0;
      } catch (error) {
        waitMs = backoffDelay(++this.failed, this.backoff);
        if (this.failed === 1 || this.failed % 10 === 0)
          this.logger.warn(
            `Pass failed (${this.failed} in a row), retrying in ${waitMs} ms: ${(error as Error).message}`,
          );
      }
      if (this.stopped && !(this.options.drainWhile?.() ?? false)) break;
      await this.sleep(waitMs);
    }
  }
}
