import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { quoteIdent } from '../migrations/schema-sql';
import { PERSISTENCE_OPTIONS, PersistenceOptions } from '../persistence.options';

/**
 * Makes a consumer idempotent: claim the message ids inside the transaction that applies the
 * events; an id this consumer already applied is not claimed again, and the caller skips it.
 */
@Injectable()
export class InboxService {
  private readonly table: string;

  constructor(@Inject(PERSISTENCE_OPTIONS) options: PersistenceOptions) {
    this.table = `${quoteIdent(options.database.schema)}.inbox`;
  }

  /** Whether this message is new to the consumer (and now claimed by the caller's transaction). */
  async claim(manager: EntityManager, consumer: string, messageId: string): Promise<boolean> {
    const [claimed] = await this.claimBatch(manager, consumer, [messageId]);
    return claimed;
  }

  /**
   * Claims a batch of message ids in one statement; answers, position by position, whether the
   * caller applies that message: true for the first occurrence of an id new to the consumer,
   * false for an id applied before or already listed earlier in the batch.
   */
  async claimBatch(
    manager: EntityManager,
    consumer: string,
    messageIds: readonly string[],
  ): Promise<boolean[]> {
    const rows: { message_id: string }[] = await manager.query(
      `INSERT INTO ${this.table} (consumer, message_id) SELECT $1, unnest($2::text[])
       ON CONFLICT DO NOTHING RETURNING message_id`,
      [consumer, messageIds],
    );
    const claimed = new Set(rows.map((row) => row.message_id));
    return messageIds.map((messageId) => claimed.delete(messageId));
  }
}
