import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where other services use terms (the funnel's stages and lost reasons), kept from their events
 * (`funnel.vocabulary.changed`): the `usedBy` of a term and the refusal to delete or deprecate a
 * used term without a replacement, answered without reading another service's schema. Each
 * service's uses are a snapshot of its newest version (`term_use_sources.version`).
 */
export class TermUses1765300000000 implements MigrationInterface {
  name = 'TermUses1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE glossary.term_use_sources (
        service varchar(100) PRIMARY KEY,
        version integer NOT NULL
      )`);
    await db.query(`
      CREATE TABLE glossary.term_uses (
        service varchar(100) NOT NULL REFERENCES glossary.term_use_sources (service),
        kind varchar(20) NOT NULL,
        key varchar(100) NOT NULL,
        term_slug varchar(100) NOT NULL,
        PRIMARY KEY (service, kind, key)
      )`);
    await db.query(`CREATE INDEX term_uses_term_slug ON glossary.term_uses (term_slug)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE glossary.term_uses`);
    await db.query(`DROP TABLE glossary.term_use_sources`);
  }
}
