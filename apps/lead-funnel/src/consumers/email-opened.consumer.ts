import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EMAIL_EVENTS_STREAM, EmailEvents, EmailOpenedEventDto } from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome } from '@sales-suite/messaging';
import { InboxService } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';
import { eventsRejectedTotal, parseEvent } from './consumed-event';
import { DurableSubjectConsumers } from './durable-subject-consumer.service';

const CONSUMER = 'lead-funnel-email-opened';

const opensTotal = new Counter({
  name: 'lead_funnel_email_opens_total',
  help: 'email.opened events by what the funnel did with them (scored, machine, no_lead)',
  labelNames: ['outcome'] as const,
});

/**
 * Turns human email opens into EngagementRecorded on the lead (by lead id, else every open lead
 * of the contact or with the contact on its buying committee). Machine opens never score. The
 * inbox claim shares the transaction with the appends, so a redelivery never counts twice.
 */
@Injectable()
export class EmailOpenedConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmailOpenedConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: DurableSubjectConsumers,
    private readonly inbox: InboxService,
    private readonly writer: LeadWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<unknown>({
      stream: EMAIL_EVENTS_STREAM,
      durable: CONSUMER,
      subject: EmailEvents.Opened,
      handle: (event) => retryOnConflict(() => this.handle(event)),
    });
  }

  handle(consumed: ConsumedEvent<unknown>): Promise<EventOutcome> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, consumed.messageId))) return 'duplicate';
      const parsed = parseEvent(EmailOpenedEventDto, consumed.data);
      if ('violations' in parsed) {
        eventsRejectedTotal.inc({ subject: consumed.subject });
        this.logger.warn(
          `Refused ${consumed.subject} ${consumed.messageId}: ${JSON.stringify(parsed.violations)}`,
        );
        return 'processed';
      }
      const open = parsed.event;
      if (open.classification !== 'human') {
        opensTotal.inc({ outcome: 'machine' });
        return 'processed';
      }
      const leadIds = await this.targetLeads(manager, open);
      for (const leadId of leadIds) {
        await this.writer.change(manager, leadId, EmailEvents.Opened, (draft, policy) => {
          draft.record({
            type: 'EngagementRecorded',
            // A producer clock ahead of ours must not hide the open from the score until then.
            occurredAt: Math.min(Date.parse(open.openedAt), policy.now),
            data: { type: 'email_opened', contactId: open.contactId, sourceId: open.messageId },
          });
          draft.settle(policy);
        });
      }
      opensTotal.inc({ outcome: leadIds.length > 0 ? 'scored' : 'no_lead' });
      return 'processed';
    });
  }

  private async targetLeads(manager: EntityManager, open: EmailOpenedEventDto): Promise<string[]> {
    if (open.leadId) {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM funnel.leads WHERE id = $1`,
        [open.leadId],
      );
      return rows.map((row) => row.id);
    }
    if (!open.contactId) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM funnel.leads
       WHERE stage NOT IN ('closed_won', 'closed_lost')
         AND (contact_id = $1 OR committee @> jsonb_build_array(jsonb_build_object('contactId', $1::text)))
       ORDER BY id`,
      [open.contactId],
    );
    return rows.map((row) => row.id);
  }
}
