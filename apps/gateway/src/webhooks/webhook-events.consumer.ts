import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CRM_EVENTS_STREAM,
  CrmEvents,
  EMAIL_EVENTS_STREAM,
  EmailEvents,
  GLOSSARY_EVENTS_STREAM,
  LEAD_EVENTS_STREAM,
} from '@sales-suite/contracts';
import {
  ConsumedEvent,
  EventOutcome,
  JetStreamConsumerService,
  StreamDefinition,
} from '@sales-suite/messaging';
import { DataSource } from 'typeorm';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookSettings } from './webhook-settings';
import { WebhookEvent, WebhookStore } from './webhook-store';

/** What each durable consumer takes in; `offered` decides, per event, whether webhooks see it. */
const SOURCES: {
  durable: string;
  stream: StreamDefinition;
  subject: string;
  pattern: string | null;
  offered: (event: ConsumedEvent<unknown>) => boolean;
}[] = [
  {
    durable: 'gateway-webhooks-leads',
    stream: LEAD_EVENTS_STREAM,
    subject: 'lead.*',
    pattern: null,
    offered: () => true,
  },
  {
    durable: 'gateway-webhooks-email-opened',
    stream: EMAIL_EVENTS_STREAM,
    subject: EmailEvents.Opened,
    pattern: null,
    // Only human opens: machine opens (Apple MPP, scanners) would drown the signal.
    offered: (event) => (event.data as { classification?: unknown }).classification === 'human',
  },
  {
    durable: 'gateway-webhooks-crm-enriched',
    stream: CRM_EVENTS_STREAM,
    subject: CrmEvents.ContactEnriched,
    pattern: null,
    offered: () => true,
  },
  {
    durable: 'gateway-webhooks-glossary',
    stream: GLOSSARY_EVENTS_STREAM,
    subject: 'glossary.term.*',
    pattern: 'glossary.term.*',
    offered: () => true,
  },
];

function isObject(data: unknown): data is object {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/**
 * Turns the suite's events into deliveries: durable JetStream consumers shared by the gateway
 * replicas (each message reaches one of them), a delivery row per (subscription, event id) so a
 * redelivered message adds nothing. Events that arrive while a subscription is disabled are not
 * kept for it.
 */
@Injectable()
export class WebhookEventsConsumer implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly store: WebhookStore,
    private readonly worker: WebhookDeliveryWorker,
    private readonly settings: WebhookSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.cipher) return;
    for (const source of SOURCES)
      this.consumers.start<object>({
        stream: source.stream,
        durable: source.durable,
        subject: source.subject,
        accepts: isObject,
        handleBatch: (batch) => this.record(batch, source),
      });
  }

  private async record(
    batch: ConsumedEvent<object>[],
    source: (typeof SOURCES)[number],
  ): Promise<EventOutcome[]> {
    const events: (WebhookEvent | null)[] = batch.map((event) =>
      source.offered(event)
        ? { id: event.messageId, type: event.subject, pattern: source.pattern, payload: event.data }
        : null,
    );
    const offered = events.filter((event): event is WebhookEvent => event !== null);
    const recorded = await this.dataSource.transaction((manager) =>
      this.store.recordEvents(manager, offered),
    );
    if (recorded.some(Boolean)) this.worker.wake();
    // Nothing new for an event seen before, but equally nothing new for one nobody subscribes to:
    // both are simply processed.
    return batch.map(() => 'processed');
  }
}
