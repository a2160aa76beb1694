import type { ServiceDatabase } from '@sales-suite/persistence';
import { CreateLeadFunnelSchema1764150000000 } from './migrations/1764150000000-create-lead-funnel-schema';
import { CreateLeadFunnelTables1764150000100 } from './migrations/1764150000100-create-lead-funnel-tables';
import { CreateLeadFunnelLeases1764900000000 } from './migrations/1764900000000-create-leases';

export const FUNNEL_DATABASE: ServiceDatabase = {
  schema: 'funnel',
  entities: [],
  migrations: [
    CreateLeadFunnelSchema1764150000000,
    CreateLeadFunnelTables1764150000100,
    CreateLeadFunnelLeases1764900000000,
  ],
};
