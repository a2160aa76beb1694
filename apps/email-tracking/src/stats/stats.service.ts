import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CampaignStatsView,
  ClickClassification,
  ContactEngagementView,
  DomainError,
  ErrorCode,
  OpenClassification,
} from '@sales-suite/contracts';
import { readSnapshot } from '@sales-suite/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { CAMPAIGN_COUNTERS } from '../campaigns/campaign-counters';
import {
  CampaignCounters,
  clicksByClassification,
  headlineFigures,
  DelaySummary,
  openSeries,
  opensByClassification,
  rate,
  STATS_DEFINITIONS,
  timeToFirstOpen,
} from '../domain/open-stats';

const RECENT_OPENS = 50;
const RECENT_CLICKS = 50;

/** The campaign's click counters, kept beside its message counters. */
interface ClickCounters {
  unique_clicks: number;
  unique_human_clicks: number;
  implied_opens: number;
}

/**
 * Nearest-rank median and 90th percentile of the delays to the first human open, from the
 * campaign's counted delay seconds (`email.campaign_open_delays`): the smallest second with at
 * least p of the messages at or below it, as percentile_disc over the messages would answer.
 * As many rows as distinct delay seconds, not messages.
 */
const DELAY_PERCENTILES = `
  SELECT COALESCE(max(total), 0)::int AS samples,
         min(seconds) FILTER (WHERE running >= 0.5 * total) AS median,
         min(seconds) FILTER (WHERE running >= 0.9 * total) AS p90
    FROM (SELECT seconds, sum(messages) OVER (ORDER BY seconds) AS running,
                 sum(messages) OVER () AS total
            FROM email.campaign_open_delays WHERE campaign_id = $1 AND messages > 0) delays`;

/**
 * Opens and clicks per UTC hour, from the campaign's hour rows (`email.campaign_hours`, kept by
 * every writer of opens and clicks): as many rows as the campaign has hours and classes, not opens.
 */
const HOURLY_SERIES = `
  SELECT extract(epoch FROM hour)::float8 AS hour,
         sum(opens)::int AS opens,
         COALESCE(sum(opens) FILTER (WHERE classification = 'human'), 0)::int AS human_opens,
         sum(clicks)::int AS clicks,
         COALESCE(sum(clicks) FILTER (WHERE classification = 'human'), 0)::int AS human_clicks
    FROM email.campaign_hours WHERE campaign_id = $1
   GROUP BY hour HAVING sum(opens) > 0 OR sum(clicks) > 0`;

