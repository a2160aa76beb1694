import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  decodeCursor,
  encodeCursor,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookEventType,
  WebhookView,
} from '@sales-suite/contracts';
import { DataSource, EntityManager } from 'typeorm';

interface SubscriptionRow {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  response_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  created_at: Date;
  /** created_at to the microsecond, for the cursor. */
  created_key: string;
}

/** A delivery a replica has claimed: what to send, where, signed with which (encrypted) secret. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  eventType: string;
  payload: unknown;
  attempts: number;
  firstAttemptAt: Date;
  createdAt: Date;
  url: string;
  secretCiphertext: string;
}

/** One event to fan out to the subscriptions that want it. */
export interface WebhookEvent {
  id: string;
  type: string;
  /** The wildcard subscription that also matches it (`glossary.term.*`), if any. */
  pattern: string | null;
  payload: unknown;
}

const SUBSCRIPTION_COLUMNS =
  'id, url, events, description, enabled, disabled_reason, disabled_at, created_at, updated_at';
const SUBSCRIPTIONS = 'gateway.webhook_subscriptions';
const DELIVERIES = 'gateway.webhook_deliveries';

function toView(row: SubscriptionRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Subscriptions and deliveries in the gateway's database; every state change is one statement or transaction. */
@Injectable()
export class WebhookStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Erasure of a person: each delivery whose payload mentions one of `needles` (compared
   * case-insensitively: an email, contact ids) keeps its log line, but its payload becomes
   * `{ "erased": true }`, which is also what it sends if still pending. Answers how many.
   */
  async redactDeliveries(manager: EntityManager, needles: readonly string[]): Promise<number> {
    const terms = needles
      .filter((needle) => needle.length > 0)
      .map((needle) => needle.toLowerCase());
    if (terms.length === 0) return 0;
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE ${DELIVERIES} SET payload = '{"erased": true}'::jsonb
       WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS n WHERE strpos(lower(payload::text), n) > 0)`,
      [terms],
    );
    return count;
  }

  async create(input: {
    url: string;
    events: WebhookEventType[];
    description: string | null;
    secretCiphertext: string;
  }): Promise<WebhookView> {
    const [row]: SubscriptionRow[] = await this.dataSource.query(
      `INSERT INTO ${SUBSCRIPTIONS} (url, events, description, secret_ciphertext)
       VALUES ($1, $2, $3, $4) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [input.url, input.events, input.description, input.secretCiphertext],
    );
    return toView(row);
  }

  async list(): Promise<WebhookView[]> {
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM ${SUBSCRIPTIONS} ORDER BY created_at, id`,
    );
    return rows.map(toView);
  }

  async find(id: string): Promise<WebhookView | null> {
    const [row]: SubscriptionRow[] = await this.dataSource.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM ${SUBSCRIPTIONS} WHERE id = $1`,
      [id],
    );
    return row ? toView(row) : null;
  }

  /**
   * Applies a change; `enabled: true` also clears the failure record and makes what was pending
   * due now. Null when there is no such subscription.
   */
  async update(
    id: string,
    change: {
      url?: string;
      events?: WebhookEventType[];
      description?: string | null;
      enabled?: boolean;
    },
  ): Promise<WebhookView | null> {
    return this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE/DELETE on PostgreSQL with [rows, affected].
      const [[row]]: [SubscriptionRow[], number] = await manager.query(
        `UPDATE ${SUBSCRIPTIONS} SET
           url = COALESCE($2, url),
           events = COALESCE($3, events),
           description = CASE WHEN $4 THEN $5 ELSE description END,
           enabled = COALESCE($6, enabled),
           disabled_reason = CASE WHEN $6 IS NULL THEN disabled_reason WHEN $6 THEN NULL ELSE 'disabled by an administrator' END,
           disabled_at = CASE WHEN $6 IS NULL THEN disabled_at WHEN $6 THEN NULL ELSE COALESCE(disabled_at, now()) END,
           exhausted_in_a_row = CASE WHEN $6 THEN 0 ELSE exhausted_in_a_row END,
           failing_since = CASE WHEN $6 THEN NULL ELSE failing_since END,
           updated_at = now()
         WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [
          id,
          change.url ?? null,
          change.events ?? null,
          change.description !== undefined,
          change.description ?? null,
          change.enabled ?? null,
        ],
      );
      if (!row) return null;
      if (change.enabled)
        await manager.query(
          `UPDATE ${DELIVERIES} SET next_attempt_at = now()
           WHERE subscription_id = $1 AND status = 'pending' AND next_attempt_at > now()`,
          [id],
        );
      return toView(row);
    });
  }

  /** False when there was no such subscription. Its deliveries go with it. */
  async delete(id: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM ${SUBSCRIPTIONS} WHERE id = $1`,
      [id],
    );
    return affected > 0;
  }

  /**
   * Records one delivery per (enabled subscription that wants it, event); an event seen before
   * adds nothing (unique key), so redelivered messages are harmless. Answers, per event, whether
   * anything new was recorded.
   */
  async recordEvents(manager: EntityManager, events: readonly WebhookEvent[]): Promise<boolean[]> {
    const recorded: boolean[] = [];
    for (const event of events) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO ${DELIVERIES} (subscription_id, event_id, event_type, payload, next_attempt_at)
         SELECT id, $1, $2, $3, now() FROM ${SUBSCRIPTIONS}
         WHERE enabled AND ($2 = ANY(events) OR $4::text = ANY(events))
         ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING 1`,
        [event.id, event.type, JSON.stringify(event.payload), event.pattern],
      );
      recorded.push(rows.length > 0);
    }
    return recorded;
  }

  /** A delivery to this subscription alone (the test endpoint); null when it does not exist. */
  async recordTest(
    subscriptionId: string,
    eventId: string,
    payload: unknown,
    type: string,
  ): Promise<string | null> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO ${DELIVERIES} (subscription_id, event_id, event_type, payload, next_attempt_at)
       SELECT id, $2, $3, $4, now() FROM ${SUBSCRIPTIONS} WHERE id = $1 RETURNING id`,
      [subscriptionId, eventId, type, JSON.stringify(payload)],
    );
    return row?.id ?? null;
  }

  /**
   * Claims up to `limit` due deliveries of enabled subscriptions for `claimMs`: rows another
   * replica is claiming are skipped (SKIP LOCKED), rows it claimed are left alone until its claim
   * lapses — so a replica that dies mid-send hands its deliveries on (at least once).
   */
  async claimDue(limit: number, claimMs: number): Promise<ClaimedDelivery[]> {
    const [rows]: [
      {
        id: string;
        subscription_id: string;
        event_type: string;
        payload: unknown;
        attempts: number;
        first_attempt_at: Date;
        created_at: Date;
        url: string;
        secret_ciphertext: string;
      }[],
      number,
    ] = await this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM ${DELIVERIES} d JOIN ${SUBSCRIPTIONS} s ON s.id = d.subscription_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND s.enabled
           AND (d.claimed_until IS NULL OR d.claimed_until < now())
         ORDER BY d.next_attempt_at LIMIT $1
         FOR UPDATE OF d SKIP LOCKED)
       UPDATE ${DELIVERIES} d
          SET claimed_until = now() + $2 * interval '1 millisecond',
              first_attempt_at = COALESCE(d.first_attempt_at, now())
         FROM due, ${SUBSCRIPTIONS} s
        WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id, d.subscription_id, d.event_type, d.payload, d.attempts, d.first_attempt_at,
                 d.created_at, s.url, s.secret_ciphertext`,
      [limit, claimMs],
    );
    return rows.map((row) => ({
      id: row.id,
      subscriptionId: row.subscription_id,
      eventType: row.event_type,
      payload: row.payload,
      attempts: row.attempts,
      firstAttemptAt: row.first_attempt_at,
      createdAt: row.created_at,
      url: row.url,
      secretCiphertext: row.secret_ciphertext,
    }));
  }

  /**
   * Writes an attempt's outcome and the subscription's failure record in one transaction (the
   * subscription row locked, so that replicas finishing attempts at once count every one).
   * `decide` sees the record after this attempt and answers the reason to disable, or null.
   */
  async recordAttempt(
    delivery: ClaimedDelivery,
    outcome: {
      status: number | null;
      error: string | null;
      /** For a failure: when to try again, or null when the delivery failed for good. */
      nextAttemptAt: Date | null;
    },
    decide: (record: { exhaustedInARow: number; failingSince: Date | null }) => string | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [subscription]: {
        exhausted_in_a_row: number;
        failing_since: Date | null;
        enabled: boolean;
      }[] = await manager.query(
        `SELECT exhausted_in_a_row, failing_since, enabled FROM ${SUBSCRIPTIONS} WHERE id = $1 FOR UPDATE`,
        [delivery.subscriptionId],
      );
      if (!subscription) return;
      const succeeded = outcome.error === null;
      const status: WebhookDeliveryStatus = succeeded
        ? 'succeeded'
        : outcome.nextAttemptAt
          ? 'pending'
          : 'failed';
      await manager.query(
        `UPDATE ${DELIVERIES}
            SET status = $2, attempts = attempts + 1, last_attempt_at = now(), response_code = $3,
                last_error = $4, next_attempt_at = $5, claimed_until = NULL
          WHERE id = $1`,
        [
          delivery.id,
          status,
          outcome.status,
          outcome.error,
          succeeded ? null : outcome.nextAttemptAt,
        ],
      );
      const record = succeeded
        ? { exhaustedInARow: 0, failingSince: null }
        : {
            exhaustedInARow: subscription.exhausted_in_a_row + (status === 'failed' ? 1 : 0),
            failingSince: subscription.failing_since ?? new Date(),
          };
      const reason = succeeded || !subscription.enabled ? null : decide(record);
      await manager.query(
        `UPDATE ${SUBSCRIPTIONS}
            SET exhausted_in_a_row = $2, failing_since = $3,
                enabled = enabled AND $4::text IS NULL,
                disabled_reason = COALESCE($4, disabled_reason),
                disabled_at = CASE WHEN $4::text IS NULL THEN disabled_at ELSE now() END
          WHERE id = $1`,
        [delivery.subscriptionId, record.exhaustedInARow, record.failingSince, reason],
      );
    });
  }

  /** The delivery log, newest first. */
  async deliveries(
    subscriptionId: string,
    limit: number,
    after: { createdAt: string; id: string } | null,
  ): Promise<WebhookDeliveryPage> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT id, event_id, event_type, status, attempts, response_code, last_error,
              last_attempt_at, next_attempt_at, created_at,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key
         FROM ${DELIVERIES}
        WHERE subscription_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [subscriptionId, after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventType: row.event_type,
      status: row.status,
      attempts: row.attempts,
      responseCode: row.response_code,
      lastError: row.last_error,
      lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
      nextAttemptAt: row.status === 'pending' ? (row.next_attempt_at?.toISOString() ?? null) : null,
      createdAt: row.created_at.toISOString(),
    }));
    const last = rows.length > limit ? rows[limit - 1] : null;
    return {
      items,
      nextCursor: last ? encodeCursor(`${last.created_key}|${last.id}`) : null,
    };
  }
}

const CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The position a delivery-log cursor stands for, or null when it is not one this log handed out. */
export function deliveryCursor(cursor: string): { createdAt: string; id: string } | null {
  const match = CURSOR.exec(decodeCursor(cursor));
  return match ? { createdAt: match[1], id: match[2] } : null;
}
