import type { ServiceDatabase } from '@sales-suite/persistence';
import { CreateLeadFunnelSchema1764150000000 } from './migrations/1764150000000-create-lead-funnel-schema';
import { CreateLeadFunnelTables1764150000100 } from './migrations/1764150000100-create-lead-funnel-tables';
import { CreateLeadFunnelLeases1764900000000 } from './migrations/1764900000000-create-leases';
import { StoreScoreDecay1765000000000 } from './migrations/1765000000000-store-score-decay';
import { CreateTerritoryJobs1765300000000 } from './migrations/1765300000000-create-territory-jobs';
import { ScoreCeilingIndex1765480000000 } from './migrations/1765480000000-score-ceiling-index';
import { FunnelSummaryColumns1765480000100 } from './migrations/1765480000100-funnel-summary-columns';
import { FunnelRollup1765800000000 } from './migrations/1765800000000-funnel-rollup';
import { LeadListCoveringIndex1765800000100 } from './migrations/1765800000100-lead-list-covering-index';
import { SettledScoreCeiling1766400000000 } from './migrations/1766400000000-settled-score-ceiling';

export const FUNNEL_DATABASE: ServiceDatabase = {
  schema: 'funnel',
  entities: [],
  migrations: [
    CreateLeadFunnelSchema1764150000000,
    CreateLeadFunnelTables1764150000100,
    CreateLeadFunnelLeases1764900000000,
    StoreScoreDecay1765000000000,
    CreateTerritoryJobs1765300000000,
    ScoreCeilingIndex1765480000000,
    FunnelSummaryColumns1765480000100,
    FunnelRollup1765800000000,
    LeadListCoveringIndex1765800000100,
    SettledScoreCeiling1766400000000,
  ],
};
