import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON object of the document (a schema, an operation, …). */
export type DocumentNode = Record<string, unknown>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentNode>>;
  components: { schemas: Record<string, DocumentNode> };
}

/** The committed OpenAPI document, which `npm run openapi:check` keeps equal to the code. */
export const committedDocument = JSON.parse(
  readFileSync(join(__dirname, '../../libs/client/openapi.json'), 'utf8'),
) as OpenApiDocument;

/** OpenAPI 3.0 formats the document uses; `binary` is a file part, not a string to check. */
export const ajv = new Ajv({
  allErrors: true,
  strict: false,
  formats: {
    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/,
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    binary: true,
  },
});
ajv.addSchema({ components: committedDocument.components }, 'openapi.json');

/** A copy of a schema of the document whose `#/…` references point into the registered components. */
export function rooted(schema: unknown): DocumentNode {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        key === '$ref' && typeof child === 'string' ? `openapi.json${child}` : copy(child),
      ]),
    );
  };
  return copy(schema) as DocumentNode;
}

/** Why `value` does not fit `schema` (a schema of the document), or null when it does. */
export function schemaViolations(schema: unknown, value: unknown): string | null {
  const validate = ajv.compile(rooted(schema));
  return validate(value) ? null : ajv.errorsText(validate.errors);
}

/**
 * Why an answer's body does not fit what the document declares for that operation and status
 * (JSON or problem+json), or null when it does.
 */
export function answerViolations(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string | null {
  const operation = committedDocument.paths[path]?.[method.toLowerCase()];
  const responses = (operation?.responses ?? {}) as Record<string, DocumentNode>;
  const content = (responses[String(status)]?.content ?? {}) as Record<string, DocumentNode>;
  const media = content['application/json'] ?? content['application/problem+json'];
  if (!media) return `${method} ${path} documents no JSON answer with status ${status}`;
  return schemaViolations(media.schema, body);
}
