import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { ContactFitConsumer } from './contact-fit.consumer';
import { EmailEngagementConsumers } from './email-engagement.consumers';
import { EmailEngagementWriter } from './email-engagement.writer';
import { ImportedLeadConsumer } from './imported-lead.consumer';

/** Durable JetStream consumers of the events other services publish. */
@Module({
  imports: [LeadsModule],
  providers: [
    EmailEngagementWriter,
    EmailEngagementConsumers,
    ContactFitConsumer,
    ImportedLeadConsumer,
  ],
})
export class ConsumersModule {}
