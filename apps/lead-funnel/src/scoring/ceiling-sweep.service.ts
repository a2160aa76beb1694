import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeasedSchedule, LeaseKeeper } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import type { LeadFunnelEnv } from '../config/lead-funnel.env';
import { CEILING_SWEEP_BATCH, TIGHTEN_SCORE_CEILINGS } from '../leads/lead-projection';

const ceilingsLoweredTotal = new Counter({
  name: 'lead_funnel_score_ceilings_lowered_total',
  help: 'Score ceilings the ceiling sweep lowered towards what decay still lets the total reach',
});

/**
 * The list by live score ranks the leads whose `score_ceiling` reaches its page's cut (see
 * `leadsByScore`); a ceiling written when the lead was scored stays there however far the score
 * has decayed since. Every LEAD_SCORE_CEILING_SWEEP_MS the replica holding the lease
 * `lead-score-ceiling` walks every lead in id order and lowers the ceilings that stand more than
 * CEILING_SLACK above what the total can still reach (migration SettledScoreCeiling). It only
 * ever lowers a bound to another true bound, so overlapping runs and a lost lease are harmless.
 */
@Injectable()
export class CeilingSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule: LeasedSchedule;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    keeper: LeaseKeeper,
    config: ConfigService<LeadFunnelEnv, true>,
  ) {
    this.schedule = new LeasedSchedule(
      keeper,
      'lead-score-ceiling',
      config.get('LEAD_SCORE_CEILING_SWEEP_MS', { infer: true }),
      () => this.runOnce(),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** One pass over every lead; answers how many ceilings it lowered. */
  async runOnce(now = new Date()): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let lowered = 0;
    for (;;) {
      const [batch]: { last: string | null; lowered: number }[] = await this.dataSource.query(
        TIGHTEN_SCORE_CEILINGS,
        [after, CEILING_SWEEP_BATCH, now],
      );
      lowered += batch.lowered;
      ceilingsLoweredTotal.inc(batch.lowered);
      if (batch.last === null) return lowered;
      after = batch.last;
    }
  }
}
