import { leasesMigration } from '@sales-suite/persistence';

/** Leases: work that must run on one replica at a time (see LeaseService). */
export const CreateGlossaryLeases1764900000000 = leasesMigration(
  'glossary',
  'CreateGlossaryLeases1764900000000',
);
