import { Module } from '@nestjs/common';
import { ServiceNames } from '@sales-suite/contracts';
import { ServiceCoreModule } from '@sales-suite/platform';
import { LeadFunnelEnv } from './config/lead-funnel.env';
import { FUNNEL_DATABASE } from './database/lead-funnel.database';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: ServiceNames.LeadFunnel,
      env: LeadFunnelEnv,
      database: FUNNEL_DATABASE,
    }),
  ],
})
export class LeadFunnelModule {}
