import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ClickClassification,
  EmailClicked,
  EmailEvents,
  EmailPixelHit,
  redirectableUrl,
  truncateIp,
} from '@sales-suite/contracts';
import { OutboxService } from '@sales-suite/persistence';
import { EntityManager } from 'typeorm';
import {
  classifyClick,
  ClickInWindow,
  ClickThresholds,
  DEFAULT_CLICK_THRESHOLDS,
  otherLinksInWindow,
  siblingProbes,
} from '../domain/click-classification';
import { userAgentFamily } from '../domain/open-classification';
import { emailHitsNotRecordedTotal } from './opens.metrics';
import { skipReason, TargetRow } from './message-target';
import { emailClicksRecordedTotal } from './clicks.metrics';
import { CampaignHoursTally } from '../domain/campaign-hours';
import { ClickCountsTally } from '../domain/click-counts';
import { lockCampaigns, shiftClickCounts } from './click-counts';

/** A click hit (`click` set), as the recorder receives it. */
export type ClickHit = EmailPixelHit & { click: NonNullable<EmailPixelHit['click']> };

/** A new human click that is the first sign its message was read: the caller records the open. */
export interface ImpliedOpen {
  hit: ClickHit;
  hitId: string;
  messageId: string;
  target: TargetRow;
  at: Date;
}

interface RecordedClick extends ClickInWindow {
  hitId: string;
  classification: ClickClassification;
}

interface ClickRow {
  hit: ClickHit;
  hitId: string;
  messageId: string;
  target: TargetRow;
  at: Date;
  classification: ClickClassification;
  reason: string;
  individual: boolean;
  impliedOpen: boolean;
}

/**
 * Records a batch's clicks inside the recorder's transaction, after their messages were locked
 * (so concurrent replicas serialise on a message: the "several links within a second" rule reads
 * the message's recorded clicks from the database and sees every click committed before it, on
 * whichever replica, and re-judges a recorded click that turns out to have started a burst).
 * Fixed statements per batch: lock the campaigns, upsert the links, read the messages' recent
 * clicks, insert the clicks, move the click counts (`click-counts.ts`), enqueue `email.clicked`
 * (plus three when a burst start is re-judged). Idempotent: `hit_id` is unique. The campaign
 * lock adds little wait: the link upsert right after it already holds a campaign's link rows
 * until the commit.
 */
@Injectable()
export class ClickRecorderService {
  private readonly thresholds: ClickThresholds;

  constructor(
    private readonly outbox: OutboxService,
    config: ConfigService,
  ) {
    this.thresholds = {
      ...DEFAULT_CLICK_THRESHOLDS,
      scannerSeconds: config.getOrThrow<number>('CLICK_SCANNER_SECONDS'),
    };
  }

  /**
   * `humanOpened`: messages with a human open in this batch; `hours`: the batch's changes to the
   * campaign hour rows, which the caller writes. Answers the implied opens to record and how many
   * events were enqueued.
   */
  async recordIn(
    manager: EntityManager,
    hits: readonly ClickHit[],
    targets: Map<string, TargetRow>,
    humanOpened: ReadonlySet<string>,
    hours: CampaignHoursTally,
  ): Promise<{ impliedOpens: ImpliedOpen[]; emitted: number }> {
    const kept: Omit<ClickRow, 'classification' | 'reason' | 'impliedOpen'>[] = [];
    const seen = new Set<string>();
    for (const hit of hits) {
      const hitId = hit.hitId.toLowerCase();
      if (seen.has(hitId)) continue; // the same hit twice in one batch: a redelivery
      seen.add(hitId);
      const messageId = hit.messageId.toLowerCase();
      const target = targets.get(messageId);
      // Only the edge publishes hits, and it verified the link; a stray publish is not recorded.
      const skip =
        redirectableUrl(hit.click.url) === hit.click.url
          ? skipReason(hitId, target)
          : 'malformed_hit';
      if (skip || !target) {
        emailHitsNotRecordedTotal.inc({ reason: skip ?? 'unknown_message' });
        continue;
      }
      kept.push({
        hit,
        hitId,
        messageId,
        target,
        at: new Date(hit.at),
        individual: target.tracking_mode === 'individual',
      });
    }
    if (kept.length === 0) return { impliedOpens: [], emitted: 0 };
    // Every campaign of the batch, its opens' too: the caller's open counters move them next.
    await lockCampaigns(
      manager,
      [...targets.values()].map((target) => target.campaign_id),
    );
    const linkIds = await this.linkIds(manager, kept);
    const linkOf = (row: (typeof kept)[number]) =>
      linkIds.get(`${row.target.campaign_id} ${row.hit.click.url}`)!;
    const batch = kept.map((row) => ({ messageId: row.messageId, link: linkOf(row), at: row.at }));
    const recorded = await this.recentClicks(manager, batch);
    const siblings = otherLinksInWindow(batch, recorded, this.thresholds.siblingWindowMs);
    const counts = new ClickCountsTally();
    await this.demoteBurstStarts(manager, recorded, batch, targets, hours, counts);
    const opened = new Set(humanOpened);
    const rows: ClickRow[] = kept.map((row, index) => {
      const verdict = classifyClick(
        {
          head: row.hit.click.head,
          userAgent: row.hit.userAgent,
          ip: row.hit.ip,
          clickedAt: row.at,
          deliveredAt: row.target.delivered_at,
          otherLinksInWindow: siblings[index],
        },
        this.thresholds,
      );
      const impliedOpen =
        verdict.classification === 'human' &&
        row.target.first_human_open_at === null &&
        !opened.has(row.messageId);
      if (impliedOpen) opened.add(row.messageId);
      return { ...row, ...verdict, impliedOpen };
    });
    const inserted = await this.insertClicks(manager, rows, linkIds);
    const impliedOpens: ImpliedOpen[] = [];
    const events: { subject: string; payload: EmailClicked }[] = [];
    for (const row of rows) {
      if (!inserted.has(row.hitId)) continue;
      emailClicksRecordedTotal.inc({ classification: row.classification });
      hours.addClick(row.target.campaign_id, row.at, row.classification);
      counts.addClick({
        messageId: row.messageId,
        linkId: linkOf(row),
        classification: row.classification,
        impliedOpen: row.impliedOpen,
      });
      if (row.impliedOpen) impliedOpens.push(row);
      if (row.classification !== 'human' || !row.individual) continue;
      events.push({
        subject: EmailEvents.Clicked,
        payload: {
          clickId: row.hitId,
          messageId: row.messageId,
          campaignId: row.target.campaign_id,
          contactId: row.target.contact_id,
          leadId: row.target.lead_id,
          url: row.hit.click.url,
          clickedAt: row.at.toISOString(),
          classification: row.classification,
          reason: row.reason,
          impliedOpen: row.impliedOpen,
        },
      });
    }
    await shiftClickCounts(manager, counts);
    await this.outbox.enqueueMany(manager, events);
    return { impliedOpens, emitted: events.length };
  }

