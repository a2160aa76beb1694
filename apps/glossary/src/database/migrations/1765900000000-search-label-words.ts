import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that stays fast at 100,000 terms (see docs/performance.md):
 *
 * - `label_vector`, the words of the normalised labels as a 'simple' tsvector (no stemming, no
 *   stop words: exactly the words, split on the spaces and bars of `search_labels`). A GIN index
 *   on it finds the labels holding every word of a query (the last as a prefix) from the words'
 *   posting lists, where the trigram index reads the lists of every trigram of the query.
 * - `glossary.label_words`, every word some label has, with the number of terms whose labels
 *   have it, kept by statement triggers on the terms (so in step with every writer, replica and
 *   hand-made change). The typo tier looks the query's words up there: a misspelled word is
 *   trigram-matched against these few distinct words instead of against every label.
 * - `glossary.typo_candidates` rewritten on both; the GiST kNN index it used is dropped.
 *
 * Adding the generated column rewrites glossary.terms (about a minute for 100,000 terms on a
 * loaded machine), under the migration lock.
 */
export class SearchLabelWords1765900000000 implements MigrationInterface {
  name = 'SearchLabelWords1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE glossary.terms ADD COLUMN label_vector tsvector GENERATED ALWAYS AS
        (to_tsvector('simple'::regconfig, glossary.term_labels(name, aliases, hidden_labels))) STORED`);
    await db.query(
      `CREATE INDEX terms_label_vector_idx ON glossary.terms USING gin (label_vector)`,
    );
    await db.query(`DROP INDEX glossary.terms_search_labels_gist_idx`);
    await db.query(`
      CREATE FUNCTION glossary.label_words_of(labels text) RETURNS SETOF text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT DISTINCT word FROM regexp_split_to_table(labels, '[| ]+') AS word WHERE word <> '' $$`);
    await db.query(`
      CREATE TABLE glossary.label_words (
        word text PRIMARY KEY,
        terms integer NOT NULL
      )`);
    // Words in order, so that two writers sharing words lock their rows in the same order.
    await db.query(`
      CREATE FUNCTION glossary.shift_label_words(added text[], removed text[]) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        emptied text[];
      BEGIN
        WITH shifted AS (
          INSERT INTO glossary.label_words AS w (word, terms)
          SELECT word, sum(change) FROM (
              SELECT word, 1 AS change FROM unnest(added) AS labels, glossary.label_words_of(labels) AS word
              UNION ALL
              SELECT word, -1 FROM unnest(removed) AS labels, glossary.label_words_of(labels) AS word
            ) changes
          GROUP BY word HAVING sum(change) <> 0 ORDER BY word
          ON CONFLICT (word) DO UPDATE SET terms = w.terms + excluded.terms
          RETURNING word, terms)
        SELECT array_agg(word) FILTER (WHERE terms = 0) INTO emptied FROM shifted;
        IF emptied IS NOT NULL THEN
          DELETE FROM glossary.label_words WHERE word = ANY (emptied);
        END IF;
      END $$`);
    await db.query(`
      CREATE FUNCTION glossary.count_label_words() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM glossary.shift_label_words(ARRAY(SELECT search_labels FROM new_rows), '{}');
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM glossary.shift_label_words('{}', ARRAY(SELECT search_labels FROM old_rows));
        ELSE
          PERFORM glossary.shift_label_words(
            ARRAY(SELECT search_labels FROM new_rows), ARRAY(SELECT search_labels FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER terms_label_words_on_insert AFTER INSERT ON glossary.terms
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION glossary.count_label_words()`);
    await db.query(`
      CREATE TRIGGER terms_label_words_on_update AFTER UPDATE ON glossary.terms
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION glossary.count_label_words()`);
    await db.query(`
      CREATE TRIGGER terms_label_words_on_delete AFTER DELETE ON glossary.terms
      REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION glossary.count_label_words()`);
    // Writers wait until the backfill commits: no change is counted both by a trigger and by it.
    await db.query(`LOCK TABLE glossary.terms IN SHARE MODE`);
    await db.query(
      `SELECT glossary.shift_label_words(ARRAY(SELECT search_labels FROM glossary.terms), '{}')`,
    );
    // Without a pending list: every typo lookup would read it through (the table stays small).
    await db.query(`
      CREATE INDEX label_words_trgm_idx ON glossary.label_words
      USING gin (word public.gin_trgm_ops) WITH (fastupdate = off)`);
    await db.query(`ANALYZE glossary.label_words`);
    // The typo tier. Each query word that no label has is replaced by the (at most 3) label words
    // most similar to it (trigram similarity ≥ 0.4; a word with none is left out). Candidates: at
    // most 100 terms whose labels have every word so corrected, and at most 200 with one of the
    // rare ones (in at most 100 terms, or the rarest): partial matches. They are ranked as before,
    // by word similarity of the whole query to the labels (≥ 0.4). PL/pgSQL keeps the plans per
    // connection; JIT would cost more than the query; and the planner, which prices a trigram
    // comparison like an equality, would rather compare every label word than use their index.
    await db.query(`
      CREATE OR REPLACE FUNCTION glossary.typo_candidates(query text, wanted integer) RETURNS SETOF uuid
      LANGUAGE plpgsql STABLE PARALLEL SAFE
      SET pg_trgm.similarity_threshold = 0.4
      SET pg_trgm.word_similarity_threshold = 0.4
      SET jit = off
      SET enable_seqscan = off
      AS $$
      DECLARE
        every_word tsquery;
        rare_words tsquery;
      BEGIN
        SELECT string_agg('(' || alternatives || ')', ' & ')::tsquery,
               string_agg('(' || alternatives || ')', ' | ') FILTER (WHERE terms <= 100 OR rarest)::tsquery
          INTO every_word, rare_words
        FROM (
          SELECT q.word AS query_word, sum(m.terms) AS terms,
                 string_agg(quote_literal(m.word), ' | ') AS alternatives,
                 row_number() OVER (ORDER BY sum(m.terms), q.word) = 1 AS rarest
          FROM (SELECT DISTINCT word FROM regexp_split_to_table(query, ' ') AS word
                WHERE word <> '') q
          CROSS JOIN LATERAL (
            SELECT word, terms FROM glossary.label_words WHERE word = q.word
            UNION ALL
            (SELECT word, terms FROM glossary.label_words
             WHERE word OPERATOR(public.%) q.word
               AND NOT EXISTS (SELECT FROM glossary.label_words WHERE word = q.word)
             ORDER BY similarity(word, q.word) DESC, word LIMIT 3)
          ) m
          GROUP BY q.word
        ) words;
        IF every_word IS NULL THEN
          RETURN;
        END IF;
        RETURN QUERY
          SELECT id FROM glossary.terms
          WHERE id IN (
              (SELECT id FROM glossary.terms WHERE label_vector @@ every_word LIMIT 100)
              UNION
              (SELECT id FROM glossary.terms WHERE label_vector @@ rare_words LIMIT 200))
            AND query OPERATOR(public.<%) search_labels
          ORDER BY query OPERATOR(public.<<->) search_labels, slug
          LIMIT wanted;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION glossary.typo_candidates(text, integer)`);
    await db.query(`
      CREATE FUNCTION glossary.typo_candidates(query text, wanted integer) RETURNS SETOF uuid
      LANGUAGE sql STABLE PARALLEL SAFE
      SET pg_trgm.word_similarity_threshold = 0.4
      AS $$
        SELECT id FROM glossary.terms
        WHERE query OPERATOR(public.<%) search_labels
        ORDER BY query OPERATOR(public.<<->) search_labels
        LIMIT wanted
      $$`);
    await db.query(`DROP TRIGGER terms_label_words_on_delete ON glossary.terms`);
    await db.query(`DROP TRIGGER terms_label_words_on_update ON glossary.terms`);
    await db.query(`DROP TRIGGER terms_label_words_on_insert ON glossary.terms`);
    await db.query(`DROP FUNCTION glossary.count_label_words()`);
    await db.query(`DROP FUNCTION glossary.shift_label_words(text[], text[])`);
    await db.query(`DROP TABLE glossary.label_words`);
    await db.query(`DROP FUNCTION glossary.label_words_of(text)`);
    await db.query(
      `CREATE INDEX terms_search_labels_gist_idx ON glossary.terms USING gist (search_labels public.gist_trgm_ops)`,
    );
    await db.query(`ALTER TABLE glossary.terms DROP COLUMN label_vector`);
  }
}
