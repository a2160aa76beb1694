import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list by live score ranks every lead whose `score_ceiling` reaches its page's cut. A
 * ceiling computed from the stored total alone stays where the lead was last scored, so every
 * lead of the same stored total is in the band however far it has decayed since: at 1M leads
 * with a handful of point values that was 25,000 leads to decay for one page. `score_ceiling`
 * becomes a column of its own: written from the stored total when a score is (re)written, as the
 * generated column was, and lowered by the decay sweep to `score_ceiling_after`, the most the
 * total can still reach from a moment on (decaying points only fall, fading penalties are
 * counted whole). Both are upper bounds of every later live total, so the list stays exact.
 */
export class SettledScoreCeiling1766400000000 implements MigrationInterface {
  name = 'SettledScoreCeiling1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION funnel.score_ceiling_after(
        total double precision, half_lives double precision[], points double precision[],
        scored_at timestamptz, since timestamptz
      ) RETURNS double precision LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        elapsed double precision := GREATEST(0::float8, EXTRACT(EPOCH FROM since - scored_at)::float8);
        ceiling double precision := total;
      BEGIN
        FOR i IN 1 .. COALESCE(array_length(points, 1), 0) LOOP
          IF points[i] > 0 THEN
            ceiling := ceiling + points[i]
              * (power(0.5::float8, LEAST(1000::float8, elapsed / (half_lives[i] * 86400))) - 1);
          ELSE
            ceiling := ceiling - points[i];
          END IF;
        END LOOP;
        RETURN ceiling;
      END $$`);
    // Keeps the values and the indexes on them; no rewrite.
    await db.query(`ALTER TABLE funnel.leads ALTER COLUMN score_ceiling DROP EXPRESSION`);
    await db.query(`
      CREATE FUNCTION funnel.reset_score_ceiling() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.score_ceiling := funnel.score_ceiling(NEW.total_score, NEW.decay_points);
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER leads_score_ceiling_on_insert BEFORE INSERT ON funnel.leads
      FOR EACH ROW EXECUTE FUNCTION funnel.reset_score_ceiling()`);
    await db.query(`
      CREATE TRIGGER leads_score_ceiling_on_score BEFORE UPDATE ON funnel.leads
      FOR EACH ROW WHEN (OLD.total_score IS DISTINCT FROM NEW.total_score
        OR OLD.decay_points IS DISTINCT FROM NEW.decay_points
        OR OLD.decay_half_lives IS DISTINCT FROM NEW.decay_half_lives
        OR OLD.scored_at IS DISTINCT FROM NEW.scored_at)
      EXECUTE FUNCTION funnel.reset_score_ceiling()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER leads_score_ceiling_on_score ON funnel.leads`);
    await db.query(`DROP TRIGGER leads_score_ceiling_on_insert ON funnel.leads`);
    await db.query(`DROP FUNCTION funnel.reset_score_ceiling()`);
    await db.query(`DROP INDEX funnel.leads_stage_ceiling_idx`);
    await db.query(`DROP INDEX funnel.leads_ceiling_idx`);
    await db.query(`ALTER TABLE funnel.leads DROP COLUMN score_ceiling`);
    await db.query(`
      ALTER TABLE funnel.leads ADD COLUMN score_ceiling double precision
        GENERATED ALWAYS AS (funnel.score_ceiling(total_score, decay_points)) STORED`);
    const include = 'INCLUDE (total_score, decay_half_lives, decay_points, scored_at)';
    await db.query(
      `CREATE INDEX leads_stage_ceiling_idx ON funnel.leads (stage, score_ceiling DESC, id) ${include}`,
    );
    await db.query(
      `CREATE INDEX leads_ceiling_idx ON funnel.leads (score_ceiling DESC, id) ${include}`,
    );
    await db.query(
      `DROP FUNCTION funnel.score_ceiling_after(double precision, double precision[], double precision[], timestamptz, timestamptz)`,
    );
  }
}
