import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { quoteIdent } from '../migrations/schema-sql';
import { PERSISTENCE_OPTIONS, PersistenceOptions } from '../persistence.options';

/**
 * Makes a consumer idempotent: call `claim` inside the transaction that applies the event; it
 * answers false when this consumer already applied that message id, and the caller skips it.
 */
@Injectable()
export class InboxService {
  private readonly table: string;

  constructor(@Inject(PERSISTENCE_OPTIONS) options: PersistenceOptions) {
    this.table = `${quoteIdent(options.database.schema)}.inbox`;
  }

  async claim(manager: EntityManager, consumer: string, messageId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.table} (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
      [consumer, messageId],
    );
    return rows.length === 1;
  }
}
