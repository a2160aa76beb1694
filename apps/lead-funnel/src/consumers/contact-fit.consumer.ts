import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CRM_EVENTS_STREAM, CrmContactChangedEventDto, CrmEvents } from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService } from '@sales-suite/persistence';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { OPEN_LEAD } from '../leads/lead-projection';
import { LeadWriter, retryOnConflict } from '../leads/lead-writer';
import { eventsRejectedTotal, parseEvent } from './consumed-event';

const CONSUMER = 'lead-funnel-contact-fit';
const CONTACT_CHANGES: readonly string[] = [CrmEvents.ContactEnriched, CrmEvents.ContactUpdated];

/**
 * Keeps each contact's fit attributes (for leads created later) and updates the open leads of
 * the contact: FitUpdated when the attributes changed, territory reassignment, re-score. An
 * event older than the attributes already known is acknowledged without effect.
 */
@Injectable()
export class ContactFitConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ContactFitConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly inbox: InboxService,
    private readonly writer: LeadWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<unknown>({
      stream: CRM_EVENTS_STREAM,
      durable: CONSUMER,
      subject: 'crm.contact.*',
      // In order, one by one: a later change of a contact must not overtake an earlier one.
      handleBatch: async (batch) => {
        const outcomes: EventOutcome[] = [];
        for (const event of batch) outcomes.push(await retryOnConflict(() => this.handle(event)));
        return outcomes;
      },
    });
  }

  async handle(consumed: ConsumedEvent<unknown>): Promise<EventOutcome> {
    // The filter `crm.contact.*` may one day carry other contact events: not ours to apply.
    if (!CONTACT_CHANGES.includes(consumed.subject)) return 'processed';
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, consumed.messageId))) return 'duplicate';
      const parsed = parseEvent(CrmContactChangedEventDto, consumed.data);
      if ('violations' in parsed) {
        eventsRejectedTotal.inc({ subject: consumed.subject });
        this.logger.warn(
          `Refused ${consumed.subject} ${consumed.messageId}: ${JSON.stringify(parsed.violations)}`,
        );
        return 'processed';
      }
      const change = parsed.event;
      const fit = JSON.parse(JSON.stringify(change.fit));
      const newer: unknown[] = await manager.query(
        `INSERT INTO funnel.contact_fit (contact_id, account_id, fit, occurred_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (contact_id) DO UPDATE
           SET account_id = EXCLUDED.account_id, fit = EXCLUDED.fit, occurred_at = EXCLUDED.occurred_at
           WHERE funnel.contact_fit.occurred_at <= EXCLUDED.occurred_at
         RETURNING 1`,
        [change.contactId, change.accountId, JSON.stringify(fit), change.occurredAt],
      );
      if (newer.length === 0) return 'processed';
      const leads: { id: string }[] = await manager.query(
        `SELECT id FROM funnel.leads WHERE contact_id = $1 AND ${OPEN_LEAD} ORDER BY id`,
        [change.contactId],
      );
      for (const { id } of leads) {
        await this.writer.change(manager, id, consumed.subject, async (draft, policy) => {
          if (isDeepStrictEqual(draft.state.fit, fit)) return;
          draft.record({
            type: 'FitUpdated',
            occurredAt: Math.min(Date.parse(change.occurredAt), policy.now),
            data: { contactId: change.contactId, fit },
          });
          const reason = draft.state.territoryId === null ? 'round_robin' : 'territory_change';
          await this.writer.assign(manager, draft, policy, reason);
          draft.settle(policy);
        });
      }
      return 'processed';
    });
  }
}
