import type { FastifyInstance } from 'fastify';
import { registerRequestContext, registerRequestLogging } from './logging';
import { registerHttpMetrics } from './metrics';

/** Per-request plumbing of every app's HTTP server: request id, request log line, metrics. */
export function registerHttpObservability(fastify: FastifyInstance): void {
  registerRequestContext(fastify);
  registerRequestLogging(fastify);
  registerHttpMetrics(fastify);
}
