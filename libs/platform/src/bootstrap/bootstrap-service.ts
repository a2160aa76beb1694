import { Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { createValidationPipe } from '@sales-suite/contracts';
import { registerHttpObservability, requestIdAdapterOptions } from '@sales-suite/observability';
import { Logger } from 'nestjs-pino';
import { RpcDomainExceptionFilter, SalesNatsServer } from '@sales-suite/messaging';
import { installShutdownHandlers } from './shutdown';

/**
 * Boots a service as a hybrid app: a NATS microservice (queue group = service name) that answers
 * the gateway, and a small HTTP server for operations (health and metrics). HTTP comes up first,
 * so probes answer (and say "not ready") while NATS or PostgreSQL are still coming.
 */
export async function bootstrapService(
  serviceName: string,
  module: Type,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    new FastifyAdapter(requestIdAdapterOptions),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  registerHttpObservability(app.getHttpAdapter().getInstance());
  const config = app.get(ConfigService);
  // Registered on the app and inherited by the microservice: a hybrid's microservice is already
  // initialised when connected, so its own global pipes and filters would be ignored.
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new RpcDomainExceptionFilter(app.getHttpAdapter()));
  app.connectMicroservice(
    {
      strategy: new SalesNatsServer({
        serviceName,
        settings: {
          NATS_URL: config.getOrThrow('NATS_URL'),
          NATS_USER: config.get('NATS_USER'),
          NATS_PASSWORD: config.get('NATS_PASSWORD'),
        },
        subjectPrefix: config.get('NATS_SUBJECT_PREFIX') ?? '',
        drainTimeoutMs: config.getOrThrow<number>('SHUTDOWN_GRACE_MS'),
      }),
    },
    { inheritAppConfig: true },
  );
  installShutdownHandlers(app, config.getOrThrow<number>('SHUTDOWN_GRACE_MS'));
  await app.listen(config.getOrThrow<number>('HTTP_PORT'), config.getOrThrow<string>('HTTP_HOST'));
  await app.startAllMicroservices();
  app
    .get(Logger)
    .log(`${serviceName} is serving NATS requests; operations HTTP on ${await app.getUrl()}`);
  return app;
}
