import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign list support: `archived_at`, the list order's indexes, and the campaign's message
 * counters (sent, bounced, complaints, unique opens, unique human opens) kept beside it, so a
 * page of campaigns reads 20 rows instead of counting every message of each.
 *
 * The counters are kept by statement triggers on `email.messages` rather than by each writer
 * (message store, delivery updates, ESP webhooks, the open recorder, erasure): every change to
 * a message's status or open counters moves them in the same transaction, whoever makes it. One
 * UPDATE per statement and campaign touched, only when a figure moves; the campaigns are locked
 * in id order, after the messages (every writer locks those first), so writers cannot deadlock.
 */
export class CampaignCountersAndArchive1765300000000 implements MigrationInterface {
  name = 'CampaignCountersAndArchive1765300000000';

  async up(db: QueryRunner): Promise<void> {
    // PL/pgSQL throughout: it keeps each statement's plan for the session, where a SQL function
    // plans its query on every call; and one primary-key update per campaign, where a join
    // planned generically scanned every campaign (1.4 ms a statement with 5,000, measured).
    await db.query(`
      ALTER TABLE email.campaigns
        ADD COLUMN archived_at timestamptz,
        ADD COLUMN sent integer NOT NULL DEFAULT 0,
        ADD COLUMN bounced integer NOT NULL DEFAULT 0,
        ADD COLUMN complaints integer NOT NULL DEFAULT 0,
        ADD COLUMN unique_opens integer NOT NULL DEFAULT 0,
        ADD COLUMN unique_human_opens integer NOT NULL DEFAULT 0`);
    await db.query(`CREATE INDEX campaigns_list_idx ON email.campaigns (created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX campaigns_active_list_idx ON email.campaigns (created_at DESC, id DESC)
       WHERE archived_at IS NULL`,
    );
    // The messages page of a campaign, in sending order; it also serves campaign_id lookups.
    await db.query(
      `CREATE INDEX messages_campaign_sent_idx ON email.messages (campaign_id, sent_at, id)`,
    );
    await db.query(`DROP INDEX email.messages_campaign_idx`);
    await db.query(`
      CREATE TYPE email.message_change AS (
        campaign_id uuid, sign integer, status varchar(20), open_count integer, human_open_count integer
      )`);
    await db.query(`
      CREATE FUNCTION email.shift_campaign_counters(changes email.message_change[]) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        d record;
      BEGIN
        -- One primary-key update per campaign, in id order (the lock order).
        FOR d IN
          SELECT campaign_id,
                 sum(sign)::int AS sent,
                 sum(sign * (status IN ('soft_bounce', 'hard_bounce'))::int)::int AS bounced,
                 sum(sign * (status = 'complaint')::int)::int AS complaints,
                 sum(sign * (open_count > 0)::int)::int AS unique_opens,
                 sum(sign * (human_open_count > 0)::int)::int AS unique_human_opens
          FROM unnest(changes)
          GROUP BY campaign_id
          ORDER BY campaign_id
        LOOP
          CONTINUE WHEN (d.sent, d.bounced, d.complaints, d.unique_opens, d.unique_human_opens)
            = (0, 0, 0, 0, 0);
          UPDATE email.campaigns
             SET sent = sent + d.sent,
                 bounced = bounced + d.bounced,
                 complaints = complaints + d.complaints,
                 unique_opens = unique_opens + d.unique_opens,
                 unique_human_opens = unique_human_opens + d.unique_human_opens
           WHERE id = d.campaign_id;
        END LOOP;
      END $$`);
    await db.query(`
      CREATE FUNCTION email.count_inserted_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM email.shift_campaign_counters(ARRAY(
          SELECT ROW(campaign_id, 1, status, open_count, human_open_count)::email.message_change
          FROM new_rows));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION email.count_updated_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM email.shift_campaign_counters(ARRAY(
          SELECT ROW(campaign_id, 1, status, open_count, human_open_count)::email.message_change
          FROM new_rows
          UNION ALL
          SELECT ROW(campaign_id, -1, status, open_count, human_open_count)::email.message_change
          FROM old_rows));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER messages_counted_on_insert AFTER INSERT ON email.messages
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION email.count_inserted_messages()`);
    await db.query(`
      CREATE TRIGGER messages_counted_on_update AFTER UPDATE ON email.messages
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION email.count_updated_messages()`);
    // Messages are never deleted; should that change, a DELETE trigger must come with it.
    // Writers wait until the backfill commits: no change is both counted by a trigger and by it.
    await db.query(`LOCK TABLE email.messages IN SHARE MODE`);
    await db.query(`
      UPDATE email.campaigns c
         SET sent = t.sent, bounced = t.bounced, complaints = t.complaints,
             unique_opens = t.unique_opens, unique_human_opens = t.unique_human_opens
        FROM (
          SELECT campaign_id,
                 count(*)::int AS sent,
                 count(*) FILTER (WHERE status IN ('soft_bounce', 'hard_bounce'))::int AS bounced,
                 count(*) FILTER (WHERE status = 'complaint')::int AS complaints,
                 count(*) FILTER (WHERE open_count > 0)::int AS unique_opens,
                 count(*) FILTER (WHERE human_open_count > 0)::int AS unique_human_opens
          FROM email.messages GROUP BY campaign_id
        ) t
       WHERE c.id = t.campaign_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS messages_counted_on_update ON email.messages`);
    await db.query(`DROP TRIGGER IF EXISTS messages_counted_on_insert ON email.messages`);
    await db.query(`DROP FUNCTION IF EXISTS email.count_updated_messages()`);
    await db.query(`DROP FUNCTION IF EXISTS email.count_inserted_messages()`);
    await db.query(`DROP FUNCTION IF EXISTS email.shift_campaign_counters(email.message_change[])`);
    await db.query(`DROP TYPE IF EXISTS email.message_change`);
    await db.query(`CREATE INDEX messages_campaign_idx ON email.messages (campaign_id)`);
    await db.query(`DROP INDEX IF EXISTS email.messages_campaign_sent_idx`);
    await db.query(`DROP INDEX IF EXISTS email.campaigns_active_list_idx`);
    await db.query(`DROP INDEX IF EXISTS email.campaigns_list_idx`);
    await db.query(`
      ALTER TABLE email.campaigns
        DROP COLUMN archived_at, DROP COLUMN sent, DROP COLUMN bounced, DROP COLUMN complaints,
        DROP COLUMN unique_opens, DROP COLUMN unique_human_opens`);
  }
}
