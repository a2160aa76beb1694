import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A staged row whose cells cannot be stored (a NUL byte, a lone surrogate) is kept as its
 * rejection alone — field and reason, no cells — so the worker reports it in order, once, by row.
 */
export class ImportRowRejections1765100000000 implements MigrationInterface {
  name = 'ImportRowRejections1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE crm.import_rows ADD COLUMN rejection jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE crm.import_rows DROP COLUMN rejection`);
  }
}
