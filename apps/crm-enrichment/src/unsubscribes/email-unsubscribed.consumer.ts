import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EMAIL_EVENTS_STREAM,
  EmailEvents,
  EmailUnsubscribedEventDto,
  toFieldViolations,
} from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService, OutboxRelayService } from '@sales-suite/persistence';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { Proposal, UNSUBSCRIBE_SOURCE } from '../provenance/field-provenance';
import { CrmRecordsStore } from '../records/crm-records.store';
import { RecordWriter } from '../records/record-writer.service';

const CONSUMER = 'crm-enrichment-email-unsubscribed';
const ACTOR = 'email-unsubscribe';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const unsubscribesTotal = new Counter({
  name: 'crm_email_unsubscribes_total',
  help: 'email.unsubscribed events by what the CRM did: opted_out, already_opted_out, no_contact (no or unknown contact id), invalid',
  labelNames: ['outcome'] as const,
});

/**
 * Marks a contact's email opted out (`doNotContact` true, source `email:unsubscribe`, the
 * message as `sourceRef`, observed at the unsubscribe's time) when one of its messages'
 * unsubscribe link is used. A batch is one transaction with its inbox claims, so a redelivered
 * event changes nothing; the change goes through the one contact writer (field history with
 * reason `unsubscribe`, `crm.contact.updated`).
 */
@Injectable()
export class EmailUnsubscribedConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmailUnsubscribedConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly inbox: InboxService,
    private readonly store: CrmRecordsStore,
    private readonly writer: RecordWriter,
    private readonly relay: OutboxRelayService,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<unknown>({
      stream: EMAIL_EVENTS_STREAM,
      durable: CONSUMER,
      subject: EmailEvents.Unsubscribed,
      handleBatch: (batch) => this.handleBatch(batch),
    });
  }

  private async handleBatch(batch: ConsumedEvent<unknown>[]): Promise<EventOutcome[]> {
    const outcomes = await this.dataSource.transaction(async (manager) => {
      const claimed = await this.inbox.claimBatch(
        manager,
        CONSUMER,
        batch.map((event) => event.messageId),
      );
      const events: EmailUnsubscribedEventDto[] = [];
      const result = batch.map((consumed, index): EventOutcome => {
        if (!claimed[index]) return 'duplicate';
        const event = plainToInstance(EmailUnsubscribedEventDto, consumed.data ?? {});
        const errors = validateSync(event, { whitelist: true });
        if (typeof consumed.data !== 'object' || errors.length > 0) {
          unsubscribesTotal.inc({ outcome: 'invalid' });
          this.logger.warn(
            `Refused ${consumed.subject} ${consumed.messageId}: ${JSON.stringify(toFieldViolations(errors))}`,
          );
        } else events.push(event);
        return 'processed';
      });
      await this.optOut(manager, events);
      return result;
    });
    this.relay.publishSoon();
    return outcomes;
  }

  private async optOut(manager: EntityManager, events: EmailUnsubscribedEventDto[]): Promise<void> {
    // CRM contact ids are UUIDs; a sender's own external ids name no contact here.
    const byContact = new Map<string, EmailUnsubscribedEventDto>();
    for (const event of events) {
      const id = event.contactId?.toLowerCase();
      if (id && UUID.test(id) && !byContact.has(id)) byContact.set(id, event);
      else
        unsubscribesTotal.inc({
          outcome: id && UUID.test(id) ? 'already_opted_out' : 'no_contact',
        });
    }
    if (byContact.size === 0) return;
    const rows = await this.store.contactsById(manager, [...byContact.keys()], true);
    unsubscribesTotal.inc({ outcome: 'no_contact' }, byContact.size - rows.length);
    const now = new Date().toISOString();
    const outcomes = await this.writer.writeContacts(
      manager,
      rows.map((existing) => {
        const event = byContact.get(existing.id)!;
        const proposal: Proposal = {
          field: 'doNotContact',
          value: true,
          source: UNSUBSCRIBE_SOURCE,
          confidence: 1,
          sourceRef: event.messageId,
          observedAt: event.unsubscribedAt,
        };
        return { existing, proposals: [proposal], reason: 'unsubscribe' };
      }),
      new Map(),
      ACTOR,
      now,
    );
    for (const outcome of outcomes)
      unsubscribesTotal.inc({
        outcome: outcome.result === 'unchanged' ? 'already_opted_out' : 'opted_out',
      });
  }
}
