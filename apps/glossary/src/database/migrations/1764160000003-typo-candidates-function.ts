import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The typo tier of search: terms whose labels are close to the query, nearest first. The
 * threshold of the `<%` operator is a setting; the function carries it (SET clause), so a search
 * needs neither a transaction nor a SET round trip, and nothing else sees it changed.
 */
export class TypoCandidatesFunction1764160000003 implements MigrationInterface {
  name = 'TypoCandidatesFunction1764160000003';

  async up(db: QueryRunner): Promise<void> {
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
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION glossary.typo_candidates(text, integer)`);
  }
}
