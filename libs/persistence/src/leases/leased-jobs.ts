import { Logger } from '@nestjs/common';
import { leasedJobRunsTotal } from '@sales-suite/observability';
// The background folder only, not the platform index: that one loads this library's module.
import { WakeableLoop } from '@sales-suite/platform/background';
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
  private readonly loop: WakeableLoop;

  constructor(
    private readonly keeper: LeaseKeeper,
    private readonly jobs: LeasedJobs,
    context: string,
  ) {
    this.logger = new Logger(context);
    this.loop = new WakeableLoop(
      {
        name: context,
        idleMs: LEASED_JOB_POLL_MS,
        backoff: { initialMs: LEASED_JOB_POLL_MS, maxMs: 2 * LEASED_JOB_POLL_MS },
      },
      () => this.claim(),
    );
  }

  /** True once shutdown began: a running job stops at its next batch and stays unfinished. */
  get stopping(): boolean {
    return this.loop.stopping;
  }

  start(): void {
    this.loop.start();
  }

  /** Looks for jobs now instead of at the next poll (call after creating one). */
  wake(): void {
    this.loop.wake();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.allSettled(this.running.values());
  }

  private async claim(): Promise<void> {
    if (this.running.size >= this.jobs.concurrency) return;
    const ids = (await this.jobs.unfinished()).filter((id) => !this.running.has(id));
    if (ids.length === 0) return;
    const owners = await this.keeper.leases.live(this.jobs.prefix);
    const { owner } = this.keeper.leases;
    for (const id of claimableJobs(ids, owners, this.jobs.prefix, owner)) {
      if (this.stopping || this.running.size >= this.jobs.concurrency) return;
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
  private readonly loop: WakeableLoop;

  constructor(
    private readonly keeper: LeaseKeeper,
    readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
    this.loop = new WakeableLoop({ name, idleMs: intervalMs }, () => this.runIfHeld());
  }

  start(): void {
    this.keeper.want(this.name);
    this.loop.start(this.intervalMs);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.keeper.give(this.name).catch(() => undefined);
  }

  private async runIfHeld(): Promise<void> {
    if (!this.keeper.has(this.name)) return;
    try {
      await this.task();
      leasedJobRunsTotal.inc({ job: this.name, outcome: 'completed' });
    } catch (error) {
      // Each failure is logged: sweeps are minutes apart. The next sweep is the retry.
      leasedJobRunsTotal.inc({ job: this.name, outcome: 'failed' });
      this.logger.warn(`${this.name} will run again: ${(error as Error).message}`);
    }
  }
}
