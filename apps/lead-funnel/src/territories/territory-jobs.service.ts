import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ErrorCode, RescoreJobStatus, TerritoryJobView } from '@sales-suite/contracts';
import { isTransientDatabaseError, LeasedJobRunner, LeaseKeeper } from '@sales-suite/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { LeadFunnelEnv } from '../config/lead-funnel.env';
import { LeadDraft } from '../domain/lead-draft';
import { LeadEventStore } from '../leads/lead-event.store';
import { OPEN_LEAD } from '../leads/lead-projection';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';
import { TerritoryStore } from '../settings/territory.store';

/** A newer territories version supersedes older jobs at their next batch, so few run at once. */
const JOBS_AT_ONCE = 2;

interface JobRow {
  id: string;
  territories_version: number;
  actor: string;
  status: RescoreJobStatus;
  total: number;
  processed: number;
  reassigned: number;
  created_at: Date;
  finished_at: Date | null;
  error: string | null;
}

/**
 * Reassigns the open leads after a territories change, in the background: batches of
 * `LEAD_RESCORE_BATCH_SIZE` leads in (created_at, id) order, oldest first, each one transaction
 * that appends the LeadAssigned events (reason `territory_change`), counts the batch and moves the
 * job's cursor. A newer territories version supersedes the job (its own job walks every open lead).
 *
 * Each job runs on one replica at a time, under the lease `territories:<id>`, and each batch
 * checks that this replica still holds it (fencing): a dead owner's job is taken over within 15 s
 * and resumes after the last committed batch, so `processed` stays exact.
 */
@Injectable()
export class TerritoryJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TerritoryJobs.name);
  private readonly batchSize: number;
  private readonly runner: LeasedJobRunner;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly territories: TerritoryStore,
    private readonly events: LeadEventStore,
    private readonly writer: LeadWriter,
    private readonly keeper: LeaseKeeper,
    config: ConfigService<LeadFunnelEnv, true>,
  ) {
    this.batchSize = config.get('LEAD_RESCORE_BATCH_SIZE', { infer: true });
    this.runner = new LeasedJobRunner(
      keeper,
      {
        prefix: 'territories:',
        concurrency: JOBS_AT_ONCE,
        unfinished: () => this.unfinished(),
        run: (id, lease) => this.run(id, lease),
      },
      TerritoryJobs.name,
    );
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  /** Creates the job for a territories version (inside the transaction that saved it). */
  async create(manager: EntityManager, territoriesVersion: number, actor: string): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO funnel.territory_jobs (territories_version, actor, status, total)
       SELECT $1, $2, 'running', count(*) FROM funnel.leads WHERE ${OPEN_LEAD}
       RETURNING id`,
      [territoriesVersion, actor],
    );
    return rows[0].id;
  }

  /** Looks for the job just created now rather than at the next poll (of any replica). */
  wake(): void {
    this.runner.wake();
  }

  async get(id: string): Promise<TerritoryJobView> {
    const job = await this.row(this.dataSource.manager, id);
    if (!job)
      throw new DomainError(
        ErrorCode.TerritoryJobNotFound,
        `No territory reassignment job has the id ${id}`,
        { jobId: id },
      );
    return {
      id: job.id,
      territoriesVersion: job.territories_version,
      status: job.status,
      total: job.total,
      processed: job.processed,
      reassigned: job.reassigned,
      progress: job.total === 0 ? 1 : Math.min(1, job.processed / job.total),
      createdAt: job.created_at.toISOString(),
      finishedAt: job.finished_at?.toISOString() ?? null,
      error: job.error,
    };
  }

  private async row(manager: EntityManager, id: string): Promise<JobRow | undefined> {
    const rows: JobRow[] = await manager.query(
      `SELECT * FROM funnel.territory_jobs WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  private async unfinished(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM funnel.territory_jobs WHERE status = 'running' ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  private async run(id: string, lease: string): Promise<void> {
    try {
      while (!this.runner.stopping) {
        const outcome = await retryOnConflict(() => this.reassignBatch(id, lease), 20);
        if (outcome === 'working') continue;
        if (outcome !== 'lost') await this.finish(id, lease, outcome, null);
        return;
      }
    } catch (error) {
      // PostgreSQL away, or the lease lost: the job stays running and is resumed.
      if (isTransientDatabaseError(error) || !this.keeper.has(lease)) throw error;
      this.logger.error(`Territory job ${id} failed: ${(error as Error).message}`);
      await this.finish(id, lease, 'failed', (error as Error).message);
    }
  }

  /**
   * The next batch after the job's cursor, in one transaction fenced by the lease: 'lost' when
   * this replica no longer holds it, 'superseded' when newer territories were saved, 'completed'
   * when no open lead is left after the cursor.
   */
  private async reassignBatch(
    jobId: string,
    lease: string,
  ): Promise<'working' | 'completed' | 'superseded' | 'lost'> {
    const outcome = await this.keeper.leases.fenced(lease, async (manager) => {
      const job = await this.row(manager, jobId);
      if (!job || job.status !== 'running') return 'lost';
      const current = await this.territories.current(manager);
      if (current.version !== job.territories_version) return 'superseded';
      // The cursor stays in SQL: a JavaScript Date would drop the microseconds of created_at.
      const rows: { id: string }[] = await manager.query(
        `SELECT l.id FROM funnel.leads l, funnel.territory_jobs j
         WHERE j.id = $1 AND ${OPEN_LEAD} AND (l.created_at, l.id) > (j.after_created_at, j.after_id)
         ORDER BY l.created_at, l.id LIMIT ${this.batchSize}`,
        [jobId],
      );
      if (rows.length === 0) return 'completed';
      const policy = await this.writer.policy(manager);
      const ids = rows.map((row) => row.id);
      const streams = await this.events.readMany(manager, ids);
      const drafts: LeadDraft[] = [];
      for (const id of ids) {
        const draft = new LeadDraft(id, streams.get(id) ?? []);
        if (!draft.exists) continue;
        await this.writer.assign(manager, draft, policy, 'territory_change');
        drafts.push(draft);
      }
      await this.writer.commit(manager, drafts, job.actor);
      await manager.query(
        `UPDATE funnel.territory_jobs
         SET processed = processed + $2, reassigned = reassigned + $3,
             after_created_at = (SELECT created_at FROM funnel.leads WHERE id = $4), after_id = $4
         WHERE id = $1`,
        [jobId, rows.length, drafts.filter((draft) => draft.pending.length > 0).length, ids.at(-1)],
      );
      return 'working';
    });
    return outcome ?? 'lost';
  }

  private async finish(
    id: string,
    lease: string,
    status: RescoreJobStatus,
    error: string | null,
  ): Promise<void> {
    await this.keeper.leases.fenced(lease, (manager) =>
      manager.query(
        `UPDATE funnel.territory_jobs SET status = $2, error = $3, finished_at = now() WHERE id = $1`,
        [id, status, error],
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
