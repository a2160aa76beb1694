import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { extractTraceContext, jetstreamConsumedTotal } from '@sales-suite/observability';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg, NatsError } from 'nats';
import { NatsClientService } from '../nats-client.service';
import { prefixed } from '../nats-options';
import { ensureStream, StreamDefinition } from './streams';

const tracer = trace.getTracer('sales-suite-messaging');

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
  subjects: readonly string[];
  /** Must be idempotent: return 'duplicate' when the message id was already handled. */
  handle: (event: ConsumedEvent<T>) => Promise<EventOutcome>;
  maxDeliver?: number;
  ackWaitMs?: number;
}

/**
 * Runs durable pull consumers with explicit acks: a message is acked only after its handler
 * committed, a failure is nak'ed with back-off and redelivered, so no event is lost and (with an
 * idempotent handler) none counts twice.
 */
@Injectable()
export class JetStreamConsumerService implements OnApplicationShutdown {
  private readonly logger = new Logger(JetStreamConsumerService.name);
  private readonly running: ConsumerMessages[] = [];
  private stopped = false;

  constructor(private readonly nats: NatsClientService) {}

  /** Starts consuming in the background once NATS is reachable. */
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
      filter_subjects: definition.subjects.map((subject) => prefixed(prefix, subject)),
      max_deliver: definition.maxDeliver ?? 20,
      ack_wait: (definition.ackWaitMs ?? 30_000) * 1_000_000,
    });
    const consumer = await nc.jetstream().consumers.get(stream, durable);
    while (!this.stopped) {
      const messages = await consumer.consume({ max_messages: 64 });
      this.running.push(messages);
      for await (const message of messages) {
        await this.dispatch(definition, message, prefix);
      }
      if (!this.stopped) this.logger.warn(`Consumer ${durable} ended; resubscribing`);
    }
  }

  private async dispatch<T>(
    definition: DurableConsumerDefinition<T>,
    message: JsMsg,
    prefix: string,
  ): Promise<void> {
    const subject = message.subject.slice(prefix.length);
    const parent = extractTraceContext(message.headers);
    const span = tracer.startSpan(
      `process ${subject}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject },
      },
      parent,
    );
    try {
      const outcome = await context.with(trace.setSpan(parent, span), () =>
        definition.handle({
          messageId: message.headers?.get('Nats-Msg-Id') || `${message.info.stream}:${message.seq}`,
          subject,
          data: message.json<T>(),
          deliveryCount: message.info.redeliveryCount,
        }),
      );
      message.ack();
      jetstreamConsumedTotal.inc({ consumer: definition.durable, outcome });
    } catch (error) {
      const delayMs = Math.min(30_000, 500 * 2 ** Math.min(message.info.redeliveryCount, 6));
      message.nak(delayMs);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      jetstreamConsumedTotal.inc({ consumer: definition.durable, outcome: 'failed' });
      this.logger.error(
        `Handling ${subject} failed (delivery ${message.info.redeliveryCount}): ${(error as NatsError).message}`,
      );
    } finally {
      span.end();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.running.map((messages) => messages.close()));
  }
}
