import type { ServiceDatabase } from '@sales-suite/persistence';
import { CreateCrmEnrichmentSchema1764150000000 } from './migrations/1764150000000-create-crm-enrichment-schema';
import { CreateCrmRecords1764200000000 } from './migrations/1764200000000-create-crm-records';
import { CreateCrmEnrichmentLeases1764900000000 } from './migrations/1764900000000-create-leases';

export const CRM_DATABASE: ServiceDatabase = {
  schema: 'crm',
  entities: [],
  migrations: [
    CreateCrmEnrichmentSchema1764150000000,
    CreateCrmRecords1764200000000,
    CreateCrmEnrichmentLeases1764900000000,
  ],
};
