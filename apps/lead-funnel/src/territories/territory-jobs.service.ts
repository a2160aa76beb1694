import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ErrorCode, TerritoryJobView } from '@sales-suite/contracts';
import { LeaseKeeper } from '@sales-suite/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { LeadFunnelEnv } from '../config/lead-funnel.env';
import { LeadDraft } from '../domain/lead-draft';
import { LeadEventStore } from '../leads/lead-event.store';
import { LeadJobRow, LeadJobs } from '../leads/lead-jobs';
import { OPEN_LEAD } from '../leads/lead-projection';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';
import { TerritoryStore } from '../settings/territory.store';

/** A newer territories version supersedes older jobs at their next batch, so few run at once. */
const JOBS_AT_ONCE = 2;

interface JobRow extends LeadJobRow {
  territories_version: number;
  actor: string;
  reassigned: number;
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
export class TerritoryJobs extends LeadJobs {
  private readonly batchSize: number;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly territories: TerritoryStore,
    private readonly events: LeadEventStore,
    private readonly writer: LeadWriter,
    keeper: LeaseKeeper,
    config: ConfigService<LeadFunnelEnv, true>,
  ) {
    super(
      dataSource,
      keeper,
      {
        table: 'funnel.territory_jobs',
        prefix: 'territories:',
        concurrency: JOBS_AT_ONCE,
        label: 'Territory job',
      },
      TerritoryJobs.name,
    );
    this.batchSize = config.get('LEAD_RESCORE_BATCH_SIZE', { infer: true });
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

  async get(id: string): Promise<TerritoryJobView> {
    const job = await this.row(this.dataSource.manager, id);
    if (!job)
      throw new DomainError(
        ErrorCode.TerritoryJobNotFound,
        `No territory reassignment job has the id ${id}`,
        { jobId: id },
      );
    return {
      ...this.lifecycle(job),
      territoriesVersion: job.territories_version,
      reassigned: job.reassigned,
    };
  }

  private async row(manager: EntityManager, id: string): Promise<JobRow | undefined> {
    const rows: JobRow[] = await manager.query(
      `SELECT * FROM funnel.territory_jobs WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  protected async work(id: string, lease: string): Promise<void> {
    while (!this.runner.stopping) {
      const outcome = await retryOnConflict(() => this.reassignBatch(id, lease), 20);
      if (outcome === 'working') continue;
      if (outcome !== 'lost') await this.finish(id, lease, outcome, null);
      return;
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
}
