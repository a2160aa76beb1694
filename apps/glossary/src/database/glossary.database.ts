import type { ServiceDatabase } from '@sales-suite/persistence';
import { TermEntity } from '../terms/term.entity';
import { CreateGlossarySchema1764150000000 } from './migrations/1764150000000-create-glossary-schema';
import { SeedSalesTerms1764150000001 } from './migrations/1764150000001-seed-sales-terms';

export const GLOSSARY_DATABASE: ServiceDatabase = {
  schema: 'glossary',
  entities: [TermEntity],
  migrations: [CreateGlossarySchema1764150000000, SeedSalesTerms1764150000001],
};
