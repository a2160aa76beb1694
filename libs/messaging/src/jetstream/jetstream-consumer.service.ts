import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { consumerTraceContext, jetstreamConsumedTotal } from '@sales-suite/observability';
import {
  AckPolicy,
  ConsumerConfig,
  ConsumerMessages,
  DeliverPolicy,
  JetStreamManager,
  JsMsg,
} from 'nats';
import { NatsClientService } from '../nats-client.service';
import { prefixed } from '../nats-options';
import { StreamDefinition } from './streams';

const tracer = trace.getTracer('sales-suite-messaging');
const DEFAULT_MAX_BATCH = 64;
const ACK_WAIT_NS = 30_000_000_000;

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
  /** Most messages handed to one `handleBatch` call (default 64). */
  maxBatch?: number;
  /** How long a delivered message may stay unacknowledged before it is redelivered (default 30 s). */
  ackWaitMs?: number;
  /**
   * For a handler that depends on the stream's order (one consumer per partition): a failing
   * batch is retried as a whole, in place and with back-off, before anything after it, instead of
   * being split up and set aside for a later redelivery.
   */
  ordered?: boolean;
  /**
   * Whether a message's JSON is something `handleBatch` can ever handle. One that is not (nor
   * JSON at all) is terminated rather than redelivered: retrying it would change nothing.
   */
  accepts?: (data: unknown) => data is T;
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
 * handled (one message when idle, up to `maxBatch` under load), so a handler can apply a batch in
 * one transaction. Messages are acked after their batch committed. When a batch fails, each of
 * its messages is tried on its own, so one bad message cannot hold back the others; a message
 * that still fails is nak'ed with back-off and redelivered until it succeeds (never dropped after
 * some number of attempts: a long database outage must not lose events). Handlers are
 * idempotent, so a redelivery never counts twice. A consumer can be stopped on its own (`stop`),
 * e.g. when this replica no longer owns a partition: what it received and did not handle is
 * handed back at once.
 */
@Injectable()
export class JetStreamConsumerService implements OnApplicationShutdown {
  private readonly logger = new Logger(JetStreamConsumerService.name);
  private readonly running = new Map<string, RunningConsumer>();
  private stopped = false;

  constructor(private readonly nats: NatsClientService) {}

  /** Starts consuming; setting up is retried every second until NATS and JetStream answer. */
  start<T>(definition: DurableConsumerDefinition<T>): void {
    if (this.running.has(definition.durable))
      throw new Error(`Consumer ${definition.durable} is already running`);
    const state: RunningConsumer = { stopping: false };
    this.running.set(definition.durable, state);
    this.begin(definition, state);
  }

  /** Sets the consumer up; retried every second until NATS and JetStream answer. */
  private begin<T>(definition: DurableConsumerDefinition<T>, state: RunningConsumer): void {
    if (this.stopped || state.stopping) return;
    state.starting = this.run(definition, state).catch((error: Error) => {
      this.logger.warn(`Consumer ${definition.durable} not started, retrying: ${error.message}`);
      setTimeout(() => this.begin(definition, state), 1000).unref();
    });
  }

  /**
   * Stops one consumer: waits for the batch being handled (acked if it succeeds), then naks what
   * was received and not handled, so that whoever consumes the durable next gets it at once.
   * From the call on, a failing batch is handed back too rather than retried here.
   */
  stop(durable: string): Promise<void> {
    const state = this.running.get(durable);
    if (!state) return Promise.resolve();
    state.stopping = true;
    state.stopped ??= (async () => {
      await state.starting;
      await state.messages?.close().catch(() => undefined);
      state.wake?.();
      await state.worker;
      this.running.delete(durable);
    })();
    return state.stopped;
  }

