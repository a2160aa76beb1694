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
    await insertOutboxEvents(manager, this.table, events);
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

/**
 * Inserts events into an outbox table (`schema.outbox`, quoted) in one statement, in the order
 * given. Payloads go as one text of JSON lines (JSON.stringify never writes a raw newline), each
 * parsed on its own: PostgreSQL parses many small documents at about half the CPU of one array
 * document holding them all (jsonb_array_elements), and the subjects as a text array.
 */
export async function insertOutboxEvents(
  manager: EntityManager,
  table: string,
  events: readonly { subject: string; payload: unknown }[],
): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO ${table} (subject, payload, headers, created_at)
     SELECT e.subject, e.payload::jsonb, $3::jsonb, clock_timestamp() + e.ord * interval '1 microsecond'
     FROM unnest($1::text[], string_to_array($2, E'\\n')) WITH ORDINALITY AS e(subject, payload, ord)
     ORDER BY e.ord`,
    [
      events.map((event) => event.subject),
      events.map((event) => JSON.stringify(event.payload)).join('\n'),
      JSON.stringify(traceHeaders()),
    ],
  );
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
