import type {
  TermFieldChangeView,
  RelationType,
  TermStatus,
  UpdateTermDto,
} from '@sales-suite/contracts';

export interface TermRelation {
  type: RelationType;
  slug: string;
}

export interface TermSource {
  url: string;
  title: string;
}

/** Everything a revision records about a term: its editable fields, in canonical form. */
export interface TermFields {
  name: string;
  definition: string;
  details: string | null;
  aliases: string[];
  hiddenLabels: string[];
  category: string | null;
  tags: string[];
  relations: TermRelation[];
  sources: TermSource[];
  status: TermStatus;
  replacedBy: string | null;
}

export const TERM_FIELD_NAMES: readonly (keyof TermFields)[] = [
  'name',
  'definition',
  'details',
  'aliases',
  'hiddenLabels',
  'category',
  'tags',
  'relations',
  'sources',
  'status',
  'replacedBy',
];

export type TermFieldsInput = Partial<TermFields> & Pick<TermFields, 'name' | 'definition'>;

/** Relations in one order (type, then slug) so equal sets compare equal. */
export function sortRelations(relations: readonly TermRelation[]): TermRelation[] {
  return [...relations]
    .map(({ type, slug }) => ({ type, slug }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.slug.localeCompare(b.slug));
}

/**
 * Fields in one canonical form (relations sorted, keys in one order): what comes back from jsonb
 * has its keys reordered, and diffs must not see that as a change.
 */
export function canonicalFields(fields: TermFields): TermFields {
  return {
    ...fields,
    relations: sortRelations(fields.relations),
    sources: fields.sources.map(({ url, title }) => ({ url, title })),
  };
}

/** Fills defaults for a new term. */
export function newTermFields(input: TermFieldsInput): TermFields {
  return {
    name: input.name,
    definition: input.definition,
    details: input.details ?? null,
    aliases: input.aliases ?? [],
    hiddenLabels: input.hiddenLabels ?? [],
    category: input.category ?? null,
    tags: input.tags ?? [],
    relations: sortRelations(input.relations ?? []),
    sources: (input.sources ?? []).map(({ url, title }) => ({ url, title })),
    status: input.status ?? 'draft',
    replacedBy: input.replacedBy ?? null,
  };
}

/** A PATCH applied to the current fields: absent keys keep their value, `null` clears. */
export function patchTermFields(current: TermFields, patch: UpdateTermDto): TermFields {
  const next: TermFields = { ...current };
  for (const field of TERM_FIELD_NAMES) {
    if (!(field in patch) || patch[field] === undefined) continue;
    const value = patch[field];
    (next as unknown as Record<string, unknown>)[field] =
      value === null && Array.isArray(current[field]) ? [] : value;
  }
  next.relations = sortRelations(next.relations);
  next.sources = next.sources.map(({ url, title }) => ({ url, title }));
  // Un-deprecating a term drops its replacement: only deprecated terms are replaced.
  if (next.status !== 'deprecated' && patch.replacedBy === undefined) next.replacedBy = null;
  return next;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-level diff between two versions; `before` null means the term was just created. */
export function diffTermFields(
  before: TermFields | null,
  after: TermFields,
): TermFieldChangeView[] {
  const changes: TermFieldChangeView[] = [];
  for (const field of TERM_FIELD_NAMES) {
    const from = before ? before[field] : null;
    const to = after[field];
    if (before && sameValue(from, to)) continue;
    if (!before && (to === null || (Array.isArray(to) && to.length === 0))) continue;
    changes.push({ field, from, to });
  }
  return changes;
}

const NOT_NULLABLE = ['name', 'definition', 'status'] as const;

/** PATCH fields that may be left out but never cleared. */
export function nullPatchViolations(patch: UpdateTermDto): { field: string; reason: string }[] {
  return NOT_NULLABLE.filter((field) => patch[field] === null).map((field) => ({
    field,
    reason: `${field} cannot be null`,
  }));
}
