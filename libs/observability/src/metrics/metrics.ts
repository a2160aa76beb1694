import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

collectDefaultMetrics();

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** HTTP requests by route pattern (never the raw URL: ids would explode cardinality). */
export const httpRequestsTotal = new Counter({
  name: 'http_server_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
});

export const httpRequestDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'HTTP request duration in seconds, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: LATENCY_BUCKETS,
});

/** NATS requests handled by a service, by subject and outcome (ok or the error code). */
export const natsHandledTotal = new Counter({
  name: 'nats_server_requests_total',
  help: 'NATS requests handled, by subject and outcome',
  labelNames: ['subject', 'outcome'] as const,
});

export const natsHandledDuration = new Histogram({
  name: 'nats_server_request_duration_seconds',
  help: 'Time from receiving a NATS request to sending its reply, in seconds',
  labelNames: ['subject', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
});

/** NATS requests sent by a client (the gateway), by subject and outcome. */
export const natsRequestsTotal = new Counter({
  name: 'nats_client_requests_total',
  help: 'NATS requests sent, by subject and outcome',
  labelNames: ['subject', 'outcome'] as const,
});

export const natsRequestDuration = new Histogram({
  name: 'nats_client_request_duration_seconds',
  help: 'NATS request round-trip time in seconds, by subject and outcome',
  labelNames: ['subject', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
});

export const outboxPublishedTotal = new Counter({
  name: 'outbox_events_published_total',
  help: 'Outbox events relayed to JetStream, by subject',
  labelNames: ['subject'] as const,
});

export const outboxBatchSize = new Histogram({
  name: 'outbox_relay_batch_size',
  help: 'Events relayed per outbox batch',
  buckets: [0, 1, 5, 10, 50, 100, 500],
});

export const jetstreamConsumedTotal = new Counter({
  name: 'jetstream_messages_consumed_total',
  help: 'JetStream messages handled by durable consumers, by consumer and outcome (processed, duplicate, failed, unreadable)',
  labelNames: ['consumer', 'outcome'] as const,
});

/** Runs of periodic jobs on this replica: only the replica holding the job's lease runs it. */
export const leasedJobRunsTotal = new Counter({
  name: 'leased_job_runs_total',
  help: 'Runs of periodic background jobs on this replica (only the holder of the job lease runs them), by job and outcome',
  labelNames: ['job', 'outcome'] as const,
});

export const metricsRegistry = register;
