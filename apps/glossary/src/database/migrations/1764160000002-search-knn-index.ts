import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A GiST trigram index beside the GIN one: GiST answers "the labels nearest to this typo"
 * (`ORDER BY q <<-> search_labels LIMIT n`) without scoring every term.
 */
export class SearchKnnIndex1764160000002 implements MigrationInterface {
  name = 'SearchKnnIndex1764160000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX terms_search_labels_gist_idx ON glossary.terms USING gist (search_labels public.gist_trgm_ops)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX glossary.terms_search_labels_gist_idx`);
  }
}
