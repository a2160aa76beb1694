import { createLeasesSql, dropLeasesSql } from '@sales-suite/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Leases: work that must run on one replica at a time (see LeaseService). */
export class CreateCrmEnrichmentLeases1764900000000 implements MigrationInterface {
  name = 'CreateCrmEnrichmentLeases1764900000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of createLeasesSql('crm')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of dropLeasesSql('crm')) await db.query(statement);
  }
}
