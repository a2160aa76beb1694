import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decay at query time: each lead row keeps how its stored score decays (one term per half-life,
 * see domain/decay.ts), and `funnel.score_decay` gives the change from `scored_at` to any moment,
 * so the list, `minScore`, sorting and the decay sweep read the live score without the events;
 * `announced_total` (the total last published as lead.score_changed) lets the sweep see which
 * leads decay alone has moved across a threshold or by the configured amount.
 * The exponent is capped at 1000 halvings: PostgreSQL raises an underflow below 2^-1074, and
 * 0.5^1000 is already 0 to every printed digit.
 */
export class StoreScoreDecay1765000000000 implements MigrationInterface {
  name = 'StoreScoreDecay1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE funnel.leads
        ADD COLUMN decay_half_lives double precision[] NOT NULL DEFAULT '{}',
        ADD COLUMN decay_points double precision[] NOT NULL DEFAULT '{}',
        ADD COLUMN announced_total double precision`);
    await db.query(`
      CREATE FUNCTION funnel.score_decay(
        half_lives double precision[], points double precision[], scored_at timestamptz, at timestamptz
      ) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT COALESCE(sum(d.p * (power(0.5::float8, LEAST(1000::float8,
                 GREATEST(0::float8, EXTRACT(EPOCH FROM at - scored_at)::float8) / (d.h * 86400))) - 1)), 0)
        FROM unnest(half_lives, points) AS d(h, p)
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION funnel.score_decay`);
    await db.query(
      `ALTER TABLE funnel.leads DROP COLUMN announced_total, DROP COLUMN decay_points, DROP COLUMN decay_half_lives`,
    );
  }
}
