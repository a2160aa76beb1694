import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EMAIL_EVENTS_STREAM,
  EmailEvents,
  EmailUnsubscribedEventDto,
} from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { LeadDraft } from '../domain/lead-draft';
import { LeadEventStore } from '../leads/lead-event.store';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';
import { eventsRejectedTotal, parseEvent } from './consumed-event';
import { emailEngagementTargets } from './email-engagement-targets';

const CONSUMER = 'lead-funnel-email-unsubscribed';

const unsubscribesTotal = new Counter({
  name: 'lead_funnel_email_unsubscribes_total',
  help: 'email.unsubscribed events by what the funnel did with them (scored, no_lead)',
  labelNames: ['outcome'] as const,
});

/**
 * Turns an email unsubscribe into the engagement `unsubscribed` on the lead (by lead id, else
 * every open lead of the contact or with it on the buying committee), which the scoring model's
 * `unsubscribed` rule scores (negative by default) and the score's contributions show, with the
 * message id as the event's `sourceId`. Idempotent like the opens: inbox claims, appends and read
 * models in one transaction per batch.
 */
@Injectable()
export class EmailUnsubscribedConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmailUnsubscribedConsumer.name);

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
      subject: EmailEvents.Unsubscribed,
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
      const unsubscribes: EmailUnsubscribedEventDto[] = [];
      const outcomes = batch.map((consumed, index): EventOutcome => {
        if (!claimed[index]) return 'duplicate';
        const parsed = parseEvent(EmailUnsubscribedEventDto, consumed.data);
        if ('violations' in parsed) {
          eventsRejectedTotal.inc({ subject: consumed.subject });
          this.logger.warn(
            `Refused ${consumed.subject} ${consumed.messageId}: ${JSON.stringify(parsed.violations)}`,
          );
        } else unsubscribes.push(parsed.event);
        return 'processed';
      });
      if (unsubscribes.length > 0) await this.record(manager, unsubscribes);
      return outcomes;
    });
  }

  private async record(
    manager: EntityManager,
    unsubscribes: EmailUnsubscribedEventDto[],
  ): Promise<void> {
    const byLead = await emailEngagementTargets(manager, unsubscribes);
    const streams = await this.events.readMany(manager, [...byLead.keys()]);
    const policy = await this.writer.policy(manager);
    const drafts: LeadDraft[] = [];
    for (const [leadId, leadUnsubscribes] of byLead) {
      const stream = streams.get(leadId);
      if (!stream) continue;
      const draft = new LeadDraft(leadId, stream);
      for (const unsubscribe of leadUnsubscribes)
        draft.record({
          type: 'EngagementRecorded',
          occurredAt: Math.min(Date.parse(unsubscribe.unsubscribedAt), policy.now),
          data: {
            type: 'unsubscribed',
            contactId: unsubscribe.contactId,
            sourceId: unsubscribe.messageId,
          },
        });
      draft.settle(policy);
      drafts.push(draft);
    }
    await this.writer.commit(manager, drafts, EmailEvents.Unsubscribed);
    for (const unsubscribe of unsubscribes) {
      const scored = [...byLead.values()].some((list) => list.includes(unsubscribe));
      unsubscribesTotal.inc({ outcome: scored ? 'scored' : 'no_lead' });
    }
  }
}
