import { Gauge } from 'prom-client';

export const rateLimitReplicas = new Gauge({
  name: 'gateway_rate_limit_replicas',
  help: 'Gateway replicas sharing each rate limit budget (apiKey, authFailures), as this one hears them (1: counting alone)',
  labelNames: ['budget'],
});
