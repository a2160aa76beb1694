/** Request/reply subjects served by the glossary service (queue group `glossary`). */
export const GlossarySubjects = {
  ListTerms: 'glossary.term.list',
  GetTerm: 'glossary.term.get',
  /** Several live terms by slug at once, for services that link to terms (no gateway route). */
  ResolveTerms: 'glossary.term.resolve',
  CreateTerm: 'glossary.term.create',
  UpdateTerm: 'glossary.term.update',
  DeleteTerm: 'glossary.term.delete',
  RestoreTerm: 'glossary.term.restore',
  ListCategories: 'glossary.category.list',
  ListRevisions: 'glossary.revision.list',
  GetRevision: 'glossary.revision.get',
  RestoreRevision: 'glossary.revision.restore',
  Search: 'glossary.search',
  Suggest: 'glossary.suggest',
  Annotate: 'glossary.annotate',
  Import: 'glossary.import',
  ExportPage: 'glossary.export.page',
} as const;

/** Events the glossary publishes through its outbox to JetStream. */
export const GlossaryEvents = {
  TermCreated: 'glossary.term.created',
  TermUpdated: 'glossary.term.updated',
  TermDeleted: 'glossary.term.deleted',
  TermRestored: 'glossary.term.restored',
} as const;

export const GLOSSARY_EVENTS_STREAM = {
  name: 'GLOSSARY_EVENTS',
  subjects: Object.values(GlossaryEvents),
} as const;

/**
 * Plain NATS messages every replica hears (no stream): `usedBy` of these slugs changed, so a
 * cached copy of those terms is stale.
 */
export const GlossaryBroadcasts = {
  TermUsesChanged: 'glossary.term.uses_changed',
} as const;