  private async run<T>(
    definition: DurableConsumerDefinition<T>,
    state: RunningConsumer,
  ): Promise<void> {
    const nc = await this.nats.connected();
    const manager = await this.nats.jetstreamManager();
    const prefix = this.nats.subjectPrefix;
    const stream = await this.nats.ensureStream(definition.stream);
    const durable = `${prefix.replace(/\./g, '_')}${definition.durable}`;
    const maxBatch = definition.maxBatch ?? DEFAULT_MAX_BATCH;
    await addOrUpdateConsumer(manager, stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: prefixed(prefix, definition.subject),
      max_deliver: -1,
      ack_wait: definition.ackWaitMs ? definition.ackWaitMs * 1_000_000 : ACK_WAIT_NS,
    });
    const consumer = await nc.jetstream().consumers.get(stream, durable);
    if (state.stopping) return;
    const queue: JsMsg[] = [];
    const messages = await consumer.consume({
      max_messages: maxBatch * 2,
      callback: (message) => {
        if (state.stopping) message.nak();
        else queue.push(message);
        state.wake?.();
      },
    });
    state.messages = messages;
    let ended = false;
    state.worker = (async () => {
      while (!this.stopped && !state.stopping && !ended) {
        if (queue.length === 0) {
          await new Promise<void>((resolve) => (state.wake = resolve));
          state.wake = undefined;
          continue;
        }
        await this.dispatch(definition, state, queue.splice(0, maxBatch), prefix);
      }
      for (const message of queue.splice(0)) message.nak();
    })();
    // The client rides out reconnects and consumer leader moves by itself; should it still give
    // up (e.g. the consumer vanished while a node was away), the consumer is set up again.
    const closed = (reason: unknown): void => {
      ended = true;
      state.wake?.();
      if (this.stopped || state.stopping) return;
      const why = reason instanceof Error ? reason.message : 'closed';
      this.logger.warn(`Consumer ${definition.durable} stopped (${why}), starting it again`);
      void state.worker?.then(() => setTimeout(() => this.begin(definition, state), 1000).unref());
    };
    messages.closed().then(closed, closed);
  }

  private async dispatch<T>(
    definition: DurableConsumerDefinition<T>,
    state: RunningConsumer,
    received: JsMsg[],
    prefix: string,
  ): Promise<void> {
    const readable: { message: JsMsg; event: ConsumedEvent<T> }[] = [];
    for (const message of received) {
      const event = readEvent(definition, message, prefix);
      if (event) readable.push({ message, event });
      else {
        message.term();
        jetstreamConsumedTotal.inc({ consumer: definition.durable, outcome: 'unreadable' });
        this.logger.error(
          `Terminated an unreadable ${definition.subject} message (seq ${message.seq}): it can never be handled`,
        );
      }
    }
    if (readable.length === 0) return;
    // The batch continues its producers' traces (the trace context their outbox stored with each
    // event); its handler's queries, outbox writes and log lines then belong to that trace too.
    const { parent, links } = consumerTraceContext(readable.map(({ message }) => message.headers));
    const span = tracer.startSpan(
      `process ${definition.subject}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.batch.message_count': readable.length },
        links,
      },
      parent,
    );
    await context.with(trace.setSpan(parent, span), async () => {
      try {
        if (await this.handle(definition, readable)) return;
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'batch failed' });
        if (definition.ordered && (await this.retryInPlace(definition, state, readable))) return;
        // Stopping (e.g. no longer the owner): hand everything back now, for the next consumer.
        if (state.stopping) return readable.forEach(({ message }) => message.nak());
        if (definition.ordered) return;
        if (readable.length === 1) return this.retryLater(definition, readable[0].message);
        // Isolate whatever failed the batch: the others go through now.
        for (const item of readable)
          if (!(await this.handle(definition, [item]))) this.retryLater(definition, item.message);
      } finally {
        span.end();
      }
    });
  }

  /** Handles and acks the batch; false (nothing acked) when the handler failed. */
  private async handle<T>(
    definition: DurableConsumerDefinition<T>,
    batch: { message: JsMsg; event: ConsumedEvent<T> }[],
  ): Promise<boolean> {
    try {
      const outcomes = await definition.handleBatch(batch.map(({ event }) => event));
      batch.forEach(({ message }, index) => {
        message.ack();
        jetstreamConsumedTotal.inc({ consumer: definition.durable, outcome: outcomes[index] });
      });
      this.logger.debug(`Handled ${batch.length} ${definition.subject} message(s)`);
      return true;
    } catch (error) {
      this.logger.error(
        `Handling ${batch.length} ${definition.subject} message(s) failed: ${(error as Error).message}`,
      );
      return false;
    }
  }

  /**
   * Retries the batch until it is handled (true) or the consumer stops (false), telling the
   * server meanwhile that its messages are still being worked on.
   */
  private async retryInPlace<T>(
    definition: DurableConsumerDefinition<T>,
    state: RunningConsumer,
    batch: { message: JsMsg; event: ConsumedEvent<T> }[],
  ): Promise<boolean> {
    for (let attempt = 0; !state.stopping && !this.stopped; attempt++) {
      jetstreamConsumedTotal.inc({ consumer: definition.durable, outcome: 'failed' }, batch.length);
      for (const { message } of batch) message.working();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(5_000, 250 * 2 ** Math.min(attempt, 5)));
        state.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      state.wake = undefined;
      if (!state.stopping && !this.stopped && (await this.handle(definition, batch))) return true;
    }
    return false;
  }

  private retryLater<T>(definition: DurableConsumerDefinition<T>, message: JsMsg): void {
    message.nak(Math.min(30_000, 500 * 2 ** Math.min(message.info.redeliveryCount, 6)));
    jetstreamConsumedTotal.inc({ consumer: definition.durable, outcome: 'failed' });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.running.keys()].map((durable) => this.stop(durable)));
  }
}

interface RunningConsumer {
  stopping: boolean;
  /** The latest attempt to set the consumer up. */
  starting?: Promise<void>;
  stopped?: Promise<void>;
  messages?: ConsumerMessages;
  worker?: Promise<void>;
  wake?: () => void;
}

function readEvent<T>(
  definition: DurableConsumerDefinition<T>,
  message: JsMsg,
  prefix: string,
): ConsumedEvent<T> | undefined {
  let data: unknown;
  try {
    data = message.json();
  } catch {
    return undefined;
  }
  if (definition.accepts && !definition.accepts(data)) return undefined;
  return {
    messageId: message.headers?.get('Nats-Msg-Id') || `${message.info.stream}:${message.seq}`,
    subject: message.subject.slice(prefix.length),
    data: data as T,
    deliveryCount: message.info.redeliveryCount,
  };
}

/** Creates the durable consumer, or brings an existing one to this configuration. */
async function addOrUpdateConsumer(
  manager: JetStreamManager,
  stream: string,
  config: Partial<ConsumerConfig> & { durable_name: string },
): Promise<void> {
  const existing = await manager.consumers.info(stream, config.durable_name).catch(() => null);
  if (!existing) {
    await manager.consumers.add(stream, config);
    return;
  }
  // What this code has changed over time; the rest (subject, policies) stays as created.
  const { max_deliver, ack_wait } = config;
  if (existing.config.max_deliver !== max_deliver || existing.config.ack_wait !== ack_wait)
    await manager.consumers.update(stream, config.durable_name, { max_deliver, ack_wait });
}
