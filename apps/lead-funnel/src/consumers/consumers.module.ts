import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { ContactFitConsumer } from './contact-fit.consumer';
import { EmailOpenedConsumer } from './email-opened.consumer';
import { EmailUnsubscribedConsumer } from './email-unsubscribed.consumer';
import { ImportedLeadConsumer } from './imported-lead.consumer';

/** Durable JetStream consumers of the events other services publish. */
@Module({
  imports: [LeadsModule],
  providers: [
    EmailOpenedConsumer,
    EmailUnsubscribedConsumer,
    ContactFitConsumer,
    ImportedLeadConsumer,
  ],
})
export class ConsumersModule {}
