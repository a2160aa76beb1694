import { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import { currentRequestId } from './request-context';

/** Probes and scrapes: polled all day, never worth a log line. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** The app's one pino logger, made by the logger module; request logs go through it too. */
let appLogger: Logger | undefined;

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
    useFactory: (config: ConfigService) => {
      appLogger = pino({
        level: config.get<string>('LOG_LEVEL') ?? 'info',
        base: { service: serviceName },
        messageKey: 'msg',
        timestamp: () => `,"time":"${new Date().toISOString()}"`,
        formatters: { level: (label: string) => ({ level: label }) },
        mixin: logCorrelationFields,
      });
      // Nest's logger writes through this instance. Requests are logged by a Fastify hook
      // (registerRequestLogging), not by nestjs-pino's pino-http middleware: that one ran through
      // Nest's middleware layer and made a child logger and an async context per request.
      return { pinoHttp: { logger: appLogger }, forRoutes: [] };
    },
  });
}

/**
 * One line per answered request: id, method, URL (only these: headers carry API keys and must
 * never reach a log), status and duration. 5xx at error, 4xx at warn, the rest at info.
 */
export function registerRequestLogging(
  fastify: FastifyInstance,
  loggerOf: () => Logger | undefined = () => appLogger,
): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const logger = loggerOf();
    const path = request.url.split('?')[0];
    if (logger && !QUIET_PATHS.has(path)) {
      const status = reply.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (logger.isLevelEnabled(level))
        logger[level](
          {
            request_id: request.id,
            req: { id: request.id, method: request.method, url: request.url },
            res: { statusCode: status },
            responseTime: Math.round(reply.elapsedTime * 100) / 100,
          },
          'request completed',
        );
    }
    done();
  });
}
