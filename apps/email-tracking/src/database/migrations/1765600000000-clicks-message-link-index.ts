import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The click recorder's sibling read asks, per message, for recorded clicks of *other* links near
 * a time. With the link in the message's index before the time, the clicks of the link being
 * clicked (under a scanner's load nearly all of them) are skipped by the index descent instead
 * of each being fetched from the table. It replaces the (message, time) index, which only that
 * read used; lookups by message alone (consent deletes, cascades) use its first column.
 */
export class ClicksMessageLinkIndex1765600000000 implements MigrationInterface {
  name = 'ClicksMessageLinkIndex1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX clicks_message_link_time_idx ON email.clicks (message_id, link_id, clicked_at)`,
    );
    await db.query(`DROP INDEX email.clicks_message_time_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX clicks_message_time_idx ON email.clicks (message_id, clicked_at)`);
    await db.query(`DROP INDEX email.clicks_message_link_time_idx`);
  }
}
