import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@sales-suite/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The service's outbox and inbox; its features add their tables in later migrations. */
export class CreateEmailTrackingSchema1764150000000 implements MigrationInterface {
  name = 'CreateEmailTrackingSchema1764150000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of createOutboxAndInboxSql('email')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of dropOutboxAndInboxSql('email')) await db.query(statement);
  }
}
