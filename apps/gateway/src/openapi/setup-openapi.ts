import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsView } from '@sales-suite/contracts';

/** OpenAPI 3 document generated from the shared DTOs: UI at /docs, JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('sales-suite API')
    .setDescription(
      'Sales glossary, CRM enrichment, lead funnel and scoring, email open tracking. ' +
        'Authenticate with `Authorization: Bearer <key>` (or `X-API-Key`). Errors are RFC 9457 problem+json.',
    )
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsView] });
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
