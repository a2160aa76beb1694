import { ConfigService } from '@nestjs/config';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  JetStreamConsumerService,
  NatsClientService,
  prefixed,
  prefixedStreamName,
} from '@sales-suite/messaging';
import { logCorrelationFields } from '@sales-suite/observability';
import { headers } from 'nats';
import { randomBytes } from 'node:crypto';
import { eventually } from '../support/eventually';
import { e2eRun } from '../support/test-env';

/** Six producers, each its own span in its own trace: `traceparent` as an outbox stores it. */
const producers = Array.from({ length: 6 }, () => ({
  traceId: randomBytes(16).toString('hex'),
  spanId: randomBytes(8).toString('hex'),
}));
const traceparent = ({ traceId, spanId }: { traceId: string; spanId: string }) =>
  `00-${traceId}-${spanId}-01`;
const key = ({ traceId, spanId }: { traceId: string; spanId: string }) => `${traceId}-${spanId}`;

// The shared durable consumer with the SDK's own tracer, against the real NATS server: whatever
// the batches turn out to be, every message's producer is the parent of, or linked from, the span
// that handled it, and log lines written by the handler carry that span's ids.
describe('JetStreamConsumerService continues its producers’ traces', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const prefix = `${e2eRun().subjectPrefix}ctrace${randomBytes(3).toString('hex')}.`;
  const settings: Record<string, unknown> = {
    NATS_URL: e2eRun().natsUrl,
    NATS_SUBJECT_PREFIX: prefix,
  };
  const nats = new NatsClientService(
    { get: (name: string) => settings[name] } as unknown as ConfigService<never, true>,
    { serviceName: 'consumer-trace-test' },
  );
  const consumers = new JetStreamConsumerService(nats);
  const stream = { name: 'CONSUMER_TRACE_TEST', subjects: ['consumer.trace.>'] };
  /** Per handled message: the log fields the handler would write at that moment. */
  const logged = new Map<number, Record<string, string>>();

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    nats.onModuleInit();
    await nats.connected();
    await nats.ensureStream(stream);
    // All published before the consumer starts, so batches of several producers are likely;
    // the assertions hold whatever the batches are.
    for (const [n, producer] of producers.entries()) {
      const h = headers();
      h.set('traceparent', traceparent(producer));
      await nats
        .jetstream()
        .publish(prefixed(prefix, 'consumer.trace.job'), JSON.stringify({ n }), {
          msgID: `trace-${n}`,
          headers: h,
        });
    }
    consumers.start<{ n: number }>({
      stream,
      durable: 'consumer-trace-test',
      subject: 'consumer.trace.>',
      handleBatch: async (events) => {
        for (const event of events) logged.set(event.data.n, logCorrelationFields());
        return events.map(() => 'processed' as const);
      },
    });
    await eventually(() => logged.size === producers.length, {
      description: 'every message handled',
    });
  });
  afterAll(async () => {
    await consumers.onApplicationShutdown();
    const manager = await nats.jetstreamManager();
    await manager.streams.delete(prefixedStreamName(prefix, stream.name)).catch(() => false);
    await nats.onApplicationShutdown();
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  const processing = (): ReadableSpan[] =>
    exporter.getFinishedSpans().filter((span) => span.name === 'process consumer.trace.>');

  it('makes each batch span a child of one producer and links it to the others', () => {
    const spans = processing();
    expect(spans.length).toBeGreaterThan(0);
    const reached: string[] = [];
    for (const span of spans) {
      const parent = producers.find(
        (producer) =>
          producer.spanId === span.parentSpanContext?.spanId &&
          producer.traceId === span.spanContext().traceId,
      );
      expect(parent).toBeDefined();
      reached.push(key(parent!), ...span.links.map((link) => key(link.context)));
      expect(span.attributes['messaging.batch.message_count']).toBe(1 + span.links.length);
    }
    expect(reached.sort()).toEqual(producers.map(key).sort());
  });

  it('gives the handler’s log lines the trace and span ids of the span that handled the message', () => {
    const spans = new Map(processing().map((span) => [span.spanContext().spanId, span]));
    for (const [, fields] of logged) {
      const span = spans.get(fields.span_id);
      expect(span).toBeDefined();
      expect(fields.trace_id).toBe(span!.spanContext().traceId);
    }
    expect(new Set([...logged.values()].map((fields) => fields.trace_id)).size).toBe(
      processing().length,
    );
  });
});
