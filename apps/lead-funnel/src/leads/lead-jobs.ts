import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { RescoreJobStatus } from '@sales-suite/contracts';
import { isTransientDatabaseError, LeasedJobRunner, LeaseKeeper } from '@sales-suite/persistence';
import { DataSource } from 'typeorm';

/** What a job table row has in common: the lifecycle columns every lead job keeps. */
export interface LeadJobRow {
  id: string;
  status: RescoreJobStatus;
  total: number;
  processed: number;
  created_at: Date;
  finished_at: Date | null;
  error: string | null;
}

/**
 * The lifecycle of a background job over the leads (re-scoring, territory reassignment): rows of
 * `table` with status 'running' are run one replica at a time under the lease `<prefix><id>`;
 * PostgreSQL away or the lease lost leaves the job running for its next holder, any other error
 * fails it. Subclasses say what one run does and how their row reads.
 */
export abstract class LeadJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly runner: LeasedJobRunner;
  private readonly logger: Logger;

  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly keeper: LeaseKeeper,
    private readonly job: { table: string; prefix: string; concurrency: number; label: string },
    name: string,
  ) {
    this.logger = new Logger(name);
    this.runner = new LeasedJobRunner(
      keeper,
      {
        prefix: job.prefix,
        concurrency: job.concurrency,
        unfinished: () => this.unfinished(),
        run: (id, lease) => this.run(id, lease),
      },
      name,
    );
  }

  /** Works on the job until it is finished (call `finish`), lost, or the runner stops. */
  protected abstract work(id: string, lease: string): Promise<void>;

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  /** Looks for the job just created now rather than at the next poll (of any replica). */
  wake(): void {
    this.runner.wake();
  }

  /** The lifecycle fields of a job's view. */
  protected lifecycle(job: LeadJobRow) {
    return {
      id: job.id,
      status: job.status,
      total: job.total,
      processed: job.processed,
      progress: job.total === 0 ? 1 : Math.min(1, job.processed / job.total),
      createdAt: job.created_at.toISOString(),
      finishedAt: job.finished_at?.toISOString() ?? null,
      error: job.error,
    };
  }

  protected async finish(
    id: string,
    lease: string,
    status: RescoreJobStatus,
    error: string | null,
  ): Promise<void> {
    await this.keeper.leases.fenced(lease, (manager) =>
      manager.query(
        `UPDATE ${this.job.table} SET status = $2, error = $3, finished_at = now() WHERE id = $1`,
        [id, status, error],
      ),
    );
  }

  private async unfinished(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM ${this.job.table} WHERE status = 'running' ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  private async run(id: string, lease: string): Promise<void> {
    try {
      await this.work(id, lease);
    } catch (error) {
      // PostgreSQL away, or the lease lost: the job stays running and is resumed.
      if (isTransientDatabaseError(error) || !this.keeper.has(lease)) throw error;
      this.logger.error(`${this.job.label} ${id} failed: ${(error as Error).message}`);
      await this.finish(id, lease, 'failed', (error as Error).message);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
