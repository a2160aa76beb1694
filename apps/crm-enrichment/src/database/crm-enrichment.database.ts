import type { ServiceDatabase } from '@sales-suite/persistence';
import { CreateCrmEnrichmentSchema1764150000000 } from './migrations/1764150000000-create-crm-enrichment-schema';
import { CreateCrmRecords1764200000000 } from './migrations/1764200000000-create-crm-records';
import { CreateCrmEnrichmentLeases1764900000000 } from './migrations/1764900000000-create-leases';
import { OneContactPerEmail1765000000000 } from './migrations/1765000000000-one-contact-per-email';
import { ImportRowRejections1765100000000 } from './migrations/1765100000000-import-row-rejections';
import { ContactCustomFields1765210000000 } from './migrations/1765210000000-contact-custom-fields';
import { ImportErrors1765260000000 } from './migrations/1765260000000-import-errors';

export const CRM_DATABASE: ServiceDatabase = {
  schema: 'crm',
  entities: [],
  migrations: [
    CreateCrmEnrichmentSchema1764150000000,
    CreateCrmRecords1764200000000,
    CreateCrmEnrichmentLeases1764900000000,
    OneContactPerEmail1765000000000,
    ImportRowRejections1765100000000,
    ContactCustomFields1765210000000,
    ImportErrors1765260000000,
  ],
};
