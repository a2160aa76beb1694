import { Gauge } from 'prom-client';

export const rateLimitReplicas = new Gauge({
  name: 'gateway_rate_limit_replicas',
  help: 'Gateway replicas sharing each API key rate limit, as this one hears them (1: counting alone)',
});