/**
 * Reads the counters kept with each campaign, message and campaign hour (database triggers and
 * the recorders); the maths is in `domain/open-stats.ts`.
 */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every figure from one snapshot: the recorders commit while the statements run. */
  campaignStats(campaignId: string, now = new Date()): Promise<CampaignStatsView> {
    return readSnapshot(this.dataSource, (db) => this.campaignStatsIn(db, campaignId, now));
  }

  private async campaignStatsIn(
    db: EntityManager,
    campaignId: string,
    now: Date,
  ): Promise<CampaignStatsView> {
    const [counters]: (CampaignCounters & ClickCounters)[] = await db.query(
      `SELECT ${CAMPAIGN_COUNTERS}, unique_clicks, unique_human_clicks, implied_opens
         FROM email.campaigns WHERE id = $1`,
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
    // One after another: the snapshot is one connection (pg serialises its queries anyway).
    const [unsubscribes]: { count: number }[] = await db.query(
      `SELECT count(*)::int AS count FROM email.unsubscribes WHERE campaign_id = $1`,
      [campaignId],
    );
    const [delays]: DelaySummary[] = await db.query(DELAY_PERCENTILES, [campaignId]);
    const classes: { classification: OpenClassification; opens: number }[] = await db.query(
      `SELECT classification, sum(opens)::int AS opens FROM email.campaign_hours
         WHERE campaign_id = $1 GROUP BY classification HAVING sum(opens) > 0`,
      [campaignId],
    );
    const hours: {
      hour: number;
      opens: number;
      human_opens: number;
      clicks: number;
      human_clicks: number;
    }[] = await db.query(HOURLY_SERIES, [campaignId]);
    const clickClasses: { classification: ClickClassification; clicks: number }[] = await db.query(
      `SELECT classification, sum(clicks)::int AS clicks FROM email.campaign_hours
         WHERE campaign_id = $1 GROUP BY classification HAVING sum(clicks) > 0`,
      [campaignId],
    );
    const links: {
      url: string;
      total_clicks: number;
      unique_clicks: number;
      unique_human_clicks: number;
    }[] = await db.query(
      `SELECT url, total_clicks, unique_clicks, unique_human_clicks FROM email.links
            WHERE campaign_id = $1 AND total_clicks > 0
            ORDER BY unique_human_clicks DESC, total_clicks DESC, url`,
      [campaignId],
    );
    const clicksBy = clicksByClassification(clickClasses);
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
      timeToFirstOpen: timeToFirstOpen(delays),
      impliedOpens: counters.implied_opens,
      totalClicks: Object.values(clicksBy).reduce((sum, count) => sum + count, 0),
      uniqueClicks: counters.unique_clicks,
      uniqueHumanClicks: counters.unique_human_clicks,
      clicksByClassification: clicksBy,
      clickThroughRate: rate(
        counters.unique_human_clicks,
        headline.delivered,
        STATS_DEFINITIONS.clickThroughRate,
      ),
      clickToOpenRate: rate(
        counters.unique_human_clicks,
        headline.uniqueHumanOpens,
        STATS_DEFINITIONS.clickToOpenRate,
      ),
      links: links.map((row) => ({
        url: row.url,
        totalClicks: row.total_clicks,
        uniqueClicks: row.unique_clicks,
        uniqueHumanClicks: row.unique_human_clicks,
      })),
      series: openSeries(
        hours.map((row) => ({
          hour: new Date(row.hour * 1000),
          opens: row.opens,
          humanOpens: row.human_opens,
          clicks: row.clicks,
          humanClicks: row.human_clicks,
        })),
        now,
      ),
      definitions: { ...STATS_DEFINITIONS },
    };
  }

  /** Built from the contact's stored opens and clicks only: anonymous and erased ones do not show. */
  contactEngagement(contactId: string): Promise<ContactEngagementView> {
    return readSnapshot(this.dataSource, (db) => this.contactEngagementIn(db, contactId));
  }

  private async contactEngagementIn(
    db: EntityManager,
    contactId: string,
  ): Promise<ContactEngagementView> {
    // One after another: the snapshot is one connection (pg serialises its queries anyway).
    const [messages]: { sent: number; bounced: number }[] = await db.query(
      `SELECT count(*)::int AS sent,
                count(*) FILTER (WHERE status IN ('soft_bounce', 'hard_bounce'))::int AS bounced
         FROM email.messages WHERE contact_id = $1`,
      [contactId],
    );
    const [opens]: {
      total_opens: number;
      unique_opens: number;
      unique_human_opens: number;
      last_human_open_at: Date | null;
    }[] = await db.query(
      `SELECT count(*)::int AS total_opens,
                count(DISTINCT message_id)::int AS unique_opens,
                count(DISTINCT message_id) FILTER (WHERE classification = 'human')::int AS unique_human_opens,
                max(opened_at) FILTER (WHERE classification = 'human') AS last_human_open_at
         FROM email.opens WHERE contact_id = $1`,
      [contactId],
    );
    const [tracking]: { do_not_track: boolean }[] = await db.query(
      `SELECT do_not_track FROM email.contact_tracking WHERE contact_id = $1`,
      [contactId],
    );
    const [unsubscribes]: { count: number; first_at: Date | null }[] = await db.query(
      `SELECT count(*)::int AS count, min(unsubscribed_at) AS first_at
         FROM email.unsubscribes WHERE contact_id = $1`,
      [contactId],
    );
    const recent: {
      message_id: string;
      campaign_id: string;
      opened_at: Date;
      classification: OpenClassification;
      reason: string;
      ua_family: string | null;
    }[] = await db.query(
      `SELECT message_id, campaign_id, opened_at, classification, reason, ua_family
         FROM email.opens WHERE contact_id = $1 ORDER BY opened_at DESC, id DESC LIMIT ${RECENT_OPENS}`,
      [contactId],
    );
    const [clicks]: {
      total_clicks: number;
      unique_human_clicks: number;
      last_human_click_at: Date | null;
    }[] = await db.query(
      `SELECT count(*)::int AS total_clicks,
                count(DISTINCT message_id) FILTER (WHERE classification = 'human')::int AS unique_human_clicks,
                max(clicked_at) FILTER (WHERE classification = 'human') AS last_human_click_at
         FROM email.clicks WHERE contact_id = $1`,
      [contactId],
    );
    const recentClicks: {
      message_id: string;
      campaign_id: string;
      url: string;
      clicked_at: Date;
      classification: ClickClassification;
      reason: string;
      ua_family: string | null;
    }[] = await db.query(
      `SELECT c.message_id, c.campaign_id, l.url, c.clicked_at, c.classification, c.reason, c.ua_family
         FROM email.clicks c JOIN email.links l ON l.id = c.link_id
         WHERE c.contact_id = $1 ORDER BY c.clicked_at DESC, c.id DESC LIMIT ${RECENT_CLICKS}`,
      [contactId],
    );
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
      totalClicks: clicks.total_clicks,
      uniqueHumanClicks: clicks.unique_human_clicks,
      lastHumanClickAt: clicks.last_human_click_at?.toISOString() ?? null,
      recentClicks: recentClicks.map((row) => ({
        messageId: row.message_id,
        campaignId: row.campaign_id,
        url: row.url,
        clickedAt: row.clicked_at.toISOString(),
        classification: row.classification,
        reason: row.reason,
        uaFamily: row.ua_family,
      })),
    };
  }
}
