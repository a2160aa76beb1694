import { EntityManager } from 'typeorm';
import { CampaignHoursTally } from '../domain/campaign-hours';

/**
 * Applies a transaction's tally to `email.campaign_hours`, in that transaction: one statement
 * whatever the number of hits. Every writer of opens and clicks (the recorders, the re-judging of
 * a click, the erasure of a contact's tracking data) goes through it, so the rollup stays exact.
 */
export async function shiftCampaignHours(
  manager: EntityManager,
  tally: CampaignHoursTally,
): Promise<void> {
  const rows = tally.rows();
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO email.campaign_hours AS h (campaign_id, hour, classification, opens, clicks)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::varchar[], $4::int[], $5::int[])
       ON CONFLICT (campaign_id, hour, classification)
       DO UPDATE SET opens = h.opens + EXCLUDED.opens, clicks = h.clicks + EXCLUDED.clicks`,
    [
      rows.map((row) => row.campaignId),
      rows.map((row) => row.hour.toISOString()),
      rows.map((row) => row.classification),
      rows.map((row) => row.opens),
      rows.map((row) => row.clicks),
    ],
  );
}
