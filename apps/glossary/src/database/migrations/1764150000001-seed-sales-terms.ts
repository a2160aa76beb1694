import { MigrationInterface, QueryRunner } from 'typeorm';
import { SALES_SEED_TERMS } from '../../seed/sales-terms.seed';

/** Seeds the starting vocabulary once; a term that already exists is left exactly as it is. */
export class SeedSalesTerms1764150000001 implements MigrationInterface {
  name = 'SeedSalesTerms1764150000001';

  async up(db: QueryRunner): Promise<void> {
    for (const term of SALES_SEED_TERMS) {
      await db.query(
        `INSERT INTO glossary.terms (slug, name, definition, aliases, category, status)
         VALUES ($1, $2, $3, $4, $5, 'approved')
         ON CONFLICT (slug) DO NOTHING`,
        [term.slug, term.name, term.definition, term.aliases, term.category],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    // Only untouched seed rows go: a term someone edited (version > 1) is theirs now.
    await db.query(`DELETE FROM glossary.terms WHERE slug = ANY($1) AND version = 1`, [
      SALES_SEED_TERMS.map((term) => term.slug),
    ]);
  }
}