  /**
   * The recorded clicks that can be another link of the same message within the window of a
   * batch click (for the sibling rule, both ways), one probe per message (`siblingProbes`): a
   * message's clicks of the batch's only link of it are never read, since under load they are
   * nearly all of the window (reading them made each batch fetch ~2 s of the messages' traffic,
   * 11,800 rows at 5,700 clicks/s). A redelivered hit has its own link, so it never counts as
   * another one.
   */
  private async recentClicks(
    manager: EntityManager,
    batch: ClickInWindow[],
  ): Promise<RecordedClick[]> {
    const probes = siblingProbes(batch, this.thresholds.siblingWindowMs);
    const recent: {
      hit_id: string;
      message_id: string;
      link_id: string;
      clicked_at: Date;
      classification: ClickClassification;
    }[] = await manager.query(
      // Two ranges of clicks_message_link_time_idx per message, below and above its sole link
      // (link ids start at 1: with no sole link, 0 makes the first empty and the second all).
      `SELECT c.hit_id, c.message_id, c.link_id, c.clicked_at, c.classification
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::bigint[])
              AS p(message_id, since, until, sole_link)
        CROSS JOIN LATERAL (
          SELECT * FROM email.clicks c
           WHERE c.message_id = p.message_id AND c.link_id < COALESCE(p.sole_link, 0)
             AND c.clicked_at > p.since AND c.clicked_at < p.until
          UNION ALL
          SELECT * FROM email.clicks c
           WHERE c.message_id = p.message_id AND c.link_id > COALESCE(p.sole_link, 0)
             AND c.clicked_at > p.since AND c.clicked_at < p.until) c`,
      [
        probes.map((probe) => probe.messageId),
        probes.map((probe) => probe.since.toISOString()),
        probes.map((probe) => probe.until.toISOString()),
        probes.map((probe) => probe.soleLink),
      ],
    );
    return recent.map((row) => ({
      hitId: row.hit_id,
      messageId: row.message_id,
      link: String(row.link_id),
      at: row.clicked_at,
      classification: row.classification,
    }));
  }

