import { leasesMigration } from '@sales-suite/persistence';

/** Leases: work that must run on one replica at a time (see LeaseService). */
export const CreateGatewayLeases1764900000000 = leasesMigration(
  'gateway',
  'CreateGatewayLeases1764900000000',
);
