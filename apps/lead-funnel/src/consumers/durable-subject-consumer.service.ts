import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ConsumedEvent,
  ensureStream,
  EventOutcome,
  NatsClientService,
  prefixed,
  StreamDefinition,
} from '@sales-suite/messaging';
import { extractTraceContext, jetstreamConsumedTotal } from '@sales-suite/observability';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg } from 'nats';

const tracer = trace.getTracer('lead-funnel-consumers');

export interface DurableSubjectConsumer<T> {
  stream: StreamDefinition;
  durable: string;
  /** One subject, wildcards allowed (`crm.contact.*`). */
  subject: string;
  handle: (event: ConsumedEvent<T>) => Promise<EventOutcome>;
}

/**
 * A durable pull consumer with explicit acks, like `JetStreamConsumerService`, but filtered with
 * `filter_subject` (one subject), which NATS 2.9 supports: the shared service asks for
 * `filter_subjects`, a 2.10 feature the nats client refuses on the 2.9 server we run. A message is
 * acked after its handler committed, nak'ed with back-off otherwise, so none is lost.
 */
@Injectable()
export class DurableSubjectConsumers implements OnApplicationShutdown {
  private readonly logger = new Logger(DurableSubjectConsumers.name);
  private readonly running: ConsumerMessages[] = [];
  private stopped = false;

  constructor(private readonly nats: NatsClientService) {}

  start<T>(definition: DurableSubjectConsumer<T>): void {
    void this.run(definition).catch((error: Error) =>
      this.logger.error(`Consumer ${definition.durable} stopped: ${error.message}`),
    );
  }

  private async run<T>(definition: DurableSubjectConsumer<T>): Promise<void> {
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
    while (!this.stopped) {
      const messages = await consumer.consume({ max_messages: 64 });
      this.running.push(messages);
      for await (const message of messages) await this.dispatch(definition, message, prefix);
    }
  }

  private async dispatch<T>(
    definition: DurableSubjectConsumer<T>,
    message: JsMsg,
    prefix: string,
  ): Promise<void> {
    const subject = message.subject.slice(prefix.length);
    const parent = extractTraceContext(message.headers);
    const span = tracer.startSpan(`process ${subject}`, { kind: SpanKind.CONSUMER }, parent);
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
      message.nak(Math.min(30_000, 500 * 2 ** Math.min(message.info.redeliveryCount, 6)));
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      jetstreamConsumedTotal.inc({ consumer: definition.durable, outcome: 'failed' });
      this.logger.error(`Handling ${subject} failed: ${(error as Error).message}`);
    } finally {
      span.end();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.running.map((messages) => messages.close()));
  }
}
