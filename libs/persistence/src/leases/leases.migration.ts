import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLeasesSql, dropLeasesSql } from '../migrations/schema-sql';

/** The migration that gives a service's schema its `leases` table (one per service, same shape). */
export function leasesMigration(schema: string, name: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(db: QueryRunner): Promise<void> {
      for (const statement of createLeasesSql(schema)) await db.query(statement);
    }

    async down(db: QueryRunner): Promise<void> {
      for (const statement of dropLeasesSql(schema)) await db.query(statement);
    }
  };
}
