import type { TermView } from '@sales-suite/contracts';
import type { TermEntity } from './term.entity';
import { canonicalFields, TermFields } from './term-fields';

export function termFields(term: TermEntity): TermFields {
  return canonicalFields({
    name: term.name,
    definition: term.definition,
    details: term.details,
    aliases: term.aliases,
    hiddenLabels: term.hiddenLabels,
    category: term.category,
    tags: term.tags,
    relations: term.relations,
    sources: term.sources,
    status: term.status,
    replacedBy: term.replacedBy,
  });
}

export function toTermView(term: TermEntity): TermView {
  return {
    slug: term.slug,
    ...termFields(term),
    version: term.version,
    createdAt: term.createdAt.toISOString(),
    updatedAt: term.updatedAt.toISOString(),
  };
}

/** A past version as a view: the snapshot's fields on the term's identity. */
export function snapshotView(
  term: Pick<TermEntity, 'slug' | 'createdAt'>,
  snapshot: TermFields,
  n: number,
  at: Date,
): TermView {
  return {
    slug: term.slug,
    ...canonicalFields(snapshot),
    version: n,
    createdAt: term.createdAt.toISOString(),
    updatedAt: at.toISOString(),
  };
}
