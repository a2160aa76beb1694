import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list sorted by score (and `minScore`) reads the score decayed to now, which no index can
 * hold. What an index can hold is a bound: a stored total only ever decays towards the total
 * without its decaying points, so the live total never exceeds `score_ceiling` = the stored total
 * plus the size of its negative decaying points (an unsubscribe's penalty fades, a meeting's
 * bonus fades). Walking the leads by ceiling finds a page's cut-off after a page's worth of rows,
 * and only leads whose ceiling reaches it are decayed and sorted (see `leadsByScore`).
 * `funnel.score_decay` becomes a PL/pgSQL loop: the same sum in the same order (same result), but
 * a SQL function with an aggregate is never inlined, and running its plan per row cost ~2.5× more.
 */
export class ScoreCeilingIndex1765480000000 implements MigrationInterface {
  name = 'ScoreCeilingIndex1765480000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION funnel.score_decay(
        half_lives double precision[], points double precision[], scored_at timestamptz, at timestamptz
      ) RETURNS double precision LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        elapsed double precision := GREATEST(0::float8, EXTRACT(EPOCH FROM at - scored_at)::float8);
        change double precision := 0;
      BEGIN
        FOR i IN 1 .. COALESCE(array_length(points, 1), 0) LOOP
          change := change + points[i]
            * (power(0.5::float8, LEAST(1000::float8, elapsed / (half_lives[i] * 86400))) - 1);
        END LOOP;
        RETURN change;
      END $$`);
    await db.query(`
      CREATE FUNCTION funnel.score_ceiling(total double precision, points double precision[])
      RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT total - COALESCE((SELECT sum(p) FROM unnest(points) AS p WHERE p < 0), 0)
      $$`);
    await db.query(`
      ALTER TABLE funnel.leads ADD COLUMN score_ceiling double precision
        GENERATED ALWAYS AS (funnel.score_ceiling(total_score, decay_points)) STORED`);
    await db.query(
      `CREATE INDEX leads_stage_ceiling_idx ON funnel.leads (stage, score_ceiling DESC, id)`,
    );
    await db.query(`CREATE INDEX leads_ceiling_idx ON funnel.leads (score_ceiling DESC, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX funnel.leads_ceiling_idx`);
    await db.query(`DROP INDEX funnel.leads_stage_ceiling_idx`);
    await db.query(`ALTER TABLE funnel.leads DROP COLUMN score_ceiling`);
    await db.query(`DROP FUNCTION funnel.score_ceiling(double precision, double precision[])`);
    await db.query(`
      CREATE OR REPLACE FUNCTION funnel.score_decay(
        half_lives double precision[], points double precision[], scored_at timestamptz, at timestamptz
      ) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT COALESCE(sum(d.p * (power(0.5::float8, LEAST(1000::float8,
                 GREATEST(0::float8, EXTRACT(EPOCH FROM at - scored_at)::float8) / (d.h * 86400))) - 1)), 0)
        FROM unnest(half_lives, points) AS d(h, p)
      $$`);
  }
}
