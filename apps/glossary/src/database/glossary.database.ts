import type { ServiceDatabase } from '@sales-suite/persistence';
import { DeletedTermEntity } from '../terms/deleted-term.entity';
import { TermRevisionEntity } from '../terms/term-revision.entity';
import { TermEntity } from '../terms/term.entity';
import { CreateGlossarySchema1764150000000 } from './migrations/1764150000000-create-glossary-schema';
import { SeedSalesTerms1764150000001 } from './migrations/1764150000001-seed-sales-terms';
import { TermsSearchRelationsRevisions1764160000000 } from './migrations/1764160000000-terms-search-relations-revisions';
import { EnrichSalesSeed1764160000001 } from './migrations/1764160000001-enrich-sales-seed';
import { SearchKnnIndex1764160000002 } from './migrations/1764160000002-search-knn-index';
import { TypoCandidatesFunction1764160000003 } from './migrations/1764160000003-typo-candidates-function';
import { CreateGlossaryLeases1764900000000 } from './migrations/1764900000000-create-leases';
import { TermTombstones1765000000000 } from './migrations/1765000000000-term-tombstones';
import { TermUses1765300000000 } from './migrations/1765300000000-term-uses';
import { SearchLabelWords1765900000000 } from './migrations/1765900000000-search-label-words';

export const GLOSSARY_DATABASE: ServiceDatabase = {
  schema: 'glossary',
  entities: [TermEntity, TermRevisionEntity, DeletedTermEntity],
  migrations: [
    CreateGlossarySchema1764150000000,
    SeedSalesTerms1764150000001,
    TermsSearchRelationsRevisions1764160000000,
    EnrichSalesSeed1764160000001,
    SearchKnnIndex1764160000002,
    TypoCandidatesFunction1764160000003,
    CreateGlossaryLeases1764900000000,
    TermTombstones1765000000000,
    TermUses1765300000000,
    SearchLabelWords1765900000000,
  ],
};
