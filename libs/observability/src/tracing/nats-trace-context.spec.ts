import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { extractTraceContext, HeaderCarrier, injectTraceContext } from './nats-trace-context';

function headers(): HeaderCarrier & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (key) => values.get(key) ?? '',
    set: (key, value) => values.set(key, value),
    keys: () => [...values.keys()],
  };
}

describe('trace context in NATS headers', () => {
  beforeAll(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));
  afterAll(() => propagation.disable());

  const spanContext = {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    traceFlags: TraceFlags.SAMPLED,
  };

  it('writes a W3C traceparent and reads the same span context back', () => {
    const carrier = headers();
    injectTraceContext(carrier, trace.setSpanContext(ROOT_CONTEXT, spanContext));
    expect(carrier.values.get('traceparent')).toBe(
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    );
    const extracted = trace.getSpanContext(extractTraceContext(carrier));
    expect(extracted).toMatchObject({ ...spanContext, isRemote: true });
  });

  it('extracts nothing from missing or malformed headers', () => {
    expect(trace.getSpanContext(extractTraceContext(undefined))).toBeUndefined();
    const carrier = headers();
    carrier.set('traceparent', 'garbage');
    expect(trace.getSpanContext(extractTraceContext(carrier))).toBeUndefined();
    expect(context.active()).toBe(ROOT_CONTEXT);
  });
});
