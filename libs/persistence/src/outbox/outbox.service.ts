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
    const headers: Record<string, string> = {};
    injectTraceContext({
      get: (key) => headers[key] ?? '',
      set: (key, value) => (headers[key] = value),
      keys: () => Object.keys(headers),
    });
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO ${this.table} (subject, payload, headers) VALUES ($1, $2, $3) RETURNING id`,
      [subject, JSON.stringify(payload), JSON.stringify(headers)],
    );
    return rows[0].id;
  }
}
