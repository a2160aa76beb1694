import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-click unsubscribes: one row per message whose link was used (its primary key makes a
 * repeated POST count once), and the suppressed addresses, one row per lower-cased address, so
 * that an address stays unsubscribed whichever message or contact it is sent under next.
 */
export class CreateUnsubscribes1765310000000 implements MigrationInterface {
  name = 'CreateUnsubscribes1765310000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email.unsubscribes (
        message_id uuid PRIMARY KEY REFERENCES email.messages (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL,
        contact_id varchar(100),
        unsubscribed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX unsubscribes_campaign_idx ON email.unsubscribes (campaign_id)`);
    await db.query(
      `CREATE INDEX unsubscribes_contact_idx ON email.unsubscribes (contact_id) WHERE contact_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE email.suppressed_addresses (
        email varchar(254) PRIMARY KEY,
        contact_id varchar(100),
        message_id uuid NOT NULL,
        reason varchar(20) NOT NULL CHECK (reason IN ('unsubscribe')),
        suppressed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS email.suppressed_addresses`);
    await db.query(`DROP TABLE IF EXISTS email.unsubscribes`);
  }
}
