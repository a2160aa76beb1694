export * from './health';
export * from './logging';
export * from './metrics';
export * from './tracing/consumer-trace-context';
export * from './tracing/nats-trace-context';
export { HealthController } from './health/health.controller';
export * from './http-observability';
