import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EMAIL_EVENTS_STREAM, EmailEvents, EmailOpenedEventDto } from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { retryOnConflict } from '../leads/lead-writer';
import { eventsRejectedTotal, parseEvent } from './consumed-event';
import { EmailEngagementWriter } from './email-engagement.writer';

const CONSUMER = 'lead-funnel-email-opened';

const opensTotal = new Counter({
  name: 'lead_funnel_email_opens_total',
  help: 'email.opened events by what the funnel did with them (scored, machine, no_lead)',
  labelNames: ['outcome'] as const,
});

/**
 * Turns human email opens into EngagementRecorded on the lead (EmailEngagementWriter). Machine
 * opens never score. A batch
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
    private readonly engagement: EmailEngagementWriter,
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
    const engagements = opens.map((open) => ({
      contactId: open.contactId,
      leadId: open.leadId,
      at: open.openedAt,
      sourceId: open.messageId,
    }));
    const scored = await this.engagement.record(
      manager,
      'email_opened',
      engagements,
      EmailEvents.Opened,
    );
    for (const engagement of engagements)
      opensTotal.inc({ outcome: scored.has(engagement) ? 'scored' : 'no_lead' });
  }
}
