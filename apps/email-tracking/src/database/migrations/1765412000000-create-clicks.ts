import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Click tracking, built for volume: a click row is narrow (ids, time, verdict) and names its link
 * by a bigint into `email.links`, one row per distinct link of a campaign, rather than repeating
 * the URL. `hit_id` (the edge's id of the request) is unique, so a redelivered click counts once.
 * The per-person columns — `contact_id`, `ip_prefix` (/24 or /48, never the address), `ua_family`
 * — are nullable so that an erasure or the details retention can clear them while the anonymous
 * counts stay. An open implied by a human click is an `email.opens` row flagged `implied`.
 */
export class CreateClicks1765412000000 implements MigrationInterface {
  name = 'CreateClicks1765412000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email.links (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES email.campaigns (id) ON DELETE CASCADE,
        url varchar(2048) NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX links_campaign_url_idx ON email.links (campaign_id, md5(url))`,
    );
    await db.query(`
      CREATE TABLE email.clicks (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        hit_id uuid NOT NULL UNIQUE,
        message_id uuid NOT NULL REFERENCES email.messages (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL,
        link_id bigint NOT NULL REFERENCES email.links (id) ON DELETE CASCADE,
        clicked_at timestamptz NOT NULL,
        classification varchar(20) NOT NULL,
        reason varchar(200) NOT NULL,
        implied_open boolean NOT NULL DEFAULT false,
        contact_id varchar(100),
        ip_prefix varchar(50),
        ua_family varchar(60)
      )`);
    await db.query(
      `CREATE INDEX clicks_campaign_time_idx ON email.clicks (campaign_id, clicked_at)`,
    );
    await db.query(`CREATE INDEX clicks_message_time_idx ON email.clicks (message_id, clicked_at)`);
    await db.query(
      `CREATE INDEX clicks_contact_idx ON email.clicks (contact_id) WHERE contact_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX clicks_details_idx ON email.clicks (clicked_at) WHERE ip_prefix IS NOT NULL OR ua_family IS NOT NULL`,
    );
    await db.query(`ALTER TABLE email.opens ADD COLUMN implied boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE email.opens DROP COLUMN IF EXISTS implied`);
    await db.query(`DROP TABLE IF EXISTS email.clicks`);
    await db.query(`DROP TABLE IF EXISTS email.links`);
  }
}
