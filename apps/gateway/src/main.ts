import './preflight';
import { ConfigService } from '@nestjs/config';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { createValidationPipe } from '@sales-suite/contracts';
import { registerHttpObservability, requestIdAdapterOptions } from '@sales-suite/observability';
import { installShutdownHandlers } from '@sales-suite/platform';
import { Logger } from 'nestjs-pino';
import { registerConsole } from './console/console-static';
import { registerJsonBodyParser } from './edge/json-body';
import { MediaTypeGuard } from './edge/media-type.guard';
import { GatewayModule } from './gateway.module';
import { setupOpenApi } from './openapi/setup-openapi';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import {
  answerClientError,
  answerRouterError,
  MAX_PARAM_LENGTH,
} from './problems/framework-problems';
import { GATEWAY_HELMET_OPTIONS, registerSecurityHeaders } from './security/security-headers';
import { TrustedProxies } from './trust/trusted-proxies';

async function bootstrap(): Promise<void> {
  const bodyLimit = Number(process.env.BODY_LIMIT_BYTES ?? 1024 * 1024);
  // request.ip is the client's address: X-Forwarded-For counts only when the peer is a trusted proxy.
  const proxies = new TrustedProxies(process.env.TRUSTED_PROXIES ?? '');
  const adapter = new FastifyAdapter({
    ...requestIdAdapterOptions,
    bodyLimit,
    trustProxy: (address: string) => proxies.has(address),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Errors raised before any route runs are problem+json too.
    frameworkErrors: answerRouterError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule, adapter, {
    bufferLogs: true,
    // Bodies are parsed by our parsers only: JSON with a depth limit, CSV, multipart (no forms).
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // One request id per request, logged, echoed, and carried to the services in NATS headers.
  registerHttpObservability(fastify);
  registerSecurityHeaders(fastify, GATEWAY_HELMET_OPTIONS);
  registerJsonBodyParser(fastify);
  const consoleServed = await registerConsole(fastify);
  app.useGlobalGuards(new MediaTypeGuard(app.get(Reflector)));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  const config = app.get(ConfigService);
  setupOpenApi(app, config.getOrThrow<string>('PUBLIC_BASE_URL'));
  installShutdownHandlers(app, config.getOrThrow<number>('SHUTDOWN_GRACE_MS'));
  await app.listen(config.getOrThrow<number>('HTTP_PORT'), config.getOrThrow<string>('HTTP_HOST'));
  app.get(Logger).log(`Gateway listening on ${await app.getUrl()} (docs at /docs)`);
  if (!consoleServed)
    app.get(Logger).warn('The console is not built (npm run build): /console answers 404');
}

void bootstrap();