  /**
   * Re-judges recorded human clicks that turn out to be the first of a burst (another link of the
   * message clicked within the window, in this batch): they become scanner clicks, and an open
   * they implied is removed, with the message's open counters (its click counts move with the
   * batch's, in `clickCounts`). Events already sent for them stay.
   */
  private async demoteBurstStarts(
    manager: EntityManager,
    recorded: RecordedClick[],
    batch: ClickInWindow[],
    targets: Map<string, TargetRow>,
    hours: CampaignHoursTally,
    clickCounts: ClickCountsTally,
  ): Promise<void> {
    const humans = recorded.filter((click) => click.classification === 'human');
    if (humans.length === 0) return;
    const counts = otherLinksInWindow(humans, batch, this.thresholds.siblingWindowMs);
    const demoted = humans.filter((_, index) => counts[index] > 0);
    if (demoted.length === 0) return;
    // UPDATE and DELETE answer [rows, count].
    const [rejudged]: [
      {
        hit_id: string;
        message_id: string;
        link_id: string;
        campaign_id: string;
        clicked_at: Date;
      }[],
      number,
    ] = await manager.query(
      `UPDATE email.clicks SET classification = 'machine:scanner', implied_open = false,
              reason = 'first of several links of the message clicked within ' || $2 || ' s'
        WHERE hit_id = ANY($1::uuid[])
        RETURNING hit_id, message_id, link_id, campaign_id, clicked_at`,
      [demoted.map((click) => click.hitId), String(this.thresholds.siblingWindowMs / 1000)],
    );
    for (const click of rejudged) {
      hours.addClick(click.campaign_id, click.clicked_at, 'human', -1);
      hours.addClick(click.campaign_id, click.clicked_at, 'machine:scanner');
    }
    const [removed]: [
      {
        hit_id: string;
        message_id: string;
        campaign_id: string;
        opened_at: Date;
        classification: string;
      }[],
      number,
    ] = await manager.query(
      `DELETE FROM email.opens WHERE hit_id = ANY($1::uuid[]) AND implied
       RETURNING hit_id, message_id, campaign_id, opened_at, classification`,
      [demoted.map((click) => click.hitId)],
    );
    for (const open of removed)
      hours.addOpen(open.campaign_id, open.opened_at, open.classification, -1);
    const impliedRemoved = new Set(removed.map((open) => open.hit_id));
    for (const click of rejudged)
      clickCounts.addDemotion(
        click.message_id,
        String(click.link_id),
        impliedRemoved.has(click.hit_id),
      );
    if (removed.length === 0) return;
    const [reset]: [{ id: string; first_human_open_at: Date | null }[], number] =
      await manager.query(
        `UPDATE email.messages m
          SET open_count = m.open_count - r.removed, human_open_count = m.human_open_count - r.removed,
              first_open_at = (SELECT min(opened_at) FROM email.opens o WHERE o.message_id = m.id),
              first_human_open_at = (SELECT min(opened_at) FROM email.opens o
                                      WHERE o.message_id = m.id AND o.classification = 'human')
         FROM (SELECT id, count(*)::int AS removed FROM unnest($1::uuid[]) AS u(id) GROUP BY id) r
        WHERE m.id = r.id
        RETURNING m.id, m.first_human_open_at`,
        [removed.map((row) => row.message_id)],
      );
    // The batch's own implied opens are decided on the corrected state.
    for (const row of reset) {
      const target = targets.get(row.id);
      if (target) target.first_human_open_at = row.first_human_open_at;
    }
  }

  /** Each distinct (campaign, link) of the batch as its row id, created when new. */
  private async linkIds(
    manager: EntityManager,
    rows: { target: TargetRow; hit: ClickHit }[],
  ): Promise<Map<string, string>> {
    const key = (campaignId: string, url: string) => `${campaignId} ${url}`;
    const distinct = [
      ...new Map(
        rows.map((row) => [
          key(row.target.campaign_id, row.hit.click.url),
          [row.target.campaign_id, row.hit.click.url] as const,
        ]),
      ).values(),
    ].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1)); // one lock order
    // DO UPDATE (a no-op) so that existing links are returned too.
    const links: { id: string; campaign_id: string; url: string }[] = await manager.query(
      `INSERT INTO email.links (campaign_id, url)
         SELECT * FROM unnest($1::uuid[], $2::varchar[])
         ON CONFLICT (campaign_id, md5(url)) DO UPDATE SET url = EXCLUDED.url
         RETURNING id, campaign_id, url`,
      [distinct.map(([campaignId]) => campaignId), distinct.map(([, url]) => url)],
    );
    return new Map(links.map((link) => [key(link.campaign_id, link.url), String(link.id)]));
  }

  /** Inserts the clicks; answers the hit ids that were new. */
  private async insertClicks(
    manager: EntityManager,
    rows: ClickRow[],
    linkIds: Map<string, string>,
  ): Promise<Set<string>> {
    const inserted: { hit_id: string }[] = await manager.query(
      `INSERT INTO email.clicks
           (hit_id, message_id, campaign_id, link_id, clicked_at, classification, reason,
            implied_open, contact_id, ip_prefix, ua_family)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::timestamptz[],
                              $6::varchar[], $7::varchar[], $8::boolean[], $9::varchar[],
                              $10::varchar[], $11::varchar[])
         ON CONFLICT (hit_id) DO NOTHING RETURNING hit_id`,
      [
        rows.map((row) => row.hitId),
        rows.map((row) => row.messageId),
        rows.map((row) => row.target.campaign_id),
        rows.map((row) => linkIds.get(`${row.target.campaign_id} ${row.hit.click.url}`)),
        rows.map((row) => row.at.toISOString()),
        rows.map((row) => row.classification),
        rows.map((row) => row.reason),
        rows.map((row) => row.impliedOpen),
        rows.map((row) => (row.individual ? row.target.contact_id : null)),
        rows.map((row) => (row.individual ? truncateIp(row.hit.ip) : null)),
        rows.map((row) => (row.individual ? userAgentFamily(row.hit.userAgent) : null)),
      ],
    );
    return new Set(inserted.map((row) => row.hit_id));
  }
}
