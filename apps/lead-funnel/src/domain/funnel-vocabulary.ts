import type { FieldViolation, LeadStage } from '@sales-suite/contracts/core';
import type { FunnelDefinition } from './funnel-definition';

export interface StageTerm {
  stage: LeadStage;
  termSlug: string;
}

export interface LostReasonTerm {
  reason: string;
  termSlug: string;
}

/** Which glossary term names each stage and each lost reason (unlinked ones are absent). */
export interface FunnelVocabulary {
  stages: StageTerm[];
  lostReasonTerms: LostReasonTerm[];
}

/**
 * The links of a definition stored before the vocabulary existed: only what the glossary's seed
 * defines (apps/glossary/src/seed/sales-terms.seed.ts has `closed-lost`, no term per lost reason).
 */
export const DEFAULT_FUNNEL_VOCABULARY: FunnelVocabulary = {
  stages: [{ stage: 'closed_lost', termSlug: 'closed-lost' }],
  lostReasonTerms: [],
};

/** One place the funnel uses a term, named as the field of `PUT /v1/funnel/definition`. */
export interface TermUse {
  termSlug: string;
  /** `stage` or `lostReason`, with the stage or reason it names. */
  kind: 'stage' | 'lostReason';
  key: string;
  field: string;
}

/** What a term the glossary answers looks like to the funnel. */
export interface LinkedTerm {
  slug: string;
  status: 'draft' | 'approved' | 'deprecated';
  replacedBy: string | null;
}

export function vocabularyOf(
  definition: Pick<FunnelDefinition, 'stages' | 'lostReasonTerms'>,
): FunnelVocabulary {
  return {
    stages: definition.stages ?? DEFAULT_FUNNEL_VOCABULARY.stages,
    lostReasonTerms: definition.lostReasonTerms ?? DEFAULT_FUNNEL_VOCABULARY.lostReasonTerms,
  };
}

/** Every link of a definition, in field order. */
export function termUses(definition: FunnelDefinition): TermUse[] {
  const vocabulary = vocabularyOf(definition);
  return [
    ...vocabulary.stages.map((link, index) => ({
      termSlug: link.termSlug,
      kind: 'stage' as const,
      key: link.stage,
      field: `stages.${index}.termSlug`,
    })),
    ...vocabulary.lostReasonTerms.map((link, index) => ({
      termSlug: link.termSlug,
      kind: 'lostReason' as const,
      key: link.reason,
      field: `lostReasonTerms.${index}.termSlug`,
    })),
  ];
}

export function linkedSlugs(definition: FunnelDefinition): string[] {
  return [...new Set(termUses(definition).map((use) => use.termSlug))].sort();
}

/** What the DTO cannot check alone: one link per stage and per reason, reasons that exist. */
export function vocabularyViolations(definition: FunnelDefinition): FieldViolation[] {
  const vocabulary = vocabularyOf(definition);
  const violations: FieldViolation[] = [];
  const stages = new Set<string>();
  vocabulary.stages.forEach((link, index) => {
    if (stages.has(link.stage))
      violations.push({ field: `stages.${index}.stage`, reason: `${link.stage} is linked twice` });
    stages.add(link.stage);
  });
  const reasons = new Set<string>();
  vocabulary.lostReasonTerms.forEach((link, index) => {
    if (reasons.has(link.reason))
      violations.push({
        field: `lostReasonTerms.${index}.reason`,
        reason: `${link.reason} is linked twice`,
      });
    else if (!definition.lostReasons.includes(link.reason))
      violations.push({
        field: `lostReasonTerms.${index}.reason`,
        reason: `${link.reason} is not one of lostReasons`,
      });
    reasons.add(link.reason);
  });
  return violations;
}

/**
 * The slugs a replacement links that the current version does not: only those need the glossary's
 * word, the others were checked when linked and the glossary refuses to delete a used term.
 */
export function newlyLinkedSlugs(next: FunnelDefinition, current: FunnelDefinition): string[] {
  const kept = new Set(linkedSlugs(current));
  return linkedSlugs(next).filter((slug) => !kept.has(slug));
}

/** Whether two versions link different terms to anything (what the glossary must hear). */
export function vocabularyChanged(next: FunnelDefinition, current: FunnelDefinition): boolean {
  const key = (definition: FunnelDefinition) =>
    termUses(definition)
      .map((use) => `${use.kind}:${use.key}:${use.termSlug}`)
      .sort()
      .join('|');
  return key(next) !== key(current);
}

/**
 * Links the glossary refuses, among those to the `checked` slugs: a slug it does not know, or a
 * deprecated term (naming its replacement). `terms` holds what it answered for those slugs.
 */
export function unknownTermViolations(
  definition: FunnelDefinition,
  terms: readonly LinkedTerm[],
  checked: readonly string[],
): FieldViolation[] {
  const bySlug = new Map(terms.map((term) => [term.slug, term]));
  const asked = new Set(checked);
  return termUses(definition).flatMap((use): FieldViolation[] => {
    if (!asked.has(use.termSlug)) return [];
    const term = bySlug.get(use.termSlug);
    if (!term) return [{ field: use.field, reason: `no glossary term "${use.termSlug}"` }];
    if (term.status === 'deprecated')
      return [
        {
          field: use.field,
          reason:
            `glossary term "${use.termSlug}" is deprecated` +
            (term.replacedBy ? `; use "${term.replacedBy}"` : ''),
        },
      ];
    return [];
  });
}

/**
 * The definition with every link to `from` moved to `to`; null when nothing links to `from`, so
 * applying the same replacement twice changes nothing the second time.
 */
export function replaceTerm(
  definition: FunnelDefinition,
  from: string,
  to: string,
): FunnelDefinition | null {
  if (from === to) return null;
  const vocabulary = vocabularyOf(definition);
  const uses = termUses(definition).filter((use) => use.termSlug === from);
  if (uses.length === 0) return null;
  return {
    ...definition,
    stages: vocabulary.stages.map((link) =>
      link.termSlug === from ? { ...link, termSlug: to } : link,
    ),
    lostReasonTerms: vocabulary.lostReasonTerms.map((link) =>
      link.termSlug === from ? { ...link, termSlug: to } : link,
    ),
  };
}

/**
 * The links a replacement definition keeps: those it states, else the current ones (lost-reason
 * links only for reasons it still lists), so a PUT that predates the vocabulary keeps the links.
 */
export function carriedVocabulary(
  input: Pick<FunnelDefinition, 'lostReasons' | 'stages' | 'lostReasonTerms'>,
  current: FunnelDefinition,
): FunnelVocabulary {
  const kept = vocabularyOf(current);
  return {
    stages: input.stages ?? kept.stages,
    lostReasonTerms:
      input.lostReasonTerms ??
      kept.lostReasonTerms.filter((link) => input.lostReasons.includes(link.reason)),
  };
}
