import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EMAIL_EVENTS_STREAM,
  EmailClickedEventDto,
  EmailEvents,
  EmailOpenedEventDto,
  EmailUnsubscribedEventDto,
  EngagementType,
} from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { retryOnConflict } from '../leads/lead-writer';
import { eventsRejectedTotal, parseEvent } from './consumed-event';
import { EmailEngagement, EmailEngagementWriter } from './email-engagement.writer';

/** One email event the funnel scores as engagement: its durable, its shape, and what it means. */
interface EmailEngagementSource<T extends object> {
  durable: string;
  subject: string;
  dto: new () => T;
  type: EngagementType;
  /** The engagement, or null for an event that is not a person's (a machine open or click). */
  engagementOf: (event: T) => EmailEngagement | null;
  /** Events by outcome: scored, no_lead, and machine where machines are told apart. */
  outcomes: Counter<'outcome'>;
}

const outcomeCounter = (name: string, subject: string, outcomes: string) =>
  new Counter({
    name,
    help: `${subject} events by what the funnel did with them (${outcomes})`,
    labelNames: ['outcome'] as const,
  });

const humanOnly = <T extends { classification: string }>(
  event: T,
  engagement: EmailEngagement,
): EmailEngagement | null => (event.classification === 'human' ? engagement : null);

/**
 * Human opens (`email_opened`), human clicks (`email_clicked`, sourceId the click id) and
 * unsubscribes (`unsubscribed`, negative by default): each becomes EngagementRecorded on the
 * leads it is for (EmailEngagementWriter), scored by the model's rule for its type and shown in
 * the score's contributions.
 */
const SOURCES = [
  {
    durable: 'lead-funnel-email-opened',
    subject: EmailEvents.Opened,
    dto: EmailOpenedEventDto,
    type: 'email_opened',
    engagementOf: (open) =>
      humanOnly(open, {
        contactId: open.contactId,
        leadId: open.leadId,
        at: open.openedAt,
        sourceId: open.messageId,
      }),
    outcomes: outcomeCounter(
      'lead_funnel_email_opens_total',
      EmailEvents.Opened,
      'scored, machine, no_lead',
    ),
  } satisfies EmailEngagementSource<EmailOpenedEventDto>,
  {
    durable: 'lead-funnel-email-clicked',
    subject: EmailEvents.Clicked,
    dto: EmailClickedEventDto,
    type: 'email_clicked',
    engagementOf: (click) =>
      humanOnly(click, {
        contactId: click.contactId,
        leadId: click.leadId,
        at: click.clickedAt,
        sourceId: click.clickId,
      }),
    outcomes: outcomeCounter(
      'lead_funnel_email_clicks_total',
      EmailEvents.Clicked,
      'scored, machine, no_lead',
    ),
  } satisfies EmailEngagementSource<EmailClickedEventDto>,
  {
    durable: 'lead-funnel-email-unsubscribed',
    subject: EmailEvents.Unsubscribed,
    dto: EmailUnsubscribedEventDto,
    type: 'unsubscribed',
    engagementOf: (unsubscribe) => ({
      contactId: unsubscribe.contactId,
      leadId: unsubscribe.leadId,
      at: unsubscribe.unsubscribedAt,
      sourceId: unsubscribe.messageId,
    }),
    outcomes: outcomeCounter(
      'lead_funnel_email_unsubscribes_total',
      EmailEvents.Unsubscribed,
      'scored, no_lead',
    ),
  } satisfies EmailEngagementSource<EmailUnsubscribedEventDto>,
] as const;

/**
 * The durable consumers of the email events the funnel scores, one per source above. A batch is
 * one transaction with its inbox claims, appends and read models, so a redelivered event is
 * recognised and never counts twice, and each lead is re-scored once per batch.
 */
@Injectable()
export class EmailEngagementConsumers implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmailEngagementConsumers.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly inbox: InboxService,
    private readonly engagement: EmailEngagementWriter,
  ) {}

  onApplicationBootstrap(): void {
    for (const source of SOURCES) this.start(source as EmailEngagementSource<object>);
  }

  private start<T extends object>(source: EmailEngagementSource<T>): void {
    this.consumers.start<unknown>({
      stream: EMAIL_EVENTS_STREAM,
      durable: source.durable,
      subject: source.subject,
      handleBatch: (batch) => retryOnConflict(() => this.handleBatch(source, batch)),
    });
  }

  private handleBatch<T extends object>(
    source: EmailEngagementSource<T>,
    batch: ConsumedEvent<unknown>[],
  ): Promise<EventOutcome[]> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await this.inbox.claimBatch(
        manager,
        source.durable,
        batch.map((event) => event.messageId),
      );
      const engagements: EmailEngagement[] = [];
      const outcomes = batch.map((consumed, index): EventOutcome => {
        if (!claimed[index]) return 'duplicate';
        const parsed = parseEvent(source.dto, consumed.data);
        if ('violations' in parsed) {
          eventsRejectedTotal.inc({ subject: consumed.subject });
          this.logger.warn(
            `Refused ${consumed.subject} ${consumed.messageId}: ${JSON.stringify(parsed.violations)}`,
          );
          return 'processed';
        }
        const engagement = source.engagementOf(parsed.event);
        if (engagement) engagements.push(engagement);
        else source.outcomes.inc({ outcome: 'machine' });
        return 'processed';
      });
      if (engagements.length > 0) {
        const scored = await this.engagement.record(
          manager,
          source.type,
          engagements,
          source.subject,
        );
        for (const engagement of engagements)
          source.outcomes.inc({ outcome: scored.has(engagement) ? 'scored' : 'no_lead' });
      }
      return outcomes;
    });
  }
}
