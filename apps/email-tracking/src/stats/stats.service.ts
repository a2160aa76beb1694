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
import { CAMPAIGN_COUNTERS } from '../campaigns/campaign-counters';
import {
  CampaignCounters,
  headlineFigures,
  openSeries,
  opensByClassification,
  rate,
  STATS_DEFINITIONS,
  timeToFirstOpen,
} from '../domain/open-stats';

const RECENT_OPENS = 50;

/**
 * Reads the counters kept with each campaign and message (database triggers and the recorder);
 * the maths is in `domain/open-stats.ts`.
 */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async campaignStats(campaignId: string, now = new Date()): Promise<CampaignStatsView> {
    const [counters]: CampaignCounters[] = await this.dataSource.query(
      `SELECT ${CAMPAIGN_COUNTERS} FROM email.campaigns WHERE id = $1`,
      [campaignId],
    );
    if (!counters)
      throw new DomainError(
        ErrorCode.EmailCampaignNotFound,
        `No campaign has the id ${campaignId}`,
        {
          id: campaignId,
        },
      );
    const [[unsubscribes], delays, classes, hours] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS count FROM email.unsubscribes WHERE campaign_id = $1`,
        [campaignId],
      ) as Promise<{ count: number }[]>,
      this.dataSource.query(
        `SELECT extract(epoch FROM first_human_open_at - COALESCE(delivered_at, sent_at))::float8 AS seconds
         FROM email.messages WHERE campaign_id = $1 AND first_human_open_at IS NOT NULL`,
        [campaignId],
      ) as Promise<{ seconds: number }[]>,
      this.dataSource.query(
        `SELECT classification, count(*)::int AS opens FROM email.opens
         WHERE campaign_id = $1 GROUP BY classification`,
        [campaignId],
      ) as Promise<{ classification: OpenClassification; opens: number }[]>,
      this.dataSource.query(
        `SELECT extract(epoch FROM date_trunc('hour', opened_at AT TIME ZONE 'UTC'))::float8 AS hour,
                count(*)::int AS opens,
                count(*) FILTER (WHERE classification = 'human')::int AS human_opens
         FROM email.opens WHERE campaign_id = $1 GROUP BY 1`,
        [campaignId],
      ) as Promise<{ hour: number; opens: number; human_opens: number }[]>,
    ]);
    const byClassification = opensByClassification(classes);
    const headline = headlineFigures(counters);
    return {
      campaignId,
      sent: headline.sent,
      delivered: headline.delivered,
      bounced: headline.bounced,
      complaints: headline.complaints,
      totalOpens: Object.values(byClassification).reduce((sum, opens) => sum + opens, 0),
      uniqueOpens: headline.uniqueOpens,
      uniqueHumanOpens: headline.uniqueHumanOpens,
      opensByClassification: byClassification,
      openRate: headline.openRate,
      humanOpenRate: headline.humanOpenRate,
      unsubscribes: unsubscribes.count,
      unsubscribeRate: rate(
        unsubscribes.count,
        headline.delivered,
        STATS_DEFINITIONS.unsubscribeRate,
      ),
      timeToFirstOpen: timeToFirstOpen(delays.map((row) => row.seconds)),
      series: openSeries(
        hours.map((row) => ({
          hour: new Date(row.hour * 1000),
          opens: row.opens,
          humanOpens: row.human_opens,
        })),
        now,
      ),
      definitions: { ...STATS_DEFINITIONS },
    };
  }

  /** Built from the contact's stored opens only: anonymous and erased opens do not show here. */
  async contactEngagement(contactId: string): Promise<ContactEngagementView> {
    const [[messages], [opens], [tracking], [unsubscribes], recent] = await Promise.all([
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
        `SELECT count(*)::int AS count, min(unsubscribed_at) AS first_at
         FROM email.unsubscribes WHERE contact_id = $1`,
        [contactId],
      ) as Promise<{ count: number; first_at: Date | null }[]>,
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
      unsubscribes: unsubscribes.count,
      unsubscribedAt: unsubscribes.first_at?.toISOString() ?? null,
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
