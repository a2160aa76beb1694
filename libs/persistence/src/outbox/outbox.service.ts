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
