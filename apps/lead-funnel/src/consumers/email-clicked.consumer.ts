import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EMAIL_EVENTS_STREAM, EmailClickedEventDto, EmailEvents } from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { retryOnConflict } from '../leads/lead-writer';
import { eventsRejectedTotal, parseEvent } from './consumed-event';
import { EmailEngagement, EmailEngagementWriter } from './email-engagement.writer';

const CONSUMER = 'lead-funnel-email-clicked';

const clicksTotal = new Counter({
  name: 'lead_funnel_email_clicks_total',
  help: 'email.clicked events by what the funnel did with them (scored, machine, no_lead)',
  labelNames: ['outcome'] as const,
});

/**
 * Turns human clicks into `email_clicked` engagement on the lead, scored by the scoring model's
 * rule for that event (default `email-click`: 5 points, half-life 14 days, at most 15 points a
 * week) and shown in the score's explanation. Machine clicks never score. As for opens, a batch
 * is one transaction with its inbox claims, so a redelivered click never counts twice.
 */
@Injectable()
export class EmailClickedConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmailClickedConsumer.name);

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
      subject: EmailEvents.Clicked,
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
      const clicks: EmailEngagement[] = [];
      const outcomes = batch.map((consumed, index): EventOutcome => {
        if (!claimed[index]) return 'duplicate';
        const parsed = parseEvent(EmailClickedEventDto, consumed.data);
        if ('violations' in parsed) {
          eventsRejectedTotal.inc({ subject: consumed.subject });
          this.logger.warn(
            `Refused ${consumed.subject} ${consumed.messageId}: ${JSON.stringify(parsed.violations)}`,
          );
        } else if (parsed.event.classification !== 'human') {
          clicksTotal.inc({ outcome: 'machine' });
        } else {
          const click = parsed.event;
          clicks.push({
            contactId: click.contactId,
            leadId: click.leadId,
            at: click.clickedAt,
            sourceId: click.clickId,
          });
        }
        return 'processed';
      });
      if (clicks.length > 0) {
        const scored = await this.engagement.record(
          manager,
          'email_clicked',
          clicks,
          EmailEvents.Clicked,
        );
        for (const click of clicks)
          clicksTotal.inc({ outcome: scored.has(click) ? 'scored' : 'no_lead' });
      }
      return outcomes;
    });
  }
}
