import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ContactsErasureRequested,
  ErasureReported,
  erasureSubject,
  isErasureReported,
  PRIVACY_EVENTS_STREAM,
  PrivacyEvents,
} from '@sales-suite/contracts';
import {
  ConsumedEvent,
  EventOutcome,
  JetStreamConsumerService,
  NatsClientService,
  prefixed,
} from '@sales-suite/messaging';
import { InboxService, OutboxRelayService, OutboxService } from '@sales-suite/persistence';
import { DataSource } from 'typeorm';
import { WebhookStore } from '../webhooks/webhook-store';
import { applyReport, nextStep, overallStatus } from './domain/erasure-job';
import { ErasureStore } from './erasure-store';

const CONSUMER = 'gateway-privacy-reports';

/**
 * Runs each erasure job from the services' reports: records each one, asks the lead funnel
 * once CRM and email-tracking have named the contacts, redacts the webhook log once the funnel
 * has answered, and at the end forgets the email and contact ids (from the job row, the outbox,
 * and the stream). The job row is locked while a report is applied, so two gateway replicas
 * handling two reports of one job apply them one after the other.
 */
@Injectable()
export class ErasureReportsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ErasureReportsConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly inbox: InboxService,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelayService,
    private readonly store: ErasureStore,
    private readonly webhooks: WebhookStore,
    private readonly nats: NatsClientService,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<ErasureReported>({
      stream: PRIVACY_EVENTS_STREAM,
      durable: CONSUMER,
      subject: `${PrivacyEvents.ErasureReported}.*`,
      accepts: isErasureReported,
      handleBatch: async (batch) => {
        const outcomes: EventOutcome[] = [];
        for (const event of batch) outcomes.push(await this.handle(event));
        this.relay.publishSoon();
        return outcomes;
      },
    });
  }

  private async handle(event: ConsumedEvent<ErasureReported>): Promise<EventOutcome> {
    const report = event.data;
    let finished = false;
    const outcome = await this.dataSource.transaction(async (manager): Promise<EventOutcome> => {
      if (!(await this.inbox.claim(manager, CONSUMER, event.messageId))) return 'duplicate';
      const job = await this.store.find(manager, report.erasureId, true);
      // A report for a job that ended (a request delivered again): the job stays as it ended.
      if (!job || job.status !== 'pending') return 'processed';
      const now = new Date().toISOString();
      let services = applyReport(job.services, report, now);
      const contactIds = [...new Set([...job.contact_ids, ...report.contactIds])];
      let contactsRequested = job.contacts_requested_at !== null;
      const step = nextStep(services, contactsRequested);
      if (step === 'request-contacts') {
        const request: ContactsErasureRequested = { erasureId: job.id, contactIds };
        await this.outbox.enqueue(
          manager,
          erasureSubject(PrivacyEvents.ContactsErasureRequested, job.id),
          request,
        );
        contactsRequested = true;
      } else if (step === 'redact-webhooks') {
        const webhookDeliveries = await this.webhooks.redactDeliveries(manager, [
          ...(job.email ? [job.email] : []),
          ...contactIds,
        ]);
        // The requests to the services (the email, the contact ids): published, no longer needed.
        const { deleted } = await this.outbox.forget(manager, [job.id]);
        services = applyReport(
          services,
          {
            service: 'gateway',
            status: 'done',
            reason: null,
            erased: { webhookDeliveries, outboxEvents: deleted },
          },
          now,
        );
      }
      const status = overallStatus(services);
      finished = status !== 'pending';
      await this.store.update(manager, job.id, {
        status,
        services,
        email: finished ? null : job.email,
        contact_ids: finished ? [] : contactIds,
        contactsRequested,
        finished,
      });
      return 'processed';
    });
    if (finished) await this.purgeStream(report.erasureId);
    return outcome;
  }

  /** The job's messages leave the stream too (the request held the email); they expire anyway. */
  private async purgeStream(erasureId: string): Promise<void> {
    try {
      const stream = await this.nats.ensureStream(PRIVACY_EVENTS_STREAM);
      const manager = await this.nats.jetstreamManager();
      await manager.streams.purge(stream, {
        filter: prefixed(this.nats.subjectPrefix, `privacy.erasure.*.${erasureId}`),
      });
    } catch (error) {
      this.logger.warn(
        `Erasure ${erasureId}: its messages stay in the stream until they expire (${(error as Error).name})`,
      );
    }
  }
}
