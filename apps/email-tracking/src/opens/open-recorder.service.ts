import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EmailEvents,
  EmailOpened,
  EmailPixelHit,
  OpenClassification,
  TrackingMode,
} from '@sales-suite/contracts';
import type { EventOutcome } from '@sales-suite/messaging';
import { OutboxRelayService, OutboxService } from '@sales-suite/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { truncateIp } from './network-source';
import { classifyOpen, userAgentFamily } from './open-classification';
import { emailHitsNotRecordedTotal, emailOpensRecordedTotal } from './opens.metrics';
import { SourceBurstWindow } from './source-burst-window';

const BURST_WINDOW_MS = 10_000;

interface TargetRow {
  campaign_id: string;
  contact_id: string | null;
  lead_id: string | null;
  delivered_at: Date | null;
  first_human_open_at: Date | null;
  tracking_mode: TrackingMode;
  do_not_track: boolean;
}

/**
 * Turns one pixel hit into a classified open. Idempotent: the hit id is unique in `opens`, so a
 * redelivered hit changes nothing. The raw IP and user agent are used for the verdict and then
 * only their truncated forms are kept (none at all in anonymous mode).
 */
@Injectable()
export class OpenRecorderService {
  private readonly bursts = new SourceBurstWindow(BURST_WINDOW_MS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelayService,
  ) {}

  /**
   * Records hits in one transaction (one commit for a whole batch); if any fails, none is
   * recorded and the caller retries them one by one.
   */
  async recordAll(hits: readonly EmailPixelHit[]): Promise<EventOutcome[]> {
    let emitted = false;
    const outcomes = await this.dataSource.transaction(async (manager) => {
      const results: EventOutcome[] = [];
      for (const hit of hits) {
        const { outcome, emittedOpened } = await this.recordIn(manager, hit);
        results.push(outcome);
        emitted ||= emittedOpened;
      }
      return results;
    });
    if (emitted) this.relay.publishSoon();
    return outcomes;
  }

  private async recordIn(
    manager: EntityManager,
    hit: EmailPixelHit,
  ): Promise<{ outcome: EventOutcome; emittedOpened: boolean }> {
    const processed = { outcome: 'processed' as const, emittedOpened: false };
    // Locking the message serialises concurrent hits on it, so "first human open" is exact.
    const [target]: TargetRow[] = await manager.query(
      `SELECT m.campaign_id, m.contact_id, m.lead_id, m.delivered_at, m.first_human_open_at,
                s.tracking_mode, COALESCE(ct.do_not_track, false) AS do_not_track
         FROM email.messages m
         CROSS JOIN email.settings s
         LEFT JOIN email.contact_tracking ct ON ct.contact_id = m.contact_id
         WHERE m.id = $1
         FOR UPDATE OF m`,
      [hit.messageId],
    );
    const skip = !target
      ? 'unknown_message'
      : target.tracking_mode === 'off'
        ? 'tracking_off'
        : target.do_not_track
          ? 'do_not_track'
          : null;
    if (skip) {
      emailHitsNotRecordedTotal.inc({ reason: skip });
      return processed;
    }
    const openedAt = new Date(hit.at);
    const source = truncateIp(hit.ip);
    const verdict = classifyOpen({
      userAgent: hit.userAgent,
      ip: hit.ip,
      openedAt,
      deliveredAt: target.delivered_at,
      messagesFromSourceInWindow: source ? this.bursts.record(source, hit.messageId, openedAt) : 1,
    });
    const individual = target.tracking_mode === 'individual';
    const inserted: unknown[] = await manager.query(
      `INSERT INTO email.opens
           (hit_id, message_id, campaign_id, contact_id, opened_at, classification, reason, ip_prefix, ua_family)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (hit_id) DO NOTHING RETURNING 1`,
      [
        hit.hitId,
        hit.messageId,
        target.campaign_id,
        individual ? target.contact_id : null,
        openedAt,
        verdict.classification,
        verdict.reason,
        individual ? source : null,
        individual ? userAgentFamily(hit.userAgent) : null,
      ],
    );
    if (inserted.length === 0) return { outcome: 'duplicate', emittedOpened: false };
    const human = verdict.classification === 'human';
    await manager.query(
      `UPDATE email.messages
         SET open_count = open_count + 1,
             human_open_count = human_open_count + $2,
             first_open_at = LEAST(first_open_at, $3::timestamptz),
             first_human_open_at = CASE WHEN $2 = 1 THEN LEAST(first_human_open_at, $3::timestamptz) ELSE first_human_open_at END
         WHERE id = $1`,
      [hit.messageId, human ? 1 : 0, openedAt],
    );
    emailOpensRecordedTotal.inc({ classification: verdict.classification });
    if (human && individual && target.first_human_open_at === null) {
      await this.outbox.enqueue(manager, EmailEvents.Opened, {
        messageId: hit.messageId,
        campaignId: target.campaign_id,
        contactId: target.contact_id,
        leadId: target.lead_id,
        openedAt: openedAt.toISOString(),
        classification: verdict.classification satisfies OpenClassification,
        reason: verdict.reason,
      } satisfies EmailOpened);
      return { outcome: 'processed', emittedOpened: true };
    }
    return processed;
  }
}
