import type { RelationType } from '@sales-suite/contracts';
import type { TermFields, TermRelation } from './term-fields';

export const INVERSE_RELATION: Record<RelationType, RelationType> = {
  related: 'related',
  'see-also': 'see-also',
  broader: 'narrower',
  narrower: 'broader',
};

/** Links to add to and remove from each other term so both ends of every link agree. */
export interface RelationEdit {
  add: TermRelation[];
  remove: TermRelation[];
}

const key = (relation: TermRelation) => `${relation.type}\u0000${relation.slug}`;

/**
 * When `slug`'s relations go from `before` to `after`, what changes on the other ends: a new
 * `A broader B` adds `B narrower A`, a removed link removes its inverse.
 */
export function inverseRelationEdits(
  slug: string,
  before: readonly TermRelation[],
  after: readonly TermRelation[],
): Map<string, RelationEdit> {
  const edits = new Map<string, RelationEdit>();
  const editFor = (other: string) => {
    let edit = edits.get(other);
    if (!edit) edits.set(other, (edit = { add: [], remove: [] }));
    return edit;
  };
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  for (const relation of after)
    if (!beforeKeys.has(key(relation)))
      editFor(relation.slug).add.push({ type: INVERSE_RELATION[relation.type], slug });
  for (const relation of before)
    if (!afterKeys.has(key(relation)))
      editFor(relation.slug).remove.push({ type: INVERSE_RELATION[relation.type], slug });
  return edits;
}

/** The other end's relations after an edit (a link of another type to the same term is replaced). */
export function applyRelationEdit(
  relations: readonly TermRelation[],
  edit: RelationEdit,
): TermRelation[] {
  const removed = new Set(edit.remove.map(key));
  const addedTargets = new Set(edit.add.map((relation) => relation.slug));
  const kept = relations.filter(
    (relation) => !removed.has(key(relation)) && !addedTargets.has(relation.slug),
  );
  return [...kept, ...edit.add];
}

/** A reason the term's own fields cannot stand, with the field it concerns; null if none. */
export interface RuleViolation {
  field: string;
  reason: string;
}

/**
 * Rules one term can break on its own: a link to itself (a term broader than itself), two
 * different links to the same term (broader and narrower at once would be a cycle), duplicate
 * links, and a replacement on a term that is not deprecated or that replaces itself.
 */
export function termRuleViolations(slug: string, fields: TermFields): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const typesByTarget = new Map<string, RelationType[]>();
  fields.relations.forEach((relation) => {
    if (relation.slug === slug)
      violations.push({
        field: 'relations',
        reason: `a term cannot be ${relation.type} to itself ("${slug}")`,
      });
    typesByTarget.set(relation.slug, [...(typesByTarget.get(relation.slug) ?? []), relation.type]);
  });
  for (const [target, types] of typesByTarget) {
    if (types.length > 1)
      violations.push({
        field: 'relations',
        reason: `"${target}" is linked ${types.length} times (${types.join(', ')}); a term links to another once`,
      });
  }
  if (fields.replacedBy !== null) {
    if (fields.status !== 'deprecated')
      violations.push({ field: 'replacedBy', reason: 'only a deprecated term has a replacement' });
    if (fields.replacedBy === slug)
      violations.push({ field: 'replacedBy', reason: 'a term cannot replace itself' });
  }
  return violations;
}

/** Slugs a term's fields point at, which must all exist. */
export function referencedSlugs(fields: TermFields): string[] {
  const slugs = new Set(fields.relations.map((relation) => relation.slug));
  if (fields.replacedBy) slugs.add(fields.replacedBy);
  return [...slugs];
}

/**
 * A deleted term's last fields made fit to live again: links and the replacement pointing at
 * terms that no longer exist are dropped (the others regain their inverse links on restore).
 */
export function restorableFields(fields: TermFields, liveSlugs: ReadonlySet<string>): TermFields {
  return {
    ...fields,
    relations: fields.relations.filter((relation) => liveSlugs.has(relation.slug)),
    replacedBy:
      fields.replacedBy !== null && liveSlugs.has(fields.replacedBy) ? fields.replacedBy : null,
  };
}
