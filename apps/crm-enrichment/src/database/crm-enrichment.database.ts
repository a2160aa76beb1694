import type { ServiceDatabase } from '@sales-suite/persistence';
import { CreateCrmEnrichmentSchema1764150000000 } from './migrations/1764150000000-create-crm-enrichment-schema';

export const CRM_DATABASE: ServiceDatabase = {
  schema: 'crm',
  entities: [],
  migrations: [CreateCrmEnrichmentSchema1764150000000],
};
