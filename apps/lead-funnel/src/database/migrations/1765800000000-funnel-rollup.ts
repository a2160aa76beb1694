import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funnel figures that do not grow with the cohort (domain/funnel-rollup.ts): per creation day
 * (UTC) and per grouping (source, territory, owner, each on its own rows), the leads counted by
 * what the figures look at, and the completed stage visits counted by exact length (the medians
 * stay exact). Filled here from the lead rows; kept by LeadProjection in the lead's transaction.
 */
export class FunnelRollup1765800000000 implements MigrationInterface {
  name = 'FunnelRollup1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE funnel.funnel_cohort_days (
        dimension text NOT NULL,
        day date NOT NULL,
        key text,
        stage text NOT NULL,
        lost_reason text,
        stages_reached text[] NOT NULL,
        stage_moves text[] NOT NULL,
        leads integer NOT NULL,
        CONSTRAINT funnel_cohort_days_key UNIQUE NULLS NOT DISTINCT
          (dimension, day, key, stage, lost_reason, stages_reached, stage_moves)
      )`);
    await db.query(`
      CREATE TABLE funnel.funnel_stage_lengths (
        dimension text NOT NULL,
        day date NOT NULL,
        key text,
        stage text NOT NULL,
        seconds double precision NOT NULL,
        visits integer NOT NULL,
        CONSTRAINT funnel_stage_lengths_key UNIQUE NULLS NOT DISTINCT
          (dimension, day, key, stage, seconds)
      )`);
    await db.query(`
      INSERT INTO funnel.funnel_cohort_days
      SELECT d.dimension, (l.created_at AT TIME ZONE 'UTC')::date, d.key, l.stage, l.lost_reason,
             l.stages_reached, l.stage_moves, count(*)
      FROM funnel.leads l,
           LATERAL (VALUES ('source', l.source), ('territory', l.territory_id),
                           ('owner', l.owner_id)) AS d(dimension, key)
      GROUP BY 1, 2, 3, 4, 5, 6, 7`);
    await db.query(`
      INSERT INTO funnel.funnel_stage_lengths
      SELECT d.dimension, (l.created_at AT TIME ZONE 'UTC')::date, d.key, v.stage, v.seconds,
             count(*)
      FROM funnel.leads l,
           LATERAL (VALUES ('source', l.source), ('territory', l.territory_id),
                           ('owner', l.owner_id)) AS d(dimension, key),
           unnest(l.stage_path, l.visit_seconds) AS v(stage, seconds)
      WHERE v.seconds IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE funnel.funnel_stage_lengths`);
    await db.query(`DROP TABLE funnel.funnel_cohort_days`);
  }
}
