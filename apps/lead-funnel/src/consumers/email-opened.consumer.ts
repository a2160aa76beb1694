import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EMAIL_EVENTS_STREAM, EmailEvents, EmailOpenedEventDto } from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { LeadDraft } from '../domain/lead-draft';
import { LeadEventStore } from '../leads/lead-event.store';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';
import { eventsRejectedTotal, parseEvent } from './consumed-event';
import { emailEngagementTargets } from './email-engagement-targets';

const CONSUMER = 'lead-funnel-email-opened';

const opensTotal = new Counter({
  name: 'lead_funnel_email_opens_total',
  help: 'email.opened events by what the funnel did with them (scored, machine, no_lead)',
  labelNames: ['outcome'] as const,
});

/**
 * Turns human email opens into EngagementRecorded on the lead (by lead id, else every open lead
 * of the contact or with the contact on its buying committee). Machine opens never score. A batch
 * of opens is one transaction: inbox claims, appends and read models together, so a redelivered
 * message is recognised and never counts twice, and each lead is re-scored once per batch.
 */
@Injectable()
export class EmailOpenedConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmailOpenedConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly inbox: InboxService,
    private readonly events: LeadEventStore,
    private readonly writer: LeadWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<unknown>({
      stream: EMAIL_EVENTS_STREAM,
      durable: CONSUMER,
      subject: EmailEvents.Opened,
      handleBatch: (batch) => retryOnConflict(() => this.handleBatch(batch)),
    });
  }

  private handleBatch(batch: ConsumedEvent<unknown>[]): Promise<EventOutcome[]> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await this.inbox.claimBatch(
        manager,
        CONSUMER,
        batch.map((event) => event.messageId),
      );
      const opens: EmailOpenedEventDto[] = [];
      const outcomes = batch.map((consumed, index): EventOutcome => {
        if (!claimed[index]) return 'duplicate';
        const parsed = parseEvent(EmailOpenedEventDto, consumed.data);
        if ('violations' in parsed) {
          eventsRejectedTotal.inc({ subject: consumed.subject });
          this.logger.warn(
            `Refused ${consumed.subject} ${consumed.messageId}: ${JSON.stringify(parsed.violations)}`,
          );
        } else if (parsed.event.classification !== 'human') {
          opensTotal.inc({ outcome: 'machine' });
        } else {
          opens.push(parsed.event);
        }
        return 'processed';
      });
      if (opens.length > 0) await this.recordOpens(manager, opens);
      return outcomes;
    });
  }

  private async recordOpens(manager: EntityManager, opens: EmailOpenedEventDto[]): Promise<void> {
    const byLead = await emailEngagementTargets(manager, opens);
    const streams = await this.events.readMany(manager, [...byLead.keys()]);
    const policy = await this.writer.policy(manager);
    const drafts: LeadDraft[] = [];
    for (const [leadId, leadOpens] of byLead) {
      const stream = streams.get(leadId);
      if (!stream) continue;
      const draft = new LeadDraft(leadId, stream);
      for (const open of leadOpens)
        draft.record({
          type: 'EngagementRecorded',
          // A producer clock ahead of ours must not hide the open from the score until then.
          occurredAt: Math.min(Date.parse(open.openedAt), policy.now),
          data: { type: 'email_opened', contactId: open.contactId, sourceId: open.messageId },
        });
      draft.settle(policy);
      drafts.push(draft);
    }
    await this.writer.commit(manager, drafts, EmailEvents.Opened);
    for (const open of opens) {
      const scored = [...byLead.values()].some((list) => list.includes(open));
      opensTotal.inc({ outcome: scored ? 'scored' : 'no_lead' });
    }
  }
}
