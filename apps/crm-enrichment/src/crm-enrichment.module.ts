import { Module } from '@nestjs/common';
import { CRM_EVENTS_STREAM, PRIVACY_EVENTS_STREAM, ServiceNames } from '@sales-suite/contracts';
import { ErasureParticipant, ServiceCoreModule } from '@sales-suite/platform';
import { AccountsHandlers } from './accounts/accounts.handlers';
import { AccountsService } from './accounts/accounts.service';
import { CrmEnrichmentEnv } from './config/crm-enrichment.env';
import { ContactsHandlers } from './contacts/contacts.handlers';
import { ContactsService } from './contacts/contacts.service';
import { CRM_DATABASE } from './database/crm-enrichment.database';
import { DuplicatesService } from './duplicates/duplicates.service';
import { FreshnessJob } from './freshness/freshness.job';
import { ImportWorker } from './imports/import.worker';
import { ImportsHandlers } from './imports/imports.handlers';
import { ImportsService } from './imports/imports.service';
import { ProvidersService } from './providers/providers.service';
import { CrmRecordsStore } from './records/crm-records.store';
import { RecordWriter } from './records/record-writer.service';
import { ContactEraser } from './privacy/contact-eraser';
import { EmailUnsubscribedConsumer } from './unsubscribes/email-unsubscribed.consumer';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: ServiceNames.CrmEnrichment,
      env: CrmEnrichmentEnv,
      database: CRM_DATABASE,
      streams: [CRM_EVENTS_STREAM, PRIVACY_EVENTS_STREAM],
    }),
  ],
  controllers: [ContactsHandlers, AccountsHandlers, ImportsHandlers],
  providers: [
    ErasureParticipant,
    ContactEraser,
    CrmRecordsStore,
    ProvidersService,
    RecordWriter,
    ContactsService,
    AccountsService,
    DuplicatesService,
    ImportsService,
    ImportWorker,
    FreshnessJob,
    EmailUnsubscribedConsumer,
  ],
})
export class CrmEnrichmentModule {}
