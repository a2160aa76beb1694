import { propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { consumerTraceContext } from './consumer-trace-context';
import { HeaderCarrier } from './nats-trace-context';

const A = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const A_OTHER_SPAN = '00-4bf92f3577b34da6a3ce929d0e0e4736-1111111111111111-01';
const B = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

function carrier(traceparent?: string): HeaderCarrier {
  const values = new Map(traceparent ? [['traceparent', traceparent]] : []);
  return {
    get: (key) => values.get(key) ?? '',
    set: (key, value) => values.set(key, value),
    keys: () => [...values.keys()],
  };
}

/** `traceId-spanId` of a traceparent, as the expectations below name span contexts. */
const id = (traceparent: string) => traceparent.split('-').slice(1, 3).join('-');

describe('consumerTraceContext', () => {
  beforeAll(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));
  afterAll(() => propagation.disable());

  it.each<[string, (string | undefined)[], string | null, string[]]>([
    ['no message carries a context: a new root', [undefined, undefined], null, []],
    ['one message: its producer is the parent', [A], id(A), []],
    ['messages without a context are skipped', [undefined, A], id(A), []],
    ['malformed headers count as none', ['garbage', B], id(B), []],
    ['the same producer twice: one parent, no link', [A, A], id(A), []],
    [
      'several producers: the first is the parent, the others linked',
      [A, B, A_OTHER_SPAN],
      id(A),
      [id(B), id(A_OTHER_SPAN)],
    ],
    ['links are not repeated', [B, A, A, B], id(B), [id(A)]],
  ])('%s', (_, traceparents, parent, links) => {
    const result = consumerTraceContext(traceparents.map((value) => carrier(value)));
    const parentContext = trace.getSpanContext(result.parent);
    expect(parentContext ? `${parentContext.traceId}-${parentContext.spanId}` : null).toBe(parent);
    if (parent === null) expect(result.parent).toBe(ROOT_CONTEXT);
    expect(result.links.map(({ context }) => `${context.traceId}-${context.spanId}`)).toEqual(
      links,
    );
  });
});
