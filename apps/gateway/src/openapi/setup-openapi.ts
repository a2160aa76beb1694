import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { createOpenApiDocument } from './openapi-document';

/** OpenAPI 3 document generated from the shared DTOs: UI at /docs, JSON at /docs-json. */
export function setupOpenApi(app: INestApplication, publicBaseUrl: string): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app, publicBaseUrl), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
