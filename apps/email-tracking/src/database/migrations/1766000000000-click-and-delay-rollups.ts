import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of the campaign stats stop reading rows that grow with the campaign:
 * - `campaign_open_delays` counts a campaign's messages per whole second from delivery (from
 *   sending without a delivery) to the first human open, for the time-to-first-open percentiles;
 * - `message_links` is each (message, link)'s click and human-click count (the "already clicked
 *   this link" state), `links` gets its total, unique and unique-human clicks;
 * - `messages` gets its click, human-click and implied-open counts, and `campaigns` the unique
 *   clicks, unique human clicks and implied opens they add up to.
 *
 * The campaign and delay figures are kept by the statement triggers on `email.messages` (see
 * 1765300000000): every writer of `first_human_open_at`, `delivered_at`, `sent_at` or the click
 * counters (recorders, demotions, delivery updates, erasures) moves them in its own transaction,
 * including the open recorder, which is not changed. Delay rows are upserted in (campaign,
 * second) order after the campaign rows, so one statement cannot deadlock with another; the link
 * and message-link counters are moved by `opens/click-counts.ts`.
 *
 * Upgrade note: as for 1765700000000, stop the recorders of an older release before this runs.
 */
export class ClickAndDelayRollups1766000000000 implements MigrationInterface {
  name = 'ClickAndDelayRollups1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email.campaign_open_delays (
        campaign_id uuid NOT NULL REFERENCES email.campaigns (id),
        seconds integer NOT NULL,
        messages integer NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign_id, seconds)
      )`);
    await db.query(`
      CREATE TABLE email.message_links (
        message_id uuid NOT NULL,
        link_id bigint NOT NULL,
        clicks integer NOT NULL DEFAULT 0,
        human_clicks integer NOT NULL DEFAULT 0,
        PRIMARY KEY (message_id, link_id)
      )`);
    await db.query(`
      ALTER TABLE email.messages
        ADD COLUMN click_count integer NOT NULL DEFAULT 0,
        ADD COLUMN human_click_count integer NOT NULL DEFAULT 0,
        ADD COLUMN implied_open_count integer NOT NULL DEFAULT 0`);
    await db.query(`
      ALTER TABLE email.links
        ADD COLUMN total_clicks integer NOT NULL DEFAULT 0,
        ADD COLUMN unique_clicks integer NOT NULL DEFAULT 0,
        ADD COLUMN unique_human_clicks integer NOT NULL DEFAULT 0`);
    await db.query(`
      ALTER TABLE email.campaigns
        ADD COLUMN unique_clicks integer NOT NULL DEFAULT 0,
        ADD COLUMN unique_human_clicks integer NOT NULL DEFAULT 0,
        ADD COLUMN implied_opens integer NOT NULL DEFAULT 0`);
    // The one definition of a message's delay second (floor: nearest-rank percentiles of the
    // floored delays are the floored percentiles of the exact ones).
    await db.query(`
      CREATE FUNCTION email.open_delay_seconds(
        first_human_open_at timestamptz, delivered_at timestamptz, sent_at timestamptz
      ) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
        SELECT floor(extract(epoch FROM first_human_open_at - COALESCE(delivered_at, sent_at)))::int
      $$`);
    await db.query(`
      ALTER TYPE email.message_change
        ADD ATTRIBUTE click_count integer,
        ADD ATTRIBUTE human_click_count integer,
        ADD ATTRIBUTE implied_open_count integer`);
    await db.query(SHIFT_CAMPAIGN_COUNTERS);
    await db.query(COUNT_INSERTED_MESSAGES);
    await db.query(COUNT_UPDATED_MESSAGES);

    // Writers wait until the backfill commits: no change is both counted by a trigger and by it.
    await db.query(`LOCK TABLE email.messages, email.clicks, email.links IN SHARE MODE`);
    await db.query(`
      INSERT INTO email.message_links (message_id, link_id, clicks, human_clicks)
      SELECT message_id, link_id, count(*), count(*) FILTER (WHERE classification = 'human')
        FROM email.clicks GROUP BY message_id, link_id`);
    await db.query(`
      UPDATE email.links l
         SET total_clicks = t.total_clicks, unique_clicks = t.unique_clicks,
             unique_human_clicks = t.unique_human_clicks
        FROM (SELECT link_id, sum(clicks)::int AS total_clicks, count(*)::int AS unique_clicks,
                     count(*) FILTER (WHERE human_clicks > 0)::int AS unique_human_clicks
                FROM email.message_links GROUP BY link_id) t
       WHERE l.id = t.link_id`);
    // The campaign figures are set below from the messages, all at once.
    await db.query(`ALTER TABLE email.messages DISABLE TRIGGER messages_counted_on_update`);
    await db.query(`
      UPDATE email.messages m
         SET click_count = c.clicks, human_click_count = c.human_clicks,
             implied_open_count = c.implied_opens
        FROM (SELECT message_id, count(*)::int AS clicks,
                     count(*) FILTER (WHERE classification = 'human')::int AS human_clicks,
                     count(*) FILTER (WHERE implied_open)::int AS implied_opens
                FROM email.clicks GROUP BY message_id) c
       WHERE m.id = c.message_id`);
    await db.query(`ALTER TABLE email.messages ENABLE TRIGGER messages_counted_on_update`);
    await db.query(`
      UPDATE email.campaigns c
         SET unique_clicks = t.unique_clicks, unique_human_clicks = t.unique_human_clicks,
             implied_opens = t.implied_opens
        FROM (SELECT campaign_id, count(*)::int AS unique_clicks,
                     count(*) FILTER (WHERE human_click_count > 0)::int AS unique_human_clicks,
                     sum(implied_open_count)::int AS implied_opens
                FROM email.messages WHERE click_count > 0 GROUP BY campaign_id) t
       WHERE c.id = t.campaign_id`);
    await db.query(`
      INSERT INTO email.campaign_open_delays (campaign_id, seconds, messages)
      SELECT campaign_id, email.open_delay_seconds(first_human_open_at, delivered_at, sent_at),
             count(*)
        FROM email.messages WHERE first_human_open_at IS NOT NULL GROUP BY 1, 2`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION email.count_updated_messages() CASCADE`);
    await db.query(`DROP FUNCTION email.count_inserted_messages() CASCADE`);
    await db.query(`DROP FUNCTION email.shift_campaign_counters(email.message_change[])`);
    await db.query(`
      ALTER TYPE email.message_change
        DROP ATTRIBUTE click_count, DROP ATTRIBUTE human_click_count,
        DROP ATTRIBUTE implied_open_count`);
    await db.query(PREVIOUS_SHIFT_CAMPAIGN_COUNTERS);
    await db.query(PREVIOUS_COUNT_INSERTED_MESSAGES);
    await db.query(PREVIOUS_COUNT_UPDATED_MESSAGES);
    await db.query(`
      CREATE TRIGGER messages_counted_on_insert AFTER INSERT ON email.messages
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION email.count_inserted_messages()`);
    await db.query(`
      CREATE TRIGGER messages_counted_on_update AFTER UPDATE ON email.messages
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION email.count_updated_messages()`);
    await db.query(
      `DROP FUNCTION IF EXISTS email.open_delay_seconds(timestamptz, timestamptz, timestamptz)`,
    );
    await db.query(`
      ALTER TABLE email.campaigns
        DROP COLUMN unique_clicks, DROP COLUMN unique_human_clicks, DROP COLUMN implied_opens`);
    await db.query(`
      ALTER TABLE email.links
        DROP COLUMN total_clicks, DROP COLUMN unique_clicks, DROP COLUMN unique_human_clicks`);
    await db.query(`
      ALTER TABLE email.messages
        DROP COLUMN click_count, DROP COLUMN human_click_count, DROP COLUMN implied_open_count`);
    await db.query(`DROP TABLE IF EXISTS email.message_links`);
    await db.query(`DROP TABLE IF EXISTS email.campaign_open_delays`);
  }
}

