import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ErrorCode, RescoreJobStatus, RescoreJobView } from '@sales-suite/contracts';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { LeadDraft } from '../leads/lead-draft';
import { LeadEventStore } from '../leads/lead-event.store';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';

const BATCH_SIZE = 1000;
const PARALLEL_BATCHES = 2;
export const RESCORE_ACTOR = 'rescore-job';

const leadsRescoredTotal = new Counter({
  name: 'lead_funnel_leads_rescored_total',
  help: 'Leads re-scored by background jobs after a scoring model change',
});

interface JobRow {
  id: string;
  model_version: number;
  status: RescoreJobStatus;
  total: number;
  processed: number;
  created_at: Date;
  finished_at: Date | null;
  error: string | null;
}

/**
 * Re-scores every lead under a new model version in the background, in batches by lead id: each
 * batch appends one ScoreChanged per lead (plus any MQL move) and updates the read model in one
 * transaction. A lead is done once its read model carries the job's model version, so a job
 * resumes after a restart where it stopped, and a newer model supersedes an older job.
 */
@Injectable()
export class RescoreJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RescoreJobs.name);
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: LeadEventStore,
    private readonly writer: LeadWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const unfinished: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM funnel.rescore_jobs WHERE status = 'running' ORDER BY created_at`,
    );
    for (const { id } of unfinished) this.start(id);
  }

  /** Creates the job for a model version (inside the transaction that saved the model). */
  async create(manager: EntityManager, modelVersion: number): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO funnel.rescore_jobs (model_version, status, total)
       SELECT $1, 'running', count(*) FROM funnel.leads
       WHERE score_model_version IS NULL OR score_model_version < $1
       RETURNING id`,
      [modelVersion],
    );
    return rows[0].id;
  }

  start(id: string): void {
    if (this.running.has(id) || this.stopped) return;
    const run = this.run(id)
      .catch(async (error: Error) => {
        this.logger.error(`Re-score job ${id} failed: ${error.message}`);
        await this.finish(id, 'failed', error.message).catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  async get(id: string): Promise<RescoreJobView> {
    const rows: JobRow[] = await this.dataSource.query(
      `SELECT * FROM funnel.rescore_jobs WHERE id = $1`,
      [id],
    );
    if (rows.length === 0)
      throw new DomainError(ErrorCode.ScoringJobNotFound, `No re-score job has the id ${id}`, {
        jobId: id,
      });
    const job = rows[0];
    return {
      id: job.id,
      modelVersion: job.model_version,
      status: job.status,
      total: job.total,
      processed: job.processed,
      progress: job.total === 0 ? 1 : Math.min(1, job.processed / job.total),
      createdAt: job.created_at.toISOString(),
      finishedAt: job.finished_at?.toISOString() ?? null,
      error: job.error,
    };
  }

  private async run(id: string): Promise<void> {
    const { modelVersion } = await this.get(id);
    let after = '00000000-0000-0000-0000-000000000000';
    while (!this.stopped) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM funnel.leads
         WHERE id > $1 AND (score_model_version IS NULL OR score_model_version < $2)
         ORDER BY id LIMIT ${BATCH_SIZE * PARALLEL_BATCHES}`,
        [after, modelVersion],
      );
      if (rows.length === 0) return this.finish(id, 'completed', null);
      const ids = rows.map((row) => row.id);
      const batches = Array.from({ length: Math.ceil(ids.length / BATCH_SIZE) }, (_, index) =>
        ids.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE),
      );
      // Batches side by side: while one waits for PostgreSQL the other computes.
      const outcomes = await Promise.all(
        batches.map((batch) =>
          retryOnConflict(() => this.rescoreBatch(id, modelVersion, batch), 20),
        ),
      );
      if (outcomes.includes('superseded')) return this.finish(id, 'superseded', null);
      after = ids[ids.length - 1];
    }
  }

  /** One batch of leads in one transaction, unless a newer model has been saved since. */
  private rescoreBatch(
    jobId: string,
    modelVersion: number,
    ids: string[],
  ): Promise<'done' | 'superseded'> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.writer.policy(manager);
      if (policy.modelVersion !== modelVersion) return 'superseded';
      const streams = await this.events.readMany(manager, ids);
      const drafts = [...streams].map(([id, stream]) => new LeadDraft(id, stream));
      for (const draft of drafts) draft.settle(policy);
      await this.writer.commit(manager, drafts, RESCORE_ACTOR);
      await manager.query(
        `UPDATE funnel.rescore_jobs SET processed = processed + $2 WHERE id = $1`,
        [jobId, drafts.length],
      );
      leadsRescoredTotal.inc(drafts.length);
      return 'done';
    });
  }

  private async finish(id: string, status: RescoreJobStatus, error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE funnel.rescore_jobs SET status = $2, error = $3, finished_at = now() WHERE id = $1`,
      [id, status, error],
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.running.values());
  }
}
