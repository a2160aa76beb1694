import { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { currentRequestId } from './request-context';

const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** Adds the active trace and the current request id to every log line. */
export function logCorrelationFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext && isSpanContextValid(spanContext)) {
    fields.trace_id = spanContext.traceId;
    fields.span_id = spanContext.spanId;
  }
  const requestId = currentRequestId();
  if (requestId) fields.request_id = requestId;
  return fields;
}

/** JSON logs on stdout (pino), one line per event, with service name, trace id and request id. */
export function createLoggerModule(serviceName: string): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService) => ({
      pinoHttp: {
        level: config.get<string>('LOG_LEVEL') ?? 'info',
        base: { service: serviceName },
        messageKey: 'msg',
        timestamp: () => `,"time":"${new Date().toISOString()}"`,
        formatters: { level: (label: string) => ({ level: label }) },
        mixin: logCorrelationFields,
        // Middleware mounting may rewrite `url`; `originalUrl` keeps what the client asked for.
        autoLogging: {
          ignore: (request: IncomingMessage & { originalUrl?: string }) =>
            QUIET_PATHS.has((request.originalUrl ?? request.url ?? '').split('?')[0]),
        },
        // Only method and URL: headers carry API keys and must never reach a log.
        serializers: {
          req: (request: { id: unknown; method: string; url: string }) => ({
            id: request.id,
            method: request.method,
            url: request.url,
          }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
      },
    }),
  });
}
