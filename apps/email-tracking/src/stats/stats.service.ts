import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CampaignStatsView,
  ContactEngagementView,
  DomainError,
  ErrorCode,
  OpenClassification,
} from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import {
  hourlyOpens,
  openSeries,
  opensByClassification,
  rate,
  STATS_DEFINITIONS,
  timeToFirstOpen,
} from '../domain/open-stats';

interface MessageTotals {
  sent: number;
  bounced: number;
  complaints: number;
  unique_opens: number;
  unique_human_opens: number;
}

const MESSAGE_TOTALS = `
  count(*)::int AS sent,
  count(*) FILTER (WHERE status IN ('soft_bounce', 'hard_bounce'))::int AS bounced,
  count(*) FILTER (WHERE status = 'complaint')::int AS complaints,
  count(*) FILTER (WHERE open_count > 0)::int AS unique_opens,
  count(*) FILTER (WHERE human_open_count > 0)::int AS unique_human_opens`;

const RECENT_OPENS = 50;

/** Reads the counters the recorder keeps; the maths is in `domain/open-stats.ts`. */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async campaignStats(campaignId: string, now = new Date()): Promise<CampaignStatsView> {
    const campaigns: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM email.campaigns WHERE id = $1`,
      [campaignId],
    );
    if (campaigns.length === 0)
      throw new DomainError(
        ErrorCode.EmailCampaignNotFound,
        `No campaign has the id ${campaignId}`,
        {
          id: campaignId,
        },
      );
    // Percentiles in SQL (nearest rank, as domain/open-stats.ts defines them) rather than every
    // message's delay in memory; the opens once, by hour and classification, from the index.
    const [[totals], [delays], hourly] = await Promise.all([
      this.dataSource.query(`SELECT ${MESSAGE_TOTALS} FROM email.messages WHERE campaign_id = $1`, [
        campaignId,
      ]) as Promise<MessageTotals[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS samples,
                percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
                percentile_disc(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
         FROM (SELECT extract(epoch FROM first_human_open_at - COALESCE(delivered_at, sent_at))::float8 AS seconds
               FROM email.messages WHERE campaign_id = $1 AND first_human_open_at IS NOT NULL) delays`,
        [campaignId],
      ) as Promise<{ samples: number; median: number | null; p90: number | null }[]>,
      this.dataSource.query(
        `SELECT extract(epoch FROM date_trunc('hour', opened_at AT TIME ZONE 'UTC'))::float8 AS hour,
                classification, count(*)::int AS opens
         FROM email.opens WHERE campaign_id = $1 GROUP BY 1, 2`,
        [campaignId],
      ) as Promise<{ hour: number; classification: OpenClassification; opens: number }[]>,
    ]);
    const byClassification = opensByClassification(hourly);
    const delivered = totals.sent - totals.bounced;
    return {
      campaignId,
      sent: totals.sent,
      delivered,
      bounced: totals.bounced,
      complaints: totals.complaints,
      totalOpens: Object.values(byClassification).reduce((sum, opens) => sum + opens, 0),
      uniqueOpens: totals.unique_opens,
      uniqueHumanOpens: totals.unique_human_opens,
      opensByClassification: byClassification,
      openRate: rate(totals.unique_opens, delivered, STATS_DEFINITIONS.openRate),
      humanOpenRate: rate(totals.unique_human_opens, delivered, STATS_DEFINITIONS.humanOpenRate),
      timeToFirstOpen: timeToFirstOpen(delays),
      series: openSeries(hourlyOpens(hourly), now),
      definitions: { ...STATS_DEFINITIONS },
    };
  }

  /** Built from the contact's stored opens only: anonymous and erased opens do not show here. */
  async contactEngagement(contactId: string): Promise<ContactEngagementView> {
    const [[messages], [opens], [tracking], recent] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS sent,
                count(*) FILTER (WHERE status IN ('soft_bounce', 'hard_bounce'))::int AS bounced
         FROM email.messages WHERE contact_id = $1`,
        [contactId],
      ) as Promise<{ sent: number; bounced: number }[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total_opens,
                count(DISTINCT message_id)::int AS unique_opens,
                count(DISTINCT message_id) FILTER (WHERE classification = 'human')::int AS unique_human_opens,
                max(opened_at) FILTER (WHERE classification = 'human') AS last_human_open_at
         FROM email.opens WHERE contact_id = $1`,
        [contactId],
      ) as Promise<
        {
          total_opens: number;
          unique_opens: number;
          unique_human_opens: number;
          last_human_open_at: Date | null;
        }[]
      >,
      this.dataSource.query(
        `SELECT do_not_track FROM email.contact_tracking WHERE contact_id = $1`,
        [contactId],
      ) as Promise<{ do_not_track: boolean }[]>,
      this.dataSource.query(
        `SELECT message_id, campaign_id, opened_at, classification, reason, ua_family
         FROM email.opens WHERE contact_id = $1 ORDER BY opened_at DESC, id DESC LIMIT ${RECENT_OPENS}`,
        [contactId],
      ) as Promise<
        {
          message_id: string;
          campaign_id: string;
          opened_at: Date;
          classification: OpenClassification;
          reason: string;
          ua_family: string | null;
        }[]
      >,
    ]);
    const delivered = messages.sent - messages.bounced;
    return {
      contactId,
      doNotTrack: tracking?.do_not_track ?? false,
      messages: messages.sent,
      delivered,
      totalOpens: opens.total_opens,
      uniqueOpens: opens.unique_opens,
      uniqueHumanOpens: opens.unique_human_opens,
      openRate: rate(opens.unique_opens, delivered, STATS_DEFINITIONS.openRate),
      humanOpenRate: rate(opens.unique_human_opens, delivered, STATS_DEFINITIONS.humanOpenRate),
      lastHumanOpenAt: opens.last_human_open_at?.toISOString() ?? null,
      recentOpens: recent.map((row) => ({
        messageId: row.message_id,
        campaignId: row.campaign_id,
        openedAt: row.opened_at.toISOString(),
        classification: row.classification,
        reason: row.reason,
        uaFamily: row.ua_family,
      })),
    };
  }
}
