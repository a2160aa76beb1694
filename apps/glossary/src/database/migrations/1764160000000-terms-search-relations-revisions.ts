import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hidden labels, typed relations, sources and replacements; immutable revisions; and search:
 * a weighted full-text vector (name A, aliases and hidden labels B, definition C, details D) and
 * a normalised label string for trigram (pg_trgm) typo tolerance and prefix lookups.
 *
 * pg_trgm needs CREATE EXTENSION, which here the migration user (a superuser) may run; where it
 * may not, a DBA runs `CREATE EXTENSION pg_trgm` once per database beforehand.
 */
export class TermsSearchRelationsRevisions1764160000000 implements MigrationInterface {
  name = 'TermsSearchRelationsRevisions1764160000000';

  async up(db: QueryRunner): Promise<void> {
    // Services migrate concurrently and CREATE EXTENSION is not safe to race.
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('sales-suite:create-extension'))`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await db.query(`
      ALTER TABLE glossary.terms
        ADD COLUMN hidden_labels text[] NOT NULL DEFAULT '{}',
        ADD COLUMN relations jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN sources jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN replaced_by varchar(100),
        ALTER COLUMN details TYPE varchar(20000)`);
    // Lower case, every run of non-alphanumerics one space: `Closed-Lost` and `closed lost` meet.
    await db.query(`
      CREATE FUNCTION glossary.normalize_label(label text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN btrim(regexp_replace(lower(label), '[^[:alnum:]]+', ' ', 'g'))`);
    await db.query(`
      CREATE FUNCTION glossary.term_labels(name text, aliases text[], hidden_labels text[])
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN '|' || (SELECT string_agg(glossary.normalize_label(label), '|')
                     FROM unnest(ARRAY[name] || aliases || hidden_labels) AS label) || '|'`);
    await db.query(`
      CREATE FUNCTION glossary.term_search_vector(
        name text, aliases text[], hidden_labels text[], definition text, details text)
      RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
          || setweight(to_tsvector('english'::regconfig,
               coalesce(array_to_string(aliases || hidden_labels, ' '), '')), 'B')
          || setweight(to_tsvector('english'::regconfig, coalesce(definition, '')), 'C')
          || setweight(to_tsvector('english'::regconfig, coalesce(details, '')), 'D')`);
    await db.query(`
      ALTER TABLE glossary.terms
        ADD COLUMN search_labels text GENERATED ALWAYS AS
          (glossary.term_labels(name, aliases, hidden_labels)) STORED,
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
          (glossary.term_search_vector(name, aliases, hidden_labels, definition, details)) STORED`);
    await db.query(
      `CREATE INDEX terms_search_labels_trgm_idx ON glossary.terms USING gin (search_labels public.gin_trgm_ops)`,
    );
    await db.query(
      `CREATE INDEX terms_search_vector_idx ON glossary.terms USING gin (search_vector)`,
    );
    await db.query(`CREATE INDEX terms_status_idx ON glossary.terms (status, slug)`);
    await db.query(`
      CREATE TABLE glossary.term_revisions (
        term_id uuid NOT NULL REFERENCES glossary.terms (id) ON DELETE CASCADE,
        n integer NOT NULL,
        action varchar(20) NOT NULL,
        actor varchar(200) NOT NULL,
        changes jsonb NOT NULL,
        snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (term_id, n)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE glossary.term_revisions`);
    await db.query(`
      ALTER TABLE glossary.terms
        DROP COLUMN search_vector, DROP COLUMN search_labels, DROP COLUMN hidden_labels,
        DROP COLUMN relations, DROP COLUMN sources, DROP COLUMN replaced_by,
        ALTER COLUMN details TYPE text`);
    await db.query(`DROP INDEX IF EXISTS glossary.terms_status_idx`);
    await db.query(`DROP FUNCTION glossary.term_search_vector(text, text[], text[], text, text)`);
    await db.query(`DROP FUNCTION glossary.term_labels(text, text[], text[])`);
    await db.query(`DROP FUNCTION glossary.normalize_label(text)`);
  }
}
