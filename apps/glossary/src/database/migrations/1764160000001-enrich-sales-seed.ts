import { MigrationInterface, QueryRunner } from 'typeorm';
import { SALES_SEED_TERMS, seedTermRelations } from '../../seed/sales-terms.seed';
import type { TermEntity } from '../../terms/term.entity';
import { diffTermFields } from '../../terms/term-fields';
import { termFields } from '../../terms/term.mapper';

type TermRow = TermEntity & {
  hidden_labels: string[];
  replaced_by: string | null;
  updated_at: Date;
};

/**
 * Gives the seed terms their hidden labels, tags and links, then records a first revision for
 * every term that has none. Only terms nobody has edited (version 1, created by the seed) are touched, and a
 * link is made only when both of its ends are untouched, so links stay consistent both ways.
 */
export class EnrichSalesSeed1764160000001 implements MigrationInterface {
  name = 'EnrichSalesSeed1764160000001';

  async up(db: QueryRunner): Promise<void> {
    const untouched: { slug: string }[] = await db.query(
      `SELECT slug FROM glossary.terms WHERE slug = ANY($1) AND version = 1`,
      [SALES_SEED_TERMS.map((term) => term.slug)],
    );
    const slugs = new Set(untouched.map((row) => row.slug));
    const relations = seedTermRelations(slugs);
    for (const term of SALES_SEED_TERMS) {
      if (!slugs.has(term.slug)) continue;
      await db.query(
        `UPDATE glossary.terms SET hidden_labels = $2, tags = $3, relations = $4
         WHERE slug = $1 AND version = 1`,
        [
          term.slug,
          term.hiddenLabels ?? [],
          term.tags ?? [],
          JSON.stringify(relations.get(term.slug) ?? []),
        ],
      );
    }
    const terms: TermRow[] = await db.query(
      `SELECT t.* FROM glossary.terms t
       WHERE NOT EXISTS (SELECT 1 FROM glossary.term_revisions r WHERE r.term_id = t.id)`,
    );
    for (const row of terms) {
      const fields = termFields({
        ...row,
        hiddenLabels: row.hidden_labels,
        replacedBy: row.replaced_by,
      } as TermEntity);
      await db.query(
        `INSERT INTO glossary.term_revisions (term_id, n, action, actor, changes, snapshot, created_at)
         VALUES ($1, $2, 'created', 'system', $3, $4, $5)`,
        [
          row.id,
          row.version,
          JSON.stringify(diffTermFields(null, fields)),
          JSON.stringify(fields),
          row.updated_at,
        ],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM glossary.term_revisions WHERE actor = 'system' AND n = 1`);
    await db.query(
      `UPDATE glossary.terms SET hidden_labels = '{}', tags = '{}', relations = '[]'
       WHERE slug = ANY($1) AND version = 1`,
      [SALES_SEED_TERMS.map((term) => term.slug)],
    );
  }
}
