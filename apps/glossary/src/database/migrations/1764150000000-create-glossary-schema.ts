import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@sales-suite/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGlossarySchema1764150000000 implements MigrationInterface {
  name = 'CreateGlossarySchema1764150000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE glossary.terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(100) NOT NULL,
        name varchar(200) NOT NULL,
        definition varchar(2000) NOT NULL,
        details text,
        aliases text[] NOT NULL DEFAULT '{}',
        category varchar(100),
        tags text[] NOT NULL DEFAULT '{}',
        status varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'deprecated')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT terms_slug_key UNIQUE (slug)
      )`);
    await db.query(`CREATE INDEX terms_category_idx ON glossary.terms (category, slug)`);
    await db.query(`CREATE INDEX terms_tags_idx ON glossary.terms USING gin (tags)`);
    for (const statement of createOutboxAndInboxSql('glossary')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of dropOutboxAndInboxSql('glossary')) await db.query(statement);
    await db.query(`DROP TABLE glossary.terms`);
  }
}
