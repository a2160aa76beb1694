import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbound webhook subscriptions and their deliveries (one row per subscription and event). */
export class CreateWebhooks1765300000000 implements MigrationInterface {
  name = 'CreateWebhooks1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE gateway.webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        events text[] NOT NULL,
        description varchar(500),
        secret_ciphertext text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        disabled_at timestamptz,
        exhausted_in_a_row integer NOT NULL DEFAULT 0,
        failing_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE gateway.webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES gateway.webhook_subscriptions (id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        first_attempt_at timestamptz,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz,
        response_code integer,
        last_error text,
        claimed_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_subscription_event_key UNIQUE (subscription_id, event_id)
      )`);
    await db.query(`
      CREATE INDEX webhook_deliveries_due_idx ON gateway.webhook_deliveries (next_attempt_at)
        WHERE status = 'pending'`);
    await db.query(`
      CREATE INDEX webhook_deliveries_log_idx ON gateway.webhook_deliveries (subscription_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE gateway.webhook_deliveries`);
    await db.query(`DROP TABLE gateway.webhook_subscriptions`);
  }
}
