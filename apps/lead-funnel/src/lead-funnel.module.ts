import { Module } from '@nestjs/common';
import {
  FUNNEL_VOCABULARY_STREAM,
  LEAD_EVENTS_STREAM,
  PRIVACY_EVENTS_STREAM,
  ServiceNames,
} from '@sales-suite/contracts';
import { ErasureParticipant, ServiceCoreModule } from '@sales-suite/platform';
import { LeadFunnelEnv } from './config/lead-funnel.env';
import { ConsumersModule } from './consumers/consumers.module';
import { FUNNEL_DATABASE } from './database/lead-funnel.database';
import { FunnelModule } from './funnel/funnel.module';
import { LeadsModule } from './leads/leads.module';
import { ScoringModule } from './scoring/scoring.module';
import { TerritoriesModule } from './territories/territories.module';
import { ContactDataEraser } from './privacy/contact-data-eraser';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: ServiceNames.LeadFunnel,
      env: LeadFunnelEnv,
      database: FUNNEL_DATABASE,
      streams: [LEAD_EVENTS_STREAM, FUNNEL_VOCABULARY_STREAM, PRIVACY_EVENTS_STREAM],
    }),
    LeadsModule,
    FunnelModule,
    ScoringModule,
    TerritoriesModule,
    ConsumersModule,
  ],
  providers: [ErasureParticipant, ContactDataEraser],
})
export class LeadFunnelModule {}