const SHIFT_CAMPAIGN_COUNTERS = `
  CREATE OR REPLACE FUNCTION email.shift_campaign_counters(changes email.message_change[])
  RETURNS void LANGUAGE plpgsql AS $$
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
             sum(sign * (human_open_count > 0)::int)::int AS unique_human_opens,
             sum(sign * (click_count > 0)::int)::int AS unique_clicks,
             sum(sign * (human_click_count > 0)::int)::int AS unique_human_clicks,
             sum(sign * implied_open_count)::int AS implied_opens
      FROM unnest(changes)
      GROUP BY campaign_id
      ORDER BY campaign_id
    LOOP
      CONTINUE WHEN (d.sent, d.bounced, d.complaints, d.unique_opens, d.unique_human_opens,
                     d.unique_clicks, d.unique_human_clicks, d.implied_opens)
        = (0, 0, 0, 0, 0, 0, 0, 0);
      UPDATE email.campaigns
         SET sent = sent + d.sent,
             bounced = bounced + d.bounced,
             complaints = complaints + d.complaints,
             unique_opens = unique_opens + d.unique_opens,
             unique_human_opens = unique_human_opens + d.unique_human_opens,
             unique_clicks = unique_clicks + d.unique_clicks,
             unique_human_clicks = unique_human_clicks + d.unique_human_clicks,
             implied_opens = implied_opens + d.implied_opens
       WHERE id = d.campaign_id;
    END LOOP;
  END $$`;

