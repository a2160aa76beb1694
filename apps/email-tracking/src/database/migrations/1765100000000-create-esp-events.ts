import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events posted by email service providers' webhooks, one row per provider event id: its primary
 * key makes a replayed webhook count once. Opens and clicks the provider reports live only here
 * (flagged by `kind`, with the provider's machine flag), never in `email.opens` or the messages'
 * open counters, so they are never counted twice with our own pixel.
 */
export class CreateEspEvents1765100000000 implements MigrationInterface {
  name = 'CreateEspEvents1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email.esp_events (
        provider varchar(20) NOT NULL,
        event_id varchar(200) NOT NULL,
        message_id uuid NOT NULL REFERENCES email.messages (id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL
          CHECK (kind IN ('delivered', 'soft_bounce', 'hard_bounce', 'complaint', 'open', 'click')),
        machine boolean NOT NULL DEFAULT false,
        occurred_at timestamptz,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider, event_id)
      )`);
    await db.query(`CREATE INDEX esp_events_message_idx ON email.esp_events (message_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS email.esp_events`);
  }
}
