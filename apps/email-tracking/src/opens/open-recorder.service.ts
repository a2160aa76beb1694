import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EmailEvents,
  EmailOpened,
  EmailPixelHit,
  isAppleNetwork,
  OpenClassification,
  truncateIp,
} from '@sales-suite/contracts';
import { LeaseService, OutboxRelayService, OutboxService } from '@sales-suite/persistence';
import { DataSource, EntityManager } from 'typeorm';
import {
  AgentKind,
  agentKind,
  classifyJudged,
  userAgentFamily,
} from '../domain/open-classification';
import { emailHitsNotRecordedTotal, emailOpensRecordedTotal } from './opens.metrics';
import { SourceBurstWindow } from '../domain/source-burst-window';
import { ClickHit, ClickRecorderService, ImpliedOpen } from './click-recorder.service';
import { skipReason, TargetRow, UUID } from './message-target';
import { CampaignHoursTally } from '../domain/campaign-hours';
import { shiftCampaignHours } from './campaign-rollup';

/**
 * The partition a batch of hits belongs to, as its owner holds it: the lease that fences the
 * recording, and the burst window of the partition's sources.
 */
export interface OwnedPartition {
  lease: string;
  bursts: SourceBurstWindow;
}

/** The replica no longer holds the partition's lease: another one may own it by now. */
export class PartitionNotHeldError extends Error {
  constructor(lease: string) {
    super(`Lease ${lease} is no longer held: the batch is left to the partition's owner`);
    this.name = 'PartitionNotHeldError';
  }
}

interface OpenRow {
  hit: EmailPixelHit;
  /** Lower case, as PostgreSQL prints uuids. */
  hitId: string;
  messageId: string;
  target: TargetRow;
  openedAt: Date;
  classification: OpenClassification;
  reason: string;
  individual: boolean;
  source: string | null;
  /** Recorded because of a human click, not a pixel fetch. */
  implied: boolean;
}

const IMPLIED_OPEN_REASON = 'implied by a human click (no human open recorded before it)';

interface MessageTally {
  opens: number;
  humanOpens: number;
  firstOpenAt: Date;
  firstHumanOpenAt: Date | null;
  /** The batch's first human open, when it is the message's first ever: `email.opened`. */
  firstHumanOpen?: OpenRow;
}

/** One partition's batch, waiting for a transaction. */
interface PendingBatch {
  hits: readonly EmailPixelHit[];
  partition: OwnedPartition;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Most hits one transaction takes from the batches waiting (a batch is never split: a bigger one
 * goes alone). Its statements cost about the same whatever its size, but it holds the partitions'
 * leases share-locked until it commits: a renewal waits for it.
 */
const MAX_HITS_PER_TRANSACTION = 4096;

/**
 * Turns pixel hits into classified opens (and hands click hits to the ClickRecorderService, in the
 * same transaction, whose human clicks on unopened messages come back as implied opens), a batch
 * at a time with a fixed number of statements (lock the messages, insert the opens, update the
 * counters and the campaign's hour rows, enqueue the events), whatever the batch size: per-hit
 * round trips made recording the bottleneck under a mailing's burst of opens.
 * The batches of every partition this replica owns share transactions: one runs at a time and
 * takes whatever the partitions' consumers handed over meanwhile (a group commit), so a load
 * spread over 16 partitions is not 16 transactions of a few hits each, nor 16 connections.
 * Idempotent: the hit id is unique in `opens`, so a redelivered hit changes nothing. The raw IP
 * and user agent are used for the verdict and then only their truncated forms are kept (none at
 * all in anonymous mode).
 */
@Injectable()
export class OpenRecorderService {
  /**
   * Batches handed over and not yet in a transaction, in arrival order. Per replica by design:
   * only its own partitions' consumers add to it, and each batch is fenced by its lease.
   */
  private readonly waiting: PendingBatch[] = [];
  private recording = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelayService,
    private readonly leases: LeaseService,
    private readonly clicks: ClickRecorderService,
  ) {}

