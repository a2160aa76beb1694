import { Logger } from '@nestjs/common';
import { leasedJobRunsTotal } from '@sales-suite/observability';
import { claimableJobs } from './claimable-jobs';
import { LeaseKeeper } from './lease-keeper.service';

/**
 * How often a replica looks for unfinished jobs that no live lease covers: with the 10 s lease
 * TTL and 3 s renewals, the job of a replica that died is taken over within about 11 s.
 */
export const LEASED_JOB_POLL_MS = 1_000;

/** Jobs stored in a table (imports, re-score jobs), each run by one replica at a time. */
export interface LeasedJobs {
  /** Each job's lease is named `<prefix><id>`, e.g. `import:`. */
  prefix: string;
  /** At most this many jobs run at once on one replica. */
  concurrency: number;
  /** Ids of the jobs that still have work (queued or running), in the order to start them. */
  unfinished(): Promise<string[]>;
  /**
   * Does the job until it is finished, `stopping`, or its lease is lost: each of its transactions
   * checks `LeaseService.holds(manager, lease)` first and stops when it answers false. A job that
   * throws stays unfinished and is tried again (here or elsewhere) on a later poll; a job marks
   * itself failed when retrying cannot help.
   */
  run(id: string, lease: string): Promise<void>;
}

/**
 * Runs stored jobs once across replicas. Every poll, a replica takes the lease of each unfinished
 * job that no live lease covers — or that it holds already, so that a restarted replica with the
 * same `REPLICA_ID` resumes its own jobs at once instead of waiting for their leases to expire —
 * and runs it while the LeaseKeeper renews the lease; the lease is given back when the run ends.
 */
export class LeasedJobRunner {
  private readonly logger: Logger;
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;

  constructor(
    private readonly keeper: LeaseKeeper,
    private readonly jobs: LeasedJobs,
    context: string,
  ) {
    this.logger = new Logger(context);
  }

  /** True once shutdown began: a running job stops at its next batch and stays unfinished. */
  get stopping(): boolean {
    return this.stopped;
  }

  start(): void {
    this.loop = this.poll();
  }

  /** Looks for jobs now instead of at the next poll (call after creating one). */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
    await Promise.allSettled(this.running.values());
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.claim();
      } catch (error) {
        this.logger.warn(
          `Looking for ${this.jobs.prefix} jobs will retry: ${(error as Error).message}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, LEASED_JOB_POLL_MS);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async claim(): Promise<void> {
    if (this.running.size >= this.jobs.concurrency) return;
    const ids = (await this.jobs.unfinished()).filter((id) => !this.running.has(id));
    if (ids.length === 0) return;
    const owners = await this.keeper.leases.live(this.jobs.prefix);
    const { owner } = this.keeper.leases;
    for (const id of claimableJobs(ids, owners, this.jobs.prefix, owner)) {
      if (this.stopped || this.running.size >= this.jobs.concurrency) return;
      const lease = this.jobs.prefix + id;
      if (await this.keeper.take(lease)) this.launch(id, lease);
    }
  }

  private launch(id: string, lease: string): void {
    const run = this.jobs
      .run(id, lease)
      .then(
        () => true,
        (error: Error) => {
          this.logger.warn(`Job ${lease} stopped and will be resumed: ${error.message}`);
          return false;
        },
      )
      .then(async (ended) => {
        await this.keeper.give(lease).catch(() => undefined);
        this.running.delete(id);
        // The next job at once; after an error, not before the next poll.
        if (ended) this.wake();
      });
    this.running.set(id, run);
  }
}

/**
 * A periodic sweep that runs on one replica: every replica wants the lease `name`, and only the
 * one holding it runs `task` every `intervalMs`. When the holder dies, another replica wins the
 * lease within 13 s and runs the next sweep. The task is not fenced: a holder cut off from
 * PostgreSQL may finish a sweep while the next holder starts one, so a sweep must be safe to
 * overlap (idempotent updates, SKIP LOCKED); the lease only keeps replicas from repeating work.
 */
export class LeasedSchedule {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly keeper: LeaseKeeper,
    readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.keeper.want(this.name);
    this.schedule();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await this.keeper.give(this.name).catch(() => undefined);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.runIfHeld().finally(() => {
        if (this.timer) this.schedule();
      });
    }, this.intervalMs);
  }

  private async runIfHeld(): Promise<void> {
    if (!this.keeper.has(this.name)) return;
    try {
      await this.task();
      leasedJobRunsTotal.inc({ job: this.name, outcome: 'completed' });
    } catch (error) {
      leasedJobRunsTotal.inc({ job: this.name, outcome: 'failed' });
      this.logger.warn(`${this.name} will run again: ${(error as Error).message}`);
    }
  }
}
