import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ErrorCode, RescoreJobView } from '@sales-suite/contracts';
import { LeaseKeeper } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import type { LeadFunnelEnv } from '../config/lead-funnel.env';
import { LeadDraft } from '../domain/lead-draft';
import { LeadEventStore } from '../leads/lead-event.store';
import { LeadJobRow, LeadJobs } from '../leads/lead-jobs';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';

const PARALLEL_BATCHES = 2;
/** A newer model supersedes older jobs at their next batch, so few run at once. */
const JOBS_AT_ONCE = 4;
export const RESCORE_ACTOR = 'rescore-job';

const leadsRescoredTotal = new Counter({
  name: 'lead_funnel_leads_rescored_total',
  help: 'Leads re-scored by background jobs after a scoring model change',
});

interface JobRow extends LeadJobRow {
  model_version: number;
}

/**
 * Re-scores every lead under a new model version in the background, in batches by lead id: each
 * batch appends one ScoreChanged per lead (plus any MQL move) and updates the read model in one
 * transaction. A lead is done once its read model carries the job's model version, so a job
 * resumes after a restart where it stopped, and a newer model supersedes an older job.
 *
 * Each job runs on one replica at a time, under the lease `rescore:<id>`, and each batch
 * transaction checks that this replica still holds it (fencing): a dead owner's job is taken over
 * within 15 s, a restarted owner (same REPLICA_ID) resumes it at once, and `processed` stays exact.
 */
@Injectable()
export class RescoreJobs extends LeadJobs {
  private readonly batchSize: number;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly events: LeadEventStore,
    private readonly writer: LeadWriter,
    keeper: LeaseKeeper,
    config: ConfigService<LeadFunnelEnv, true>,
  ) {
    super(
      dataSource,
      keeper,
      {
        table: 'funnel.rescore_jobs',
        prefix: 'rescore:',
        concurrency: JOBS_AT_ONCE,
        label: 'Re-score job',
      },
      RescoreJobs.name,
    );
    this.batchSize = config.get('LEAD_RESCORE_BATCH_SIZE', { infer: true });
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

  async get(id: string): Promise<RescoreJobView> {
    const rows: JobRow[] = await this.dataSource.query(
      `SELECT * FROM funnel.rescore_jobs WHERE id = $1`,
      [id],
    );
    if (rows.length === 0)
      throw new DomainError(ErrorCode.ScoringJobNotFound, `No re-score job has the id ${id}`, {
        jobId: id,
      });
    return { ...this.lifecycle(rows[0]), modelVersion: rows[0].model_version };
  }

  protected async work(id: string, lease: string): Promise<void> {
    const { modelVersion, status } = await this.get(id);
    if (status !== 'running') return;
    let after = '00000000-0000-0000-0000-000000000000';
    while (!this.runner.stopping) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM funnel.leads
         WHERE id > $1 AND (score_model_version IS NULL OR score_model_version < $2)
         ORDER BY id LIMIT ${this.batchSize * PARALLEL_BATCHES}`,
        [after, modelVersion],
      );
      if (rows.length === 0) return this.finish(id, lease, 'completed', null);
      const ids = rows.map((row) => row.id);
      const batches = Array.from({ length: Math.ceil(ids.length / this.batchSize) }, (_, index) =>
        ids.slice(index * this.batchSize, (index + 1) * this.batchSize),
      );
      // Batches side by side: while one waits for PostgreSQL the other computes.
      const outcomes = await Promise.all(
        batches.map((batch) =>
          retryOnConflict(() => this.rescoreBatch(id, lease, modelVersion, batch), 20),
        ),
      );
      if (outcomes.includes('lost')) return; // the lease's new holder goes on
      if (outcomes.includes('superseded')) return this.finish(id, lease, 'superseded', null);
      after = ids[ids.length - 1];
    }
  }

  /**
   * One batch of leads in one transaction, unless a newer model has been saved since or this
   * replica no longer holds the job's lease.
   */
  private async rescoreBatch(
    jobId: string,
    lease: string,
    modelVersion: number,
    ids: string[],
  ): Promise<'done' | 'superseded' | 'lost'> {
    const outcome = await this.keeper.leases.fenced(lease, async (manager) => {
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
      return drafts.length;
    });
    if (outcome === undefined) return 'lost';
    if (outcome === 'superseded') return outcome;
    leadsRescoredTotal.inc(outcome);
    return 'done';
  }
}
