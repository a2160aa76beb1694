import type { TermView } from '@sales-suite/contracts';
import type { TermEntity } from './term.entity';

export function toTermView(term: TermEntity): TermView {
  return {
    slug: term.slug,
    name: term.name,
    definition: term.definition,
    details: term.details,
    aliases: term.aliases,
    category: term.category,
    tags: term.tags,
    status: term.status,
    version: term.version,
    createdAt: term.createdAt.toISOString(),
    updatedAt: term.updatedAt.toISOString(),
  };
}
