import { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger, LoggerOptions } from 'pino';
import { REDACTED_LOG_PATHS, redactUrl, scrubText, serializeError } from './redaction';
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

/**
 * Every app's pino settings: JSON with service name, trace id and request id, and the redaction of
 * personal data and secrets (see redaction.ts) on every line: errors through their serializer,
 * known header and address fields censored, and strings handed to a log call scrubbed.
 */
export function loggerOptions(serviceName: string, level: string): LoggerOptions {
  return {
    level,
    base: { service: serviceName },
    messageKey: 'msg',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: logCorrelationFields,
    serializers: { err: serializeError, error: serializeError },
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args: unknown[], method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
}

/** JSON logs on stdout (pino), one line per event, with service name, trace id and request id. */
export function createLoggerModule(serviceName: string): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService) => {
      appLogger = pino(loggerOptions(serviceName, config.get<string>('LOG_LEVEL') ?? 'info'));
      // Requests are logged by a Fastify hook (registerRequestLogging), not by nestjs-pino's
      // pino-http middleware: that one ran through Nest's middleware layer and made a child logger
      // and an async context per request.
      return { pinoHttp: pinoHttpOptions(appLogger), forRoutes: [] };
    },
  });
}

/**
 * What nestjs-pino builds Nest's logger from: a pino-http child of `logger`. pino-http puts its own
 * `err` serializer (pino's standard one, which copies every field of an error, the SQL parameters
 * of a QueryFailedError included) on that child unless given one: this is ours again.
 */
export function pinoHttpOptions(logger: Logger): {
  logger: Logger;
  serializers: LoggerOptions['serializers'];
} {
  return { logger, serializers: { err: serializeError } };
}

/**
 * One line per answered request: id, method, URL without query values (redactUrl), status and
 * duration; never headers (API keys) nor the client address. 5xx at error, 4xx at warn, the rest
 * at info. Routes declared with `logLevel: 'silent'` (the tracking pixel: one hit per email
 * opened, counted by metrics) are not logged.
 */
export function registerRequestLogging(
  fastify: FastifyInstance,
  loggerOf: () => Logger | undefined = () => appLogger,
): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const logger = loggerOf();
    const path = request.url.split('?')[0];
    if (logger && !QUIET_PATHS.has(path) && request.routeOptions.logLevel !== 'silent') {
      const status = reply.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (logger.isLevelEnabled(level))
        logger[level](
          {
            request_id: request.id,
            req: { id: request.id, method: request.method, url: redactUrl(request.url) },
            res: { statusCode: status },
            responseTime: Math.round(reply.elapsedTime * 100) / 100,
          },
          'request completed',
        );
    }
    done();
  });
}
