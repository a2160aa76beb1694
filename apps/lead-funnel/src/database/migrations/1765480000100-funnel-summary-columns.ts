import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funnel figures without reading every stage visit of the cohort (domain/funnel-stats.ts,
 * funnelSummary): each lead row keeps the stages it ever entered and the direct moves it ever
 * made (each once, so bounded), which the creation-time index carries, so counting a cohort is an
 * index-only scan grouped into a few hundred rows; and its visits' stages and lengths, from which
 * SQL takes each stage's median. Filled here from the stage visits; kept by LeadProjection.
 */
export class FunnelSummaryColumns1765480000100 implements MigrationInterface {
  name = 'FunnelSummaryColumns1765480000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE funnel.leads
        ADD COLUMN stages_reached text[] NOT NULL DEFAULT '{}',
        ADD COLUMN stage_moves text[] NOT NULL DEFAULT '{}',
        ADD COLUMN stage_path text[] NOT NULL DEFAULT '{}',
        ADD COLUMN visit_seconds double precision[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      UPDATE funnel.leads l SET
        stages_reached = ARRAY(SELECT v.stage FROM funnel.lead_stage_visits v WHERE v.lead_id = l.id
                               GROUP BY v.stage ORDER BY min(v.seq)),
        stage_moves = ARRAY(SELECT v.stage_from || '>' || v.stage FROM (
                              SELECT stage, seq, lag(stage) OVER (ORDER BY seq) AS stage_from
                              FROM funnel.lead_stage_visits WHERE lead_id = l.id) v
                            WHERE v.stage_from IS NOT NULL
                            GROUP BY 1 ORDER BY min(v.seq)),
        stage_path = ARRAY(SELECT v.stage FROM funnel.lead_stage_visits v WHERE v.lead_id = l.id
                           ORDER BY v.seq),
        visit_seconds = ARRAY(SELECT extract(epoch FROM v.left_at - v.entered_at)::float8
                              FROM funnel.lead_stage_visits v WHERE v.lead_id = l.id ORDER BY v.seq)`);
    await db.query(`DROP INDEX funnel.leads_created_idx`);
    await db.query(`
      CREATE INDEX leads_created_idx ON funnel.leads (created_at, id)
        INCLUDE (source, territory_id, owner_id, stage, lost_reason, stages_reached, stage_moves)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX funnel.leads_created_idx`);
    await db.query(`CREATE INDEX leads_created_idx ON funnel.leads (created_at, id)`);
    await db.query(`
      ALTER TABLE funnel.leads DROP COLUMN visit_seconds, DROP COLUMN stage_path,
        DROP COLUMN stage_moves, DROP COLUMN stages_reached`);
  }
}
