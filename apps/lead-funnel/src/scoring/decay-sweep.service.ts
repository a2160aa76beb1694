import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeasedSchedule, LeaseKeeper } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import type { LeadFunnelEnv } from '../config/lead-funnel.env';
import { isTransitionAllowed } from '../domain/funnel-definition';
import { LeadDraft } from '../domain/lead-draft';
import { LeadEventStore } from '../leads/lead-event.store';
import { leadsScoredAt } from '../leads/lead-projection';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';

export const DECAY_ACTOR = 'decay-sweep';

const leadsSettledTotal = new Counter({
  name: 'lead_funnel_decay_settled_total',
  help: 'Leads the decay sweep re-scored because decay alone moved them across a line',
});

/**
 * Scores decay with time alone, and some consequences are events: an automatic MQL whose decayed
 * score fell below threshold − hysteresis goes back to engaged although nothing happened to it,
 * and a total that decay took across a threshold or far from the last published one is published
 * (lead.score_changed).
 * Every LEAD_DECAY_SWEEP_MS the replica holding the lease `lead-score-decay` finds those leads
 * with the same SQL the list uses and settles them (re-score, ScoreChanged, the automatic move),
 * in batches of LEAD_RESCORE_BATCH_SIZE, one transaction each. Overlapping runs (a former holder
 * cut off from PostgreSQL) are safe: settling twice appends nothing, a concurrent append is a
 * version conflict that is retried.
 */
@Injectable()
export class DecaySweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly batchSize: number;
  private readonly schedule: LeasedSchedule;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: LeadEventStore,
    private readonly writer: LeadWriter,
    keeper: LeaseKeeper,
    config: ConfigService<LeadFunnelEnv, true>,
  ) {
    this.batchSize = config.get('LEAD_RESCORE_BATCH_SIZE', { infer: true });
    this.schedule = new LeasedSchedule(
      keeper,
      'lead-score-decay',
      config.get('LEAD_DECAY_SWEEP_MS', { infer: true }),
      () => this.runOnce(),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** One pass over every lead that decay has moved across a line; answers how many it settled. */
  async runOnce(): Promise<number> {
    const now = new Date();
    const { model, scoreEvents, definition } = await this.writer.policy(this.dataSource.manager);
    const { mqlThreshold, hysteresis } = model.qualification;
    // Where the definition forbids the demotion, settling could not demote: do not pick them.
    const demotes = isTransitionAllowed(definition, 'mql', 'engaged');
    let after = '00000000-0000-0000-0000-000000000000';
    let settled = 0;
    for (;;) {
      // The SQL twins of qualificationMove (demotion) and scoreAnnouncement (decay alone).
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM ${leadsScoredAt(1)}
         WHERE id > $2 AND (
           ($6::boolean AND stage = 'mql' AND auto_qualified AND total_now < $3)
           OR abs(total_now - COALESCE(announced_total, 0)) >= $4
           OR EXISTS (SELECT 1 FROM unnest($5::float8[]) AS t(threshold)
                      WHERE (COALESCE(announced_total, 0) >= t.threshold) <> (total_now >= t.threshold)))
         ORDER BY id LIMIT ${this.batchSize}`,
        [
          now,
          after,
          mqlThreshold - hysteresis,
          scoreEvents.minChange,
          scoreEvents.thresholds,
          demotes,
        ],
      );
      if (rows.length === 0) return settled;
      const ids = rows.map((row) => row.id);
      await retryOnConflict(() => this.settle(ids));
      settled += ids.length;
      leadsSettledTotal.inc(ids.length);
      after = ids[ids.length - 1];
    }
  }

  private settle(ids: string[]): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.writer.policy(manager);
      const streams = await this.events.readMany(manager, ids);
      const drafts = [...streams].map(([id, stream]) => new LeadDraft(id, stream));
      for (const draft of drafts) draft.settle(policy);
      await this.writer.commit(manager, drafts, DECAY_ACTOR);
    });
  }
}
