import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FunnelDefinitionDto,
  FunnelDefinitionView,
  FunnelStatsQueryDto,
  FunnelStatsView,
  LeadSource,
  LeadStage,
  ProjectionRebuildView,
  validationFailed,
} from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { funnelDefinitionViolations } from '../domain/funnel-definition';
import { CohortLead, funnelStats } from '../domain/funnel-stats';
import { replayLead } from '../domain/lead-state';
import { LeadEventStore } from '../leads/lead-event.store';
import { LeadProjection } from '../leads/lead-projection';
import { FunnelDefinitionStore } from '../settings/funnel-definition.store';

const REBUILD_BATCH = 1000;

/** The funnel definition, the funnel figures, and rebuilding the read models from the events. */
@Injectable()
export class FunnelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly definitions: FunnelDefinitionStore,
    private readonly events: LeadEventStore,
    private readonly projection: LeadProjection,
  ) {}

  definition(): Promise<FunnelDefinitionView> {
    return this.definitions.currentView(this.dataSource.manager);
  }

  async replaceDefinition(
    input: FunnelDefinitionDto,
    actor: string,
  ): Promise<FunnelDefinitionView> {
    const violations = funnelDefinitionViolations(input);
    if (violations.length > 0) throw validationFailed(violations);
    const definition = { transitions: input.transitions, lostReasons: input.lostReasons };
    const saved = await this.definitions.save(this.dataSource.manager, definition, actor);
    return this.definitions.toView(saved);
  }

  /** Figures for the cohort of leads created in [from, to). */
  async stats(query: FunnelStatsQueryDto): Promise<FunnelStatsView> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw validationFailed([{ field: 'to', reason: 'to must be after from' }]);
    const rows: {
      id: string;
      source: LeadSource;
      territory_id: string | null;
      owner_id: string | null;
      stage: LeadStage;
      lost_reason: string | null;
      visits: { stage: LeadStage; entered_at: string; left_at: string | null }[];
    }[] = await this.dataSource.query(
      `SELECT l.id, l.source, l.territory_id, l.owner_id, l.stage, l.lost_reason,
              json_agg(json_build_object('stage', v.stage, 'entered_at', v.entered_at,
                                         'left_at', v.left_at) ORDER BY v.seq) AS visits
       FROM funnel.leads l JOIN funnel.lead_stage_visits v ON v.lead_id = l.id
       WHERE l.created_at >= $1 AND l.created_at < $2
       GROUP BY l.id`,
      [from.toISOString(), to.toISOString()],
    );
    const cohort: CohortLead[] = rows.map((row) => ({
      source: row.source,
      territoryId: row.territory_id,
      ownerId: row.owner_id,
      stage: row.stage,
      lostReason: row.lost_reason,
      visits: row.visits.map((visit) => ({
        stage: visit.stage,
        enteredAt: Date.parse(visit.entered_at),
        leftAt: visit.left_at === null ? null : Date.parse(visit.left_at),
      })),
    }));
    const groupBy = query.groupBy ?? null;
    const definition = await this.definitions.current(this.dataSource.manager);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy,
      definitionVersion: definition.version,
      ...funnelStats(cohort, groupBy, definition.document.transitions),
    };
  }

  /**
   * Throws the read models away and replays every stream into them, in one transaction (readers
   * see the old rows until it commits). Same fold, same projection code: same rows.
   */
  async rebuildProjections(): Promise<ProjectionRebuildView> {
    const started = performance.now();
    let leads = 0;
    let events = 0;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE funnel.lead_events IN SHARE MODE`);
      await manager.query(`TRUNCATE funnel.leads, funnel.lead_stage_visits`);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const ids: { lead_id: string }[] = await manager.query(
          `SELECT DISTINCT lead_id FROM funnel.lead_events WHERE lead_id > $1
           ORDER BY lead_id LIMIT ${REBUILD_BATCH}`,
          [after],
        );
        if (ids.length === 0) break;
        const streams = await this.events.readMany(
          manager,
          ids.map((row) => row.lead_id),
        );
        const states = [...streams].map(([id, stream]) => {
          events += stream.length;
          return replayLead(id, stream)!;
        });
        await this.projection.save(manager, states);
        leads += states.length;
        after = ids[ids.length - 1].lead_id;
      }
    });
    return { leads, events, durationMs: Math.round(performance.now() - started) };
  }
}
