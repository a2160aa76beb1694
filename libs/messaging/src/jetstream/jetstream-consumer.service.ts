import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { jetstreamConsumedTotal } from '@sales-suite/observability';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg } from 'nats';
import { NatsClientService } from '../nats-client.service';
import { prefixed } from '../nats-options';
import { ensureStream, StreamDefinition } from './streams';

const tracer = trace.getTracer('sales-suite-messaging');
const MAX_BATCH = 64;

/** One event as a durable consumer sees it. `messageId` is stable across redeliveries. */
export interface ConsumedEvent<T = unknown> {
  messageId: string;
  subject: string;
  data: T;
  deliveryCount: number;
}

export type EventOutcome = 'processed' | 'duplicate';

export interface DurableConsumerDefinition<T> {
  stream: StreamDefinition;
  /** Durable name: survives restarts, shared by the replicas of one service. */
  durable: string;
  /** One subject, wildcards allowed (`crm.contact.*`): `filter_subject` works on NATS 2.9 too. */
  subject: string;
  /**
   * Handles what arrived since the last call, in arrival order, and returns one outcome per
   * event. Must be idempotent ('duplicate' for a message id already applied, e.g. via the inbox).
   */
  handleBatch: (events: ConsumedEvent<T>[]) => Promise<EventOutcome[]>;
}

/**
 * Durable pull consumers with explicit acks, for events that must not be lost.
 *
 * Messages are handed over in micro-batches: whatever arrived while the previous batch was being
 * handled (one message when idle, up to MAX_BATCH under load), so a handler can apply a batch in
 * one transaction. Messages are acked after their batch committed and nak'ed with back-off when
 * it failed, so none is lost; handlers are idempotent, so a redelivery never counts twice.
 */
@Injectable()
export class JetStreamConsumerService implements OnApplicationShutdown {
  private readonly logger = new Logger(JetStreamConsumerService.name);
  private readonly running: ConsumerMessages[] = [];
  private readonly workers: Promise<void>[] = [];
  private stopped = false;

  constructor(private readonly nats: NatsClientService) {}

  start<T>(definition: DurableConsumerDefinition<T>): void {
    void this.run(definition).catch((error: Error) =>
      this.logger.error(`Consumer ${definition.durable} stopped: ${error.message}`),
    );
  }

  private async run<T>(definition: DurableConsumerDefinition<T>): Promise<void> {
    const nc = await this.nats.connected();
    const manager = await this.nats.jetstreamManager();
    const prefix = this.nats.subjectPrefix;
    const stream = await ensureStream(manager, definition.stream, prefix);
    const durable = `${prefix.replace(/\./g, '_')}${definition.durable}`;
    await manager.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: prefixed(prefix, definition.subject),
      max_deliver: 20,
      ack_wait: 30_000_000_000,
    });
    const consumer = await nc.jetstream().consumers.get(stream, durable);
    const queue: JsMsg[] = [];
    let wake: (() => void) | undefined;
    const messages = await consumer.consume({
      max_messages: MAX_BATCH * 2,
      callback: (message) => {
        queue.push(message);
        wake?.();
      },
    });
    this.running.push(messages);
    const worker = (async () => {
      while (!this.stopped) {
        if (queue.length === 0) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        await this.dispatch(definition, queue.splice(0, MAX_BATCH), prefix);
      }
    })();
    this.workers.push(worker);
    messages.closed().then(
      () => wake?.(),
      () => wake?.(),
    );
  }

  private async dispatch<T>(
    definition: DurableConsumerDefinition<T>,
    batch: JsMsg[],
    prefix: string,
  ): Promise<void> {
    const span = tracer.startSpan(`process ${definition.subject}`, {
      kind: SpanKind.CONSUMER,
      attributes: { 'messaging.batch.message_count': batch.length },
    });
    try {
      const outcomes = await definition.handleBatch(
        batch.map((message) => ({
          messageId: message.headers?.get('Nats-Msg-Id') || `${message.info.stream}:${message.seq}`,
          subject: message.subject.slice(prefix.length),
          data: message.json<T>(),
          deliveryCount: message.info.redeliveryCount,
        })),
      );
      batch.forEach((message, index) => {
        message.ack();
        jetstreamConsumedTotal.inc({ consumer: definition.durable, outcome: outcomes[index] });
      });
    } catch (error) {
      for (const message of batch) {
        message.nak(Math.min(30_000, 500 * 2 ** Math.min(message.info.redeliveryCount, 6)));
        jetstreamConsumedTotal.inc({ consumer: definition.durable, outcome: 'failed' });
      }
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      this.logger.error(
        `Handling ${batch.length} ${definition.subject} message(s) failed: ${(error as Error).message}`,
      );
    } finally {
      span.end();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.running.map((messages) => messages.close()));
    await Promise.allSettled(this.workers);
  }
}
