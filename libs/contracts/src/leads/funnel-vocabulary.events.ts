/**
 * The funnel's links to glossary terms, published by lead-funnel through its outbox whenever a
 * definition version changes them. The glossary keeps a table of uses from these (its `usedBy`,
 * and the refusal to delete or deprecate a used term) without reading lead-funnel's schema.
 */
export const FunnelVocabularyEvents = {
  Changed: 'funnel.vocabulary.changed',
} as const;

export const FUNNEL_VOCABULARY_STREAM = {
  name: 'FUNNEL_VOCABULARY',
  subjects: Object.values(FunnelVocabularyEvents),
} as const;

export interface FunnelVocabularyUse {
  termSlug: string;
  kind: 'stage' | 'lostReason';
  /** The stage or the lost reason the term names. */
  key: string;
}

/** Every link of funnel definition `version`: a snapshot, so the newest version wins. */
export interface FunnelVocabularyChanged {
  version: number;
  uses: FunnelVocabularyUse[];
}
