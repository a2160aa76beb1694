import { leasesMigration } from '@sales-suite/persistence';

/** Leases: work that must run on one replica at a time (see LeaseService). */
export const CreateEmailTrackingLeases1764900000000 = leasesMigration(
  'email',
  'CreateEmailTrackingLeases1764900000000',
);
