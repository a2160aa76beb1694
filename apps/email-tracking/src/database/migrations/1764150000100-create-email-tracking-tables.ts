import { MigrationInterface, QueryRunner } from 'typeorm';

/** Campaigns, messages with their delivery status and open counters, each open, and consent. */
export class CreateEmailTrackingTables1764150000100 implements MigrationInterface {
  name = 'CreateEmailTrackingTables1764150000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email.settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        tracking_mode varchar(20) NOT NULL DEFAULT 'individual'
          CHECK (tracking_mode IN ('off', 'anonymous', 'individual')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO email.settings DEFAULT VALUES`);
    await db.query(`
      CREATE TABLE email.campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        subject varchar(500) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE email.messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES email.campaigns (id),
        email varchar(254) NOT NULL,
        contact_id varchar(100),
        lead_id varchar(100),
        status varchar(20) NOT NULL DEFAULT 'sent'
          CHECK (status IN ('sent', 'delivered', 'soft_bounce', 'hard_bounce', 'complaint')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        open_count integer NOT NULL DEFAULT 0,
        human_open_count integer NOT NULL DEFAULT 0,
        first_open_at timestamptz,
        first_human_open_at timestamptz
      )`);
    await db.query(`CREATE INDEX messages_campaign_idx ON email.messages (campaign_id)`);
    await db.query(
      `CREATE INDEX messages_contact_idx ON email.messages (contact_id) WHERE contact_id IS NOT NULL`,
    );
    // hit_id is the edge's id of the fetch: its uniqueness makes counting idempotent.
    await db.query(`
      CREATE TABLE email.opens (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        hit_id uuid NOT NULL UNIQUE,
        message_id uuid NOT NULL REFERENCES email.messages (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL,
        contact_id varchar(100),
        opened_at timestamptz NOT NULL,
        classification varchar(30) NOT NULL,
        reason varchar(200) NOT NULL,
        ip_prefix varchar(50),
        ua_family varchar(60)
      )`);
    await db.query(`CREATE INDEX opens_campaign_time_idx ON email.opens (campaign_id, opened_at)`);
    await db.query(
      `CREATE INDEX opens_contact_idx ON email.opens (contact_id) WHERE contact_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX opens_details_idx ON email.opens (opened_at) WHERE ip_prefix IS NOT NULL OR ua_family IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE email.contact_tracking (
        contact_id varchar(100) PRIMARY KEY,
        do_not_track boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['contact_tracking', 'opens', 'messages', 'campaigns', 'settings'])
      await db.query(`DROP TABLE IF EXISTS email.${table}`);
  }
}
