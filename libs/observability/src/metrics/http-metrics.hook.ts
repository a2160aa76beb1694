import type { FastifyInstance } from 'fastify';
import { httpRequestDuration, httpRequestsTotal } from './metrics';

/** Records every HTTP response by its route pattern; unknown paths are one `unmatched` series. */
export function registerHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    httpRequestsTotal.inc(labels);
    httpRequestDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}
