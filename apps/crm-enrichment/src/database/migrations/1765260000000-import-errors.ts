import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every rejected row of an import, for its downloadable error report: the job's `errors` keeps
 * only the first 1,000 for the JSON view. Imports that finished before keep what they stored
 * (their column is unknown).
 */
export class ImportErrors1765260000000 implements MigrationInterface {
  name = 'ImportErrors1765260000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE crm.import_errors (
        import_id uuid NOT NULL REFERENCES crm.imports (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        column_header text,
        field text,
        reason text NOT NULL,
        PRIMARY KEY (import_id, row_number)
      )`);
    await db.query(`
      INSERT INTO crm.import_errors (import_id, row_number, field, reason)
      SELECT i.id, (e->>'row')::int, e->>'field', e->>'reason'
      FROM crm.imports i, jsonb_array_elements(i.errors) e
      WHERE (e->>'row')::int > 0
      ON CONFLICT DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE crm.import_errors`);
  }
}
