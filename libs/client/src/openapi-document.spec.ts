import {
  ajv,
  committedDocument as document,
  type DocumentNode as Node,
  rooted,
  schemaViolations,
} from '../../../test/support/openapi-document';

/**
 * The committed document (kept equal to the code by `npm run openapi:check`) is what generators
 * read: every example must be valid against its schema, and no value may be typed a bare object.
 */

interface Example {
  where: string;
  schema: Node;
  value: unknown;
}

/** Every example in a schema and the schemas inside it, with the schema it must satisfy. */
function schemaExamples(schema: unknown, where: string): Example[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Node;
  const own = 'example' in node ? [{ where, schema: node, value: node.example }] : [];
  const properties = Object.entries((node.properties ?? {}) as Record<string, unknown>);
  const branches = ['allOf', 'oneOf', 'anyOf'].flatMap((key) =>
    ((node[key] ?? []) as unknown[]).map((branch, i) => [`${key}/${i}`, branch] as const),
  );
  const children = [
    ...properties.map(([name, child]) => [`properties/${name}`, child] as const),
    ...branches,
    ['items', node.items] as const,
    ['additionalProperties', node.additionalProperties] as const,
  ];
  return [...own, ...children.flatMap(([key, child]) => schemaExamples(child, `${where}/${key}`))];
}

/** Examples of parameters, headers and media types (`example` and `examples`), and their schemas'. */
function objectExamples(holder: Node, where: string): Example[] {
  const schema = holder.schema as Node | undefined;
  if (!schema) return [];
  const named = Object.entries((holder.examples ?? {}) as Record<string, { value?: unknown }>).map(
    ([name, example]) => ({ where: `${where}/examples/${name}`, schema, value: example.value }),
  );
  const own = 'example' in holder ? [{ where, schema, value: holder.example }] : [];
  return [...own, ...named, ...schemaExamples(schema, `${where}/schema`)];
}

function operationExamples(operation: Node, where: string): Example[] {
  const parameters = ((operation.parameters ?? []) as Node[]).flatMap((parameter) =>
    objectExamples(parameter, `${where}/parameters/${String(parameter.name)}`),
  );
  const content = (owner: Node | undefined, at: string) =>
    Object.entries((owner?.content ?? {}) as Record<string, Node>).flatMap(([type, media]) =>
      objectExamples(media, `${at}/content/${type}`),
    );
  const responses = Object.entries((operation.responses ?? {}) as Record<string, Node>).flatMap(
    ([status, response]) => [
      ...content(response, `${where}/responses/${status}`),
      ...Object.entries((response.headers ?? {}) as Record<string, Node>).flatMap(
        ([name, header]) => objectExamples(header, `${where}/responses/${status}/headers/${name}`),
      ),
    ],
  );
  return [
    ...parameters,
    ...content(operation.requestBody as Node | undefined, `${where}/requestBody`),
    ...responses,
  ];
}

const examples: Example[] = [
  ...Object.entries(document.components.schemas).flatMap(([name, schema]) =>
    schemaExamples(schema, `#/components/schemas/${name}`),
  ),
  ...Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) =>
      operationExamples(operation, `#/paths/${path}/${method}`),
    ),
  ),
];

/** Schemas typed `object` that say nothing of their properties (what a lost union turns into). */
function bareObjects(schema: unknown, where: string): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => bareObjects(item, `${where}/${i}`));
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Node;
  const bare =
    node.type === 'object' &&
    !['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf'].some((key) => key in node);
  return [
    ...(bare ? [where] : []),
    ...Object.entries(node).flatMap(([key, child]) => bareObjects(child, `${where}/${key}`)),
  ];
}

describe('the OpenAPI document', () => {
  it('has examples throughout', () => {
    expect(examples.length).toBeGreaterThan(100);
  });

  it('has only examples that are valid against their schemas', () => {
    const invalid = examples.flatMap(({ where, schema, value }) => {
      const violations = schemaViolations(schema, value);
      return violations ? [`${where}: ${violations}`] : [];
    });
    expect(invalid).toEqual([]);
  });

  it('accepts null wherever a schema says nullable (a nullable enum lists null)', () => {
    // `nullable` beside `allOf: [{ $ref }]` is OpenAPI 3.0's idiom for a nullable reference
    // (generators read it as `X | null`); JSON Schema cannot express it, so it is not checked.
    const nullableReference = (node: Node) => Array.isArray(node.allOf) && node.allOf.length === 1;
    const nullable = (schema: unknown, where: string): string[] => {
      if (schema === null || typeof schema !== 'object') return [];
      const node = schema as Node;
      const own =
        node.nullable === true && !nullableReference(node) && !ajv.validate(rooted(node), null)
          ? [where]
          : [];
      return [
        ...own,
        ...Object.entries(node).flatMap(([key, child]) => nullable(child, `${where}/${key}`)),
      ];
    };
    expect(nullable(document.components.schemas, '#/components/schemas')).toEqual([]);
  });

  it('types every value: no bare `object` schema', () => {
    expect(bareObjects(document, '#')).toEqual([]);
  });

  it('names every operation with a unique camelCase operationId', () => {
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => String(operation.operationId)),
    );
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
