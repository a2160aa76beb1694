import { createLeasesSql, dropLeasesSql } from '@sales-suite/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Leases: work that must run on one replica at a time (see LeaseService). */
export class CreateGatewayLeases1764900000000 implements MigrationInterface {
  name = 'CreateGatewayLeases1764900000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of createLeasesSql('gateway')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of dropLeasesSql('gateway')) await db.query(statement);
  }
}
