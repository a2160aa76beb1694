import { Module } from '@nestjs/common';
import { FunnelDefinitionStore } from '../settings/funnel-definition.store';
import { ScoringModelStore } from '../settings/scoring-model.store';
import { TerritoryStore } from '../settings/territory.store';
import { LeadEventStore } from './lead-event.store';
import { LeadProjection } from './lead-projection';
import { LeadQueries } from './lead-queries.service';
import { LeadWriter } from './lead-writer';
import { LeadsHandlers } from './leads.handlers';
import { LeadsService } from './leads.service';

const shared = [
  LeadEventStore,
  LeadProjection,
  LeadWriter,
  FunnelDefinitionStore,
  ScoringModelStore,
  TerritoryStore,
];

/** Lead streams, their read models and the commands on them; the other features build on it. */
@Module({
  controllers: [LeadsHandlers],
  providers: [...shared, LeadsService, LeadQueries],
  exports: [...shared, LeadsService],
})
export class LeadsModule {}
