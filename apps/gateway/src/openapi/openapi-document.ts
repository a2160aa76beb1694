import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsView } from '@sales-suite/contracts';

/**
 * The API contract's version, fixed (not the package's) so that regenerating the document is
 * deterministic; raise it when the contract changes.
 */
export const API_VERSION = '0.1.0';

/** Where `npm start` serves the API; a running gateway names its PUBLIC_BASE_URL instead. */
export const DEFAULT_SERVER_URL = 'http://localhost:3000';

/** The OpenAPI 3 document generated from the shared DTOs and the gateway's controllers. */
export function createOpenApiDocument(
  app: INestApplication,
  serverUrl = DEFAULT_SERVER_URL,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('sales-suite API')
    .setDescription(
      'Sales glossary, CRM enrichment, lead funnel and scoring, email open tracking. ' +
        'Authenticate with `Authorization: Bearer <key>` (or `X-API-Key`). Errors are RFC 9457 problem+json.',
    )
    .setVersion(API_VERSION)
    .addServer(serverUrl, 'The gateway')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsView] });
}

/** Object keys sorted at every depth (array order kept): the committed document diffs stably. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
