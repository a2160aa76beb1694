import { context, Context, propagation, TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** The part of a NATS `MsgHdrs` that trace propagation needs; keeps this file free of nats types. */
export interface HeaderCarrier {
  get(key: string): string;
  set(key: string, value: string): void;
  keys(): string[];
}

const setter: TextMapSetter<HeaderCarrier> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

const getter: TextMapGetter<HeaderCarrier | undefined> = {
  get: (carrier, key) => carrier?.get(key) || undefined,
  keys: (carrier) => carrier?.keys() ?? [],
};

/** Writes `traceparent`/`tracestate` of the active (or given) context into NATS headers. */
export function injectTraceContext(headers: HeaderCarrier, from: Context = context.active()): void {
  propagation.inject(from, headers, setter);
}

/** Reads the caller's trace context from NATS headers, so the handler's spans join its trace. */
export function extractTraceContext(
  headers: HeaderCarrier | undefined,
  into: Context = context.active(),
): Context {
  return propagation.extract(into, headers, getter);
}
