import { leasesMigration } from '@sales-suite/persistence';

/** Leases: work that must run on one replica at a time (see LeaseService). */
export const CreateCrmEnrichmentLeases1764900000000 = leasesMigration(
  'crm',
  'CreateCrmEnrichmentLeases1764900000000',
);
