export * from './consumer-trace-context';
export * from './nats-trace-context';
export * from './start-tracing';
