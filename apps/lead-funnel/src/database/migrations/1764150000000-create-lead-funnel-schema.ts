import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@sales-suite/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The service's outbox and inbox; its features add their tables in later migrations. */
export class CreateLeadFunnelSchema1764150000000 implements MigrationInterface {
  name = 'CreateLeadFunnelSchema1764150000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of createOutboxAndInboxSql('funnel')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of dropOutboxAndInboxSql('funnel')) await db.query(statement);
  }
}
