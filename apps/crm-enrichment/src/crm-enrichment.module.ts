import { Module } from '@nestjs/common';
import { ServiceNames } from '@sales-suite/contracts';
import { ServiceCoreModule } from '@sales-suite/platform';
import { CrmEnrichmentEnv } from './config/crm-enrichment.env';
import { CRM_DATABASE } from './database/crm-enrichment.database';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: ServiceNames.CrmEnrichment,
      env: CrmEnrichmentEnv,
      database: CRM_DATABASE,
    }),
  ],
})
export class CrmEnrichmentModule {}
