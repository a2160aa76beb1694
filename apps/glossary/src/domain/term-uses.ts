import {
  DomainError,
  ErrorCode,
  type FieldViolation,
  type FunnelVocabularyUse,
} from '@sales-suite/contracts/core';

/** One place another service uses a term, as the glossary's table of uses keeps it. */
export interface TermUse {
  service: string;
  kind: FunnelVocabularyUse['kind'];
  key: string;
  termSlug: string;
}

/** How a use reads in `usedBy` and in a refusal: `funnel stage closed_lost`. */
export function describeTermUse(use: Pick<TermUse, 'kind' | 'key'>): string {
  return use.kind === 'stage' ? `funnel stage ${use.key}` : `funnel lost reason ${use.key}`;
}

/** The slugs whose uses differ between two snapshots of one service's uses. */
export function slugsWithChangedUses(
  before: readonly TermUse[],
  after: readonly TermUse[],
): string[] {
  const key = (use: TermUse) => `${use.kind}\u0000${use.key}\u0000${use.termSlug}`;
  const kept = new Set(before.map(key));
  const next = new Set(after.map(key));
  const changed = new Set([
    ...before.filter((use) => !next.has(key(use))).map((use) => use.termSlug),
    ...after.filter((use) => !kept.has(key(use))).map((use) => use.termSlug),
  ]);
  return [...changed].sort();
}

/**
 * Why a used term cannot be deleted or deprecated as asked: it is used and no replacement is
 * named (409 naming the uses), or the replacement is the term itself (422). Null: it may go.
 * Whether the replacement exists is the writer's check (it locks it).
 */
export function removalRefusal(
  slug: string,
  action: 'deleted' | 'deprecated',
  uses: readonly TermUse[],
  replacedBy: string | null,
): DomainError | null {
  if (uses.length === 0) return null;
  if (replacedBy === null) {
    const named = uses.map(describeTermUse).join(', ');
    return new DomainError(
      ErrorCode.Conflict,
      `The term "${slug}" cannot be ${action}: it is used by ${named}; name a replacement ` +
        `(replacedBy) to move those uses to it`,
      {
        slug,
        usedBy: uses.map((use) => ({ service: use.service, description: describeTermUse(use) })),
      },
    );
  }
  if (replacedBy === slug) {
    const violation: FieldViolation = { field: 'replacedBy', reason: 'cannot be the term itself' };
    return new DomainError(ErrorCode.GlossaryInvalidRelation, `replacedBy: ${violation.reason}`, {
      violations: [violation],
    });
  }
  return null;
}
