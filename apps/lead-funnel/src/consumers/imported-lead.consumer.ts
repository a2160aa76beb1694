import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CRM_EVENTS_STREAM,
  CrmContactLeadRequestedEventDto,
  CrmEvents,
} from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { LeadsService } from '../leads/leads.service';
import { eventsRejectedTotal, parseEvent } from './consumed-event';

const CONSUMER = 'lead-funnel-imported-leads';

const importedLeadsTotal = new Counter({
  name: 'lead_funnel_imported_leads_total',
  help: 'Leads asked for by CRM imports, by outcome (created, or skipped: the contact had a lead)',
  labelNames: ['outcome'] as const,
});

/**
 * Creates the leads CRM imports ask for (`crm.contact.lead_requested`), one per contact: a
 * contact that already has a lead is skipped, and a redelivered event is a duplicate (inbox).
 */
@Injectable()
export class ImportedLeadConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportedLeadConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly inbox: InboxService,
    private readonly leads: LeadsService,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<unknown>({
      stream: CRM_EVENTS_STREAM,
      durable: CONSUMER,
      subject: CrmEvents.ContactLeadRequested,
      handleBatch: async (batch) => {
        const outcomes: EventOutcome[] = [];
        for (const event of batch) outcomes.push(await this.handle(event));
        return outcomes;
      },
    });
  }

  async handle(consumed: ConsumedEvent<unknown>): Promise<EventOutcome> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, consumed.messageId))) return 'duplicate';
      const parsed = parseEvent(CrmContactLeadRequestedEventDto, consumed.data);
      if ('violations' in parsed) {
        eventsRejectedTotal.inc({ subject: consumed.subject });
        this.logger.warn(
          `Refused ${consumed.subject} ${consumed.messageId}: ${JSON.stringify(parsed.violations)}`,
        );
        return 'processed';
      }
      const created = await this.leads.createImported(manager, parsed.event);
      importedLeadsTotal.inc({ outcome: created ? 'created' : 'skipped' });
      return 'processed';
    });
  }
}
