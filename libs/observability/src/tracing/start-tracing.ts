import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

let sdk: NodeSDK | undefined;

function isUntraced(path: string): boolean {
  return (
    UNTRACED_PATHS.includes(path) || UNTRACED_PREFIXES.some((prefix) => path.startsWith(prefix))
  );
}

/** Paths whose spans are noise (probes, scrapes) or too costly for what they say (the pixel). */
const UNTRACED_PATHS = ['/health/live', '/health/ready', '/metrics'];
const UNTRACED_PREFIXES = ['/t/'];

/**
 * Starts OpenTelemetry before the app's modules load, so http, pg and Nest get patched, when
 * OTEL_EXPORTER_OTLP_ENDPOINT names a collector. Without one, nobody would read the spans: tracing
 * stays off rather than cost every request (about a third of the gateway's time per cached read),
 * and request ids still tie a request's log lines together across services. Sampling follows the
 * standard OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG variables (default: every trace).
 * Metrics are Prometheus (prom-client) and logs are pino on stdout, so the SDK's own metric and
 * log exporters are not started.
 */
export function startTracing(serviceName: string): void {
  if (sdk) return;
  if (process.env.OTEL_LOG_LEVEL === 'debug')
    diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.DEBUG);
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return;
  sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME || serviceName,
      [ATTR_SERVICE_VERSION]: process.env.npm_package_version ?? '0.1.0',
    }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }),
      ),
    ],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => isUntraced((request.url ?? '').split('?')[0]),
      }),
      // Queries outside a traced request (outbox polling, import batches, schedulers) would each
      // be a root span of their own: noise at the cost of a span per query.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
      new NestInstrumentation(),
    ],
  });
  sdk.start();
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
