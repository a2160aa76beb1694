/** The routes of an OpenAPI 3 document, with every `$ref` resolved: what the fuzzer attacks. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Route {
  method: string;
  /** The path template, e.g. `/v1/leads/{id}`. */
  path: string;
  parameters: Parameter[];
  /** Media types the request body may have, and the schema of the first (absent without a body). */
  body?: { contentTypes: string[]; schema: Schema; required: boolean };
  secured: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
  security?: unknown[];
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/** Deeper than any DTO nests; stops a schema that refers to itself. */
const MAX_REF_DEPTH = 8;

export function routesFromOpenApi(document: OpenApiDocument): Route[] {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined, depth = 0): Schema => {
    if (!schema) return {};
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      const target = schemas[name];
      if (!target) throw new Error(`OpenAPI: unknown schema ${schema.$ref}`);
      return depth >= MAX_REF_DEPTH ? { type: 'object' } : resolve(target, depth + 1);
    }
    const resolved: Schema = { ...schema };
    if (schema.properties) {
      resolved.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, resolve(value, depth)]),
      );
    }
    if (schema.items) resolved.items = resolve(schema.items, depth);
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      if (schema[key]) resolved[key] = schema[key].map((member) => resolve(member, depth));
    }
    return resolved;
  };

  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const parameters: Parameter[] = (operation.parameters ?? [])
        .filter((parameter) => ['path', 'query', 'header'].includes(parameter.in))
        .map((parameter) => ({
          name: parameter.name,
          in: parameter.in as Parameter['in'],
          required: parameter.in === 'path' || parameter.required === true,
          schema: resolve(parameter.schema),
        }));
      const content = operation.requestBody?.content;
      const contentTypes = content ? Object.keys(content) : [];
      routes.push({
        method: method.toUpperCase(),
        path,
        parameters,
        ...(content && contentTypes.length > 0
          ? {
              body: {
                contentTypes,
                schema: resolve(content[contentTypes[0]].schema),
                required: operation.requestBody?.required === true,
              },
            }
          : {}),
        secured: (operation.security ?? document.security ?? []).length > 0,
      });
    }
  }
  return routes;
}
