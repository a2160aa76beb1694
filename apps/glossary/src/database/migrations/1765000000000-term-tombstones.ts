import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tombstones: a deleted term's row leaves `glossary.terms` (so every read, search, annotate and
 * export forgets it as before) and a tombstone keeps its identity, so its revisions stay and it
 * can be restored. Revisions therefore no longer cascade from the live row: their term is either
 * live or tombstoned, which one foreign key cannot say; only TermWriter writes either table.
 */
export class TermTombstones1765000000000 implements MigrationInterface {
  name = 'TermTombstones1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE glossary.term_revisions DROP CONSTRAINT term_revisions_term_id_fkey`,
    );
    await db.query(`
      CREATE TABLE glossary.deleted_terms (
        term_id uuid PRIMARY KEY,
        slug varchar(100) NOT NULL UNIQUE,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now(),
        deleted_by varchar(200) NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The history of deleted terms cannot outlive the tombstones once revisions cascade again.
    await db.query(
      `DELETE FROM glossary.term_revisions r
       WHERE NOT EXISTS (SELECT 1 FROM glossary.terms t WHERE t.id = r.term_id)`,
    );
    await db.query(`DROP TABLE glossary.deleted_terms`);
    await db.query(`
      ALTER TABLE glossary.term_revisions ADD CONSTRAINT term_revisions_term_id_fkey
        FOREIGN KEY (term_id) REFERENCES glossary.terms (id) ON DELETE CASCADE`);
  }
}
