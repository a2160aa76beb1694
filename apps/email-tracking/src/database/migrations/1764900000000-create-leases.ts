import { createLeasesSql, dropLeasesSql } from '@sales-suite/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Leases: work that must run on one replica at a time (see LeaseService). */
export class CreateEmailTrackingLeases1764900000000 implements MigrationInterface {
  name = 'CreateEmailTrackingLeases1764900000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of createLeasesSql('email')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of dropLeasesSql('email')) await db.query(statement);
  }
}
