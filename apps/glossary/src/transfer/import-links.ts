import type { RelationType } from '@sales-suite/contracts';
import { INVERSE_RELATION } from '../terms/term-relations';

interface LinkedRow {
  slug: string;
  relations?: { type: RelationType; slug: string }[];
}

/**
 * Within one import, a link stated on either end holds: each row also gets the inverse of the
 * links other rows make to it, unless it already links that row itself. Without this a row
 * listed later without its links would undo the links an earlier row made to it.
 */
export function withInverseLinks<T extends LinkedRow>(rows: readonly T[]): T[] {
  const inImport = new Set(rows.map((row) => row.slug));
  const added = new Map<string, { type: RelationType; slug: string }[]>();
  for (const row of rows)
    for (const relation of row.relations ?? []) {
      if (!inImport.has(relation.slug) || relation.slug === row.slug) continue;
      const target = rows.find((other) => other.slug === relation.slug)!;
      const alreadyLinked = (target.relations ?? []).some((link) => link.slug === row.slug);
      const pending = added.get(relation.slug) ?? [];
      if (alreadyLinked || pending.some((link) => link.slug === row.slug)) continue;
      added.set(relation.slug, [
        ...pending,
        { type: INVERSE_RELATION[relation.type], slug: row.slug },
      ]);
    }
  return rows.map((row) =>
    added.has(row.slug)
      ? { ...row, relations: [...(row.relations ?? []), ...added.get(row.slug)!] }
      : row,
  );
}