/** The delay rows of a statement's changed messages: +1 for the new delays, -1 for the old. */
const SHIFT_OPEN_DELAYS = (changes: string) => `
    INSERT INTO email.campaign_open_delays AS d (campaign_id, seconds, messages)
    SELECT campaign_id, seconds, sum(sign)::int
      FROM (${changes}) c
     GROUP BY campaign_id, seconds
    HAVING sum(sign) <> 0
     ORDER BY campaign_id, seconds
    ON CONFLICT (campaign_id, seconds) DO UPDATE SET messages = d.messages + EXCLUDED.messages;`;

const DELAYS_OF = (rows: string, sign: number) => `
      SELECT campaign_id, email.open_delay_seconds(first_human_open_at, delivered_at, sent_at) AS seconds,
             ${sign} AS sign
        FROM ${rows} WHERE first_human_open_at IS NOT NULL`;

const CHANGE_OF = (rows: string, sign: number) => `
      SELECT ROW(campaign_id, ${sign}, status, open_count, human_open_count, click_count,
                 human_click_count, implied_open_count)::email.message_change
      FROM ${rows}`;

const COUNT_INSERTED_MESSAGES = `
  CREATE OR REPLACE FUNCTION email.count_inserted_messages() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM email.shift_campaign_counters(ARRAY(${CHANGE_OF('new_rows', 1)}));
    ${SHIFT_OPEN_DELAYS(DELAYS_OF('new_rows', 1))}
    RETURN NULL;
  END $$`;

const COUNT_UPDATED_MESSAGES = `
  CREATE OR REPLACE FUNCTION email.count_updated_messages() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM email.shift_campaign_counters(ARRAY(
      ${CHANGE_OF('new_rows', 1)}
      UNION ALL
      ${CHANGE_OF('old_rows', -1)}));
    ${SHIFT_OPEN_DELAYS(`${DELAYS_OF('new_rows', 1)} UNION ALL ${DELAYS_OF('old_rows', -1)}`)}
    RETURN NULL;
  END $$`;

const PREVIOUS_SHIFT_CAMPAIGN_COUNTERS = `
  CREATE FUNCTION email.shift_campaign_counters(changes email.message_change[]) RETURNS void
  LANGUAGE plpgsql AS $$
  DECLARE
    d record;
  BEGIN
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
  END $$`;

const PREVIOUS_COUNT_INSERTED_MESSAGES = `
  CREATE FUNCTION email.count_inserted_messages() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM email.shift_campaign_counters(ARRAY(
      SELECT ROW(campaign_id, 1, status, open_count, human_open_count)::email.message_change
      FROM new_rows));
    RETURN NULL;
  END $$`;

const PREVIOUS_COUNT_UPDATED_MESSAGES = `
  CREATE FUNCTION email.count_updated_messages() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM email.shift_campaign_counters(ARRAY(
      SELECT ROW(campaign_id, 1, status, open_count, human_open_count)::email.message_change
      FROM new_rows
      UNION ALL
      SELECT ROW(campaign_id, -1, status, open_count, human_open_count)::email.message_change
      FROM old_rows));
    RETURN NULL;
  END $$`;
