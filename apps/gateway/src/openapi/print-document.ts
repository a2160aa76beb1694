import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { GatewayModule } from '../gateway.module';
import { createOpenApiDocument, sortKeys } from './openapi-document';

/**
 * Prints the gateway's OpenAPI document (keys sorted) without a running suite: preview mode
 * resolves the modules and controllers but instantiates no provider, so nothing connects to
 * NATS or PostgreSQL. `npm run client:generate` and the drift check run this.
 */
async function printDocument(): Promise<void> {
  const app = await NestFactory.create(GatewayModule, new FastifyAdapter(), {
    preview: true,
    abortOnError: false,
    logger: false,
  });
  const document = createOpenApiDocument(app);
  await app.close();
  process.stdout.write(`${JSON.stringify(sortKeys(document), null, 2)}\n`);
}

printDocument().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
