import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign stats that do not grow with the campaign: `campaign_hours` counts a campaign's opens
 * and clicks per UTC hour and classification, kept by every writer of opens and clicks in its own
 * transaction (`opens/campaign-rollup.ts`), and read by the campaign stats (series, counts by
 * classification) instead of every open of the campaign.
 *
 * The open recorder's hot table gets cheaper at the same time:
 * - `opens_campaign_time_idx` goes (the rollup answers what it served); an implied-opens count
 *   keeps a partial index of the few implied rows;
 * - the foreign key `opens.message_id → messages` goes: its check was one more index probe and row
 *   lock per open, for a message the recorder has just locked FOR UPDATE in the same transaction
 *   (and messages are never deleted, so its ON DELETE CASCADE never fired).
 *
 * Upgrade note: a replica of an older release that keeps recording after this commits (a rolling
 * update) adds opens the rollup does not count; stop the old recorders first, or re-run the
 * backfill (delete the rows, then the INSERT below) once they are gone.
 */
export class CampaignHoursRollup1765700000000 implements MigrationInterface {
  name = 'CampaignHoursRollup1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email.campaign_hours (
        campaign_id uuid NOT NULL REFERENCES email.campaigns (id),
        hour timestamptz NOT NULL,
        classification varchar(30) NOT NULL,
        opens integer NOT NULL DEFAULT 0,
        clicks integer NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign_id, hour, classification)
      )`);
    // Writers wait until the backfill commits: no open or click is both in it and added by them.
    await db.query(`LOCK TABLE email.opens, email.clicks IN SHARE MODE`);
    await db.query(`
      INSERT INTO email.campaign_hours (campaign_id, hour, classification, opens, clicks)
      SELECT campaign_id, hour, classification,
             COALESCE(o.opens, 0)::int, COALESCE(c.clicks, 0)::int
        FROM (SELECT campaign_id, date_trunc('hour', opened_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour,
                     classification, count(*) AS opens
                FROM email.opens GROUP BY 1, 2, 3) o
        FULL JOIN
             (SELECT campaign_id, date_trunc('hour', clicked_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour,
                     classification, count(*) AS clicks
                FROM email.clicks GROUP BY 1, 2, 3) c
       USING (campaign_id, hour, classification)`);
    await db.query(`DROP INDEX email.opens_campaign_time_idx`);
    await db.query(
      `CREATE INDEX opens_campaign_implied_idx ON email.opens (campaign_id) WHERE implied`,
    );
    await db.query(`ALTER TABLE email.opens DROP CONSTRAINT opens_message_id_fkey`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE email.opens ADD CONSTRAINT opens_message_id_fkey
        FOREIGN KEY (message_id) REFERENCES email.messages (id) ON DELETE CASCADE`);
    await db.query(`DROP INDEX IF EXISTS email.opens_campaign_implied_idx`);
    await db.query(
      `CREATE INDEX opens_campaign_time_idx ON email.opens (campaign_id, opened_at) INCLUDE (classification)`,
    );
    await db.query(`DROP TABLE IF EXISTS email.campaign_hours`);
  }
}
