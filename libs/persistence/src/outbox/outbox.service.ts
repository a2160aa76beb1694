import { Inject, Injectable } from '@nestjs/common';
import { injectTraceContext } from '@sales-suite/observability';
import { EntityManager } from 'typeorm';
import { quoteIdent } from '../migrations/schema-sql';
import { PERSISTENCE_OPTIONS, PersistenceOptions } from '../persistence.options';

/**
 * Writes events into the service's outbox inside the caller's transaction: the event exists if
 * and only if the change it describes was committed. The relay takes it to JetStream from there.
 */
@Injectable()
export class OutboxService {
  private readonly table: string;

  constructor(@Inject(PERSISTENCE_OPTIONS) options: PersistenceOptions) {
    this.table = `${quoteIdent(options.database.schema)}.outbox`;
  }

  async enqueue(manager: EntityManager, subject: string, payload: unknown): Promise<string> {
    const headers = traceHeaders();
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO ${this.table} (subject, payload, headers) VALUES ($1, $2, $3) RETURNING id`,
      [subject, JSON.stringify(payload), JSON.stringify(headers)],
    );
    return rows[0].id;
  }

  /**
   * Many events in one statement (a batch job may write thousands per transaction), published in
   * the order given: increasing created_at is the relay's order.
   */
  async enqueueMany(
    manager: EntityManager,
    events: readonly { subject: string; payload: unknown }[],
  ): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO ${this.table} (subject, payload, headers, created_at)
       SELECT e.value->>'subject', e.value->'payload', $2::jsonb,
              clock_timestamp() + e.ordinality * interval '1 microsecond'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, ordinality)
       ORDER BY e.ordinality`,
      [JSON.stringify(events), JSON.stringify(traceHeaders())],
    );
  }

  /**
   * Erasure: deletes the published events whose payload mentions any of `needles` (compared
   * case-insensitively; an email, contact ids). Answers how many went, and how many such events
   * are not published yet: those must go out first, so the caller retries later.
   */
  async forget(
    manager: EntityManager,
    needles: readonly string[],
  ): Promise<{ deleted: number; unpublished: number }> {
    const terms = needles
      .filter((needle) => needle.length > 0)
      .map((needle) => needle.toLowerCase());
    if (terms.length === 0) return { deleted: 0, unpublished: 0 };
    const mentions = `EXISTS (SELECT 1 FROM unnest($1::text[]) AS n WHERE strpos(lower(payload::text), n) > 0)`;
    const [, deleted]: [unknown, number] = await manager.query(
      `DELETE FROM ${this.table} WHERE published_at IS NOT NULL AND ${mentions}`,
      [terms],
    );
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM ${this.table} WHERE published_at IS NULL AND ${mentions}`,
      [terms],
    );
    return { deleted, unpublished: count };
  }
}

/** The current trace context as headers, so that consumers can continue the change's trace. */
function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  injectTraceContext({
    get: (key) => headers[key] ?? '',
    set: (key, value) => (headers[key] = value),
    keys: () => Object.keys(headers),
  });
  return headers;
}
