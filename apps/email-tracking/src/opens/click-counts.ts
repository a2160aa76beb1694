import { EntityManager } from 'typeorm';
import { ClickCountsTally } from '../domain/click-counts';

/**
 * Applies a transaction's click-count changes, in that transaction and one statement: each
 * (message, link)'s clicks (`email.message_links`), the link's total, unique and unique-human
 * clicks (a message counts once per link while its count there is above zero), and the message's
 * click, human-click and implied-open counts, whose campaign figures the `email.messages`
 * triggers move. Every writer of clicks (the click recorder, its re-judging, the erasure of a
 * contact's tracking data) goes through it. The messages are locked by the caller.
 */
export async function shiftClickCounts(
  manager: EntityManager,
  tally: ClickCountsTally,
): Promise<void> {
  const rows = tally.rows();
  if (rows.length === 0) return;
  await manager.query(
    `WITH d AS (
       SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::int[], $4::int[], $5::int[])
         AS d(message_id, link_id, clicks, human_clicks, implied_opens)),
     pairs AS (
       INSERT INTO email.message_links AS p (message_id, link_id, clicks, human_clicks)
       SELECT message_id, link_id, clicks, human_clicks FROM d
       ON CONFLICT (message_id, link_id) DO UPDATE
         SET clicks = p.clicks + EXCLUDED.clicks, human_clicks = p.human_clicks + EXCLUDED.human_clicks
       RETURNING message_id, link_id, clicks, human_clicks),
     links AS (
       UPDATE email.links l
          SET total_clicks = l.total_clicks + t.clicks,
              unique_clicks = l.unique_clicks + t.unique_clicks,
              unique_human_clicks = l.unique_human_clicks + t.unique_human_clicks
         FROM (SELECT p.link_id, sum(d.clicks)::int AS clicks,
                      sum((p.clicks > 0)::int - (p.clicks - d.clicks > 0)::int)::int AS unique_clicks,
                      sum((p.human_clicks > 0)::int - (p.human_clicks - d.human_clicks > 0)::int)::int
                        AS unique_human_clicks
                 FROM pairs p JOIN d USING (message_id, link_id) GROUP BY p.link_id) t
        WHERE l.id = t.link_id)
     UPDATE email.messages m
        SET click_count = m.click_count + t.clicks,
            human_click_count = m.human_click_count + t.human_clicks,
            implied_open_count = m.implied_open_count + t.implied_opens
       FROM (SELECT message_id, sum(clicks)::int AS clicks, sum(human_clicks)::int AS human_clicks,
                    sum(implied_opens)::int AS implied_opens
               FROM d GROUP BY message_id) t
      WHERE m.id = t.message_id`,
    [
      rows.map((row) => row.messageId),
      rows.map((row) => row.linkId),
      rows.map((row) => row.clicks),
      rows.map((row) => row.humanClicks),
      rows.map((row) => row.impliedOpens),
    ],
  );
}

/**
 * Locks the campaign rows in id order (FOR NO KEY UPDATE: foreign-key checks of other writers
 * still pass), before a transaction's statements that may move their counters: the messages
 * triggers lock the campaigns each statement moves, in id order within the statement, so a
 * transaction moving them in two statements (click counts, then opens) could otherwise wait on
 * another doing the same in the opposite order; with this, the delay rows those triggers upsert
 * are taken under the campaign lock too.
 */
export async function lockCampaigns(
  manager: EntityManager,
  campaignIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(campaignIds)].sort();
  if (ids.length === 0) return;
  await manager.query(
    `SELECT 1 FROM email.campaigns WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
    [ids],
  );
}