  /**
   * Records one partition's hits, in a transaction that first checks that this replica still
   * holds the partition (fencing: a replica that lost it writes nothing, PartitionNotHeldError).
   * If it fails, none is recorded and the caller retries them. Resolves once they are committed.
   */
  recordAll(hits: readonly EmailPixelHit[], partition: OwnedPartition): Promise<void> {
    if (hits.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ hits, partition, resolve, reject });
      void this.recordWaiting();
    });
  }

  /** One transaction at a time, each with the batches waiting when it starts. */
  private async recordWaiting(): Promise<void> {
    if (this.recording) return;
    this.recording = true;
    try {
      // Batches delivered in the same turn of the event loop go together.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.waiting.length > 0) {
        let hits = this.waiting[0].hits.length;
        let count = 1;
        while (
          count < this.waiting.length &&
          hits + this.waiting[count].hits.length <= MAX_HITS_PER_TRANSACTION
        )
          hits += this.waiting[count++].hits.length;
        await this.recordGroup(this.waiting.splice(0, count));
      }
    } finally {
      this.recording = false;
    }
  }

  /**
   * Records the batches in one transaction and settles each. When it fails, each batch is tried
   * in a transaction of its own, so one that cannot be recorded does not hold back the others.
   */
  private async recordGroup(group: PendingBatch[]): Promise<void> {
    try {
      const { emitted, recorded } = await this.dataSource.transaction(async (manager) => {
        const held = await this.leases.heldOf(
          manager,
          group.map(({ partition }) => partition.lease),
        );
        const recorded = group.filter(({ partition }) => held.has(partition.lease));
        return {
          emitted: recorded.length > 0 ? await this.recordIn(manager, recorded) : 0,
          recorded,
        };
      });
      if (emitted > 0) this.relay.publishSoon();
      for (const batch of group)
        if (recorded.includes(batch)) batch.resolve();
        else batch.reject(new PartitionNotHeldError(batch.partition.lease));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      for (const batch of group) await this.recordGroup([batch]);
    }
  }

  /** Returns how many events (`email.opened`, `email.clicked`) it enqueued. */
  private async recordIn(manager: EntityManager, batches: PendingBatch[]): Promise<number> {
    const hits = batches.length === 1 ? batches[0].hits : batches.flatMap((batch) => batch.hits);
    const targets = await this.lockTargets(manager, hits);
    const clickHits = hits.filter((hit): hit is ClickHit => hit.click !== undefined);
    const parts = new VerdictParts();
    const rows = this.classify(batches, targets, parts);
    const hours = new CampaignHoursTally();
    let emitted = 0;
    if (clickHits.length > 0) {
      const humanOpened = new Set(
        rows.filter((row) => row.classification === 'human').map((row) => row.messageId),
      );
      const clicks = await this.clicks.recordIn(manager, clickHits, targets, humanOpened, hours);
      rows.push(...clicks.impliedOpens.map(impliedOpenRow));
      emitted += clicks.emitted;
    }
    const inserted =
      rows.length > 0 ? await this.insertOpens(manager, rows, parts) : new Set<string>();
    const tallies = new Map<string, MessageTally>();
    const recorded = new Map<OpenClassification, number>();
    for (const row of rows) {
      if (!inserted.has(row.hitId)) continue;
      recorded.set(row.classification, (recorded.get(row.classification) ?? 0) + 1);
      hours.addOpen(row.target.campaign_id, row.openedAt, row.classification);
      const human = row.classification === 'human';
      let tally = tallies.get(row.messageId);
      if (!tally) {
        tally = { opens: 0, humanOpens: 0, firstOpenAt: row.openedAt, firstHumanOpenAt: null };
        tallies.set(row.messageId, tally);
      }
      tally.opens++;
      if (row.openedAt < tally.firstOpenAt) tally.firstOpenAt = row.openedAt;
      if (!human) continue;
      tally.humanOpens++;
      if (!tally.firstHumanOpenAt || row.openedAt < tally.firstHumanOpenAt)
        tally.firstHumanOpenAt = row.openedAt;
      if (!tally.firstHumanOpen && row.individual && row.target.first_human_open_at === null)
        tally.firstHumanOpen = row;
    }
    // Once per class, not per open (a label lookup each).
    for (const [classification, count] of recorded)
      emailOpensRecordedTotal.inc({ classification }, count);
    if (tallies.size > 0) await this.updateCounters(manager, tallies);
    // Last of the batch's row locks, so the campaign's hour rows are held only until the commit.
    await shiftCampaignHours(manager, hours);
    for (const { firstHumanOpen: row } of tallies.values()) {
      if (!row) continue;
      await this.outbox.enqueue(manager, EmailEvents.Opened, {
        messageId: row.messageId,
        campaignId: row.target.campaign_id,
        contactId: row.target.contact_id,
        leadId: row.target.lead_id,
        openedAt: row.openedAt.toISOString(),
        classification: row.classification,
        reason: row.reason,
      } satisfies EmailOpened);
      emitted++;
    }
    return emitted;
  }

  /**
   * The hits' messages, locked in id order (so concurrent batches cannot deadlock): hits on the
   * same message from several consumers are serialised, so "first human open" is exact.
   */
  private async lockTargets(
    manager: EntityManager,
    hits: readonly EmailPixelHit[],
  ): Promise<Map<string, TargetRow>> {
    const ids = [...new Set(hits.map((hit) => hit.messageId.toLowerCase()))]
      .filter((id) => UUID.test(id))
      .sort();
    if (ids.length === 0) return new Map();
    const rows: (TargetRow & { id: string })[] = await manager.query(
      `SELECT m.id, m.campaign_id, m.contact_id, m.lead_id, m.delivered_at, m.first_human_open_at,
              s.tracking_mode, COALESCE(ct.do_not_track, false) AS do_not_track
         FROM email.messages m
         CROSS JOIN email.settings s
         LEFT JOIN email.contact_tracking ct ON ct.contact_id = m.contact_id
         WHERE m.id = ANY($1::uuid[])
         ORDER BY m.id
         FOR UPDATE OF m`,
      [ids],
    );
    return new Map(rows.map(({ id, ...target }) => [id, target]));
  }

  /**
   * The pixel hits' verdicts, each partition's in arrival order against its burst window (which
   * depends on that order); skipped hits are counted. Click hits are the ClickRecorderService's.
   */
  private classify(
    batches: PendingBatch[],
    targets: Map<string, TargetRow>,
    parts: VerdictParts,
  ): OpenRow[] {
    const rows: OpenRow[] = [];
    const seen = new Set<string>();
    for (const { hits, partition } of batches)
      for (const hit of hits) {
        if (hit.click !== undefined) continue;
        const row = this.classifyHit(hit, targets, partition.bursts, parts, seen);
        if (row) rows.push(row);
      }
    return rows;
  }

  private classifyHit(
    hit: EmailPixelHit,
    targets: Map<string, TargetRow>,
    bursts: SourceBurstWindow,
    parts: VerdictParts,
    seen: Set<string>,
  ): OpenRow | undefined {
    const hitId = hit.hitId.toLowerCase();
    const messageId = hit.messageId.toLowerCase();
    if (seen.has(hitId)) return undefined; // the same hit twice in one batch: a redelivery
    seen.add(hitId);
    const target = targets.get(messageId);
    const skip = skipReason(hitId, target);
    if (skip || !target) {
      emailHitsNotRecordedTotal.inc({ reason: skip ?? 'unknown_message' });
      return undefined;
    }
    const openedAt = new Date(hit.at);
    const { source, appleNetwork } = parts.network(hit.ip);
    const verdict = classifyJudged({
      agent: parts.agent(hit.userAgent),
      appleNetwork,
      openedAt,
      deliveredAt: target.delivered_at,
      messagesFromSourceInWindow: source ? bursts.record(source, hit.messageId, openedAt) : 1,
    });
    return {
      hit,
      hitId,
      messageId,
      target,
      openedAt,
      classification: verdict.classification,
      reason: verdict.reason,
      individual: target.tracking_mode === 'individual',
      source,
      implied: false,
    };
  }

  /** Inserts the opens; answers the hit ids that were new. */
  private async insertOpens(
    manager: EntityManager,
    rows: OpenRow[],
    parts: VerdictParts,
  ): Promise<Set<string>> {
    const inserted: { hit_id: string }[] = await manager.query(
      `INSERT INTO email.opens
           (hit_id, message_id, campaign_id, contact_id, opened_at, classification, reason, ip_prefix,
            ua_family, implied)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::timestamptz[],
                              $6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[], $10::boolean[])
         ON CONFLICT (hit_id) DO NOTHING RETURNING hit_id`,
      [
        rows.map((row) => row.hitId),
        rows.map((row) => row.messageId),
        rows.map((row) => row.target.campaign_id),
        rows.map((row) => (row.individual ? row.target.contact_id : null)),
        rows.map((row) => row.openedAt.toISOString()),
        rows.map((row) => row.classification),
        rows.map((row) => row.reason),
        rows.map((row) => (row.individual ? row.source : null)),
        rows.map((row) => (row.individual ? parts.family(row.hit.userAgent) : null)),
        rows.map((row) => row.implied),
      ],
    );
    return new Set(inserted.map((row) => row.hit_id));
  }

  private async updateCounters(
    manager: EntityManager,
    tallies: Map<string, MessageTally>,
  ): Promise<void> {
    const entries = [...tallies.entries()];
    await manager.query(
      `UPDATE email.messages m
         SET open_count = m.open_count + u.opens,
             human_open_count = m.human_open_count + u.human_opens,
             first_open_at = LEAST(m.first_open_at, u.first_open_at),
             first_human_open_at = LEAST(m.first_human_open_at, u.first_human_open_at)
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[], $5::timestamptz[])
           AS u(id, opens, human_opens, first_open_at, first_human_open_at)
         WHERE m.id = u.id`,
      [
        entries.map(([id]) => id),
        entries.map(([, tally]) => tally.opens),
        entries.map(([, tally]) => tally.humanOpens),
        entries.map(([, tally]) => tally.firstOpenAt.toISOString()),
        entries.map(([, tally]) => tally.firstHumanOpenAt?.toISOString() ?? null),
      ],
    );
  }
}

