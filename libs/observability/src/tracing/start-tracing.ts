import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
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
 * Starts OpenTelemetry before the app's modules load, so http, pg and Nest get patched. The
 * context (AsyncLocalStorage) and W3C propagator are always on, so trace ids reach logs and NATS
 * headers; spans are exported only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
export function startTracing(serviceName: string): void {
  if (sdk) return;
  if (process.env.OTEL_LOG_LEVEL === 'debug')
    diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.DEBUG);
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME || serviceName,
      [ATTR_SERVICE_VERSION]: process.env.npm_package_version ?? '0.1.0',
    }),
    // Without an endpoint spans are still made (trace ids for logs and NATS headers) but dropped.
    spanProcessors: [
      endpoint
        ? new BatchSpanProcessor(
            new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }),
          )
        : new NoopSpanProcessor(),
    ],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => isUntraced((request.url ?? '').split('?')[0]),
      }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new NestInstrumentation(),
    ],
  });
  sdk.start();
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
