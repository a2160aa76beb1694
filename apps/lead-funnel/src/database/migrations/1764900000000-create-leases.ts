import { leasesMigration } from '@sales-suite/persistence';

/** Leases: work that must run on one replica at a time (see LeaseService). */
export const CreateLeadFunnelLeases1764900000000 = leasesMigration(
  'funnel',
  'CreateLeadFunnelLeases1764900000000',
);