/** The open a human click implies; it shares the click's hit id (so a redelivery adds none). */
function impliedOpenRow(open: ImpliedOpen): OpenRow {
  return {
    hit: open.hit,
    hitId: open.hitId,
    messageId: open.messageId,
    target: open.target,
    openedAt: open.at,
    classification: 'human',
    reason: IMPLIED_OPEN_REASON,
    individual: open.target.tracking_mode === 'individual',
    source: truncateIp(open.hit.ip),
    implied: true,
  };
}

/**
 * What a transaction works out once per distinct user agent and IP, not per hit: a mailing's
 * opens repeat a few agents, and a source's burst one IP.
 */
class VerdictParts {
  private readonly agents = new Map<string, AgentKind>();
  private readonly families = new Map<string, string>();
  private readonly networks = new Map<string, { source: string | null; appleNetwork: boolean }>();

  agent(userAgent: string): AgentKind {
    let kind = this.agents.get(userAgent);
    if (kind === undefined) this.agents.set(userAgent, (kind = agentKind(userAgent)));
    return kind;
  }

  family(userAgent: string): string {
    let family = this.families.get(userAgent);
    if (family === undefined) this.families.set(userAgent, (family = userAgentFamily(userAgent)));
    return family;
  }

  network(ip: string): { source: string | null; appleNetwork: boolean } {
    let network = this.networks.get(ip);
    if (!network)
      this.networks.set(
        ip,
        (network = { source: truncateIp(ip), appleNetwork: isAppleNetwork(ip) }),
      );
    return network;
  }
}
