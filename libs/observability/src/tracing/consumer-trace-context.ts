import {
  Context,
  isSpanContextValid,
  Link,
  ROOT_CONTEXT,
  SpanContext,
  trace,
} from '@opentelemetry/api';
import { extractTraceContext, HeaderCarrier } from './nats-trace-context';

/** Where a consumer's processing span sits: under which parent, and which other traces it links. */
export interface ConsumerTraceContext {
  parent: Context;
  links: Link[];
}

/**
 * The trace context a consumer continues for a batch of messages, from each message's headers.
 * The batch's span is a child of the first message's producer (so a message handled on its own,
 * the usual case when idle, shows as one trace from the producer to the consumer's queries), and
 * links to the producer of every other message that came from a different span: a batch mixing
 * several producers reaches each of their traces, while the span keeps a single parent as every
 * span must. No producer context at all: a new root.
 */
export function consumerTraceContext(
  headers: readonly (HeaderCarrier | undefined)[],
): ConsumerTraceContext {
  const producers: SpanContext[] = [];
  const seen = new Set<string>();
  for (const carrier of headers) {
    const producer = trace.getSpanContext(extractTraceContext(carrier, ROOT_CONTEXT));
    if (!producer || !isSpanContextValid(producer)) continue;
    const key = `${producer.traceId}-${producer.spanId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    producers.push(producer);
  }
  const [first, ...others] = producers;
  return {
    parent: first ? trace.setSpanContext(ROOT_CONTEXT, first) : ROOT_CONTEXT,
    links: others.map((context) => ({ context })),
  };
}
