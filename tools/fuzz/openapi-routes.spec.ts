import { OpenApiDocument, routesFromOpenApi } from './openapi-routes';

const DOCUMENT: OpenApiDocument = {
  paths: {
    '/v1/things': {
      get: {
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'number', maximum: 100 } }],
        security: [{ bearer: [] }],
      },
      post: {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
        },
        security: [{ bearer: [] }],
      },
    },
    '/v1/things/{id}': {
      delete: {
        parameters: [
          { name: 'id', in: 'path', schema: { type: 'string' } },
          { name: 'If-Match', in: 'header', schema: { type: 'string' } },
          { name: 'ignored', in: 'cookie', schema: { type: 'string' } },
        ],
      },
    },
    '/v1/uploads': {
      post: {
        requestBody: {
          content: {
            'multipart/form-data': { schema: { type: 'object' } },
            'text/csv': { schema: { type: 'string' } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          parts: { type: 'array', items: { $ref: '#/components/schemas/Part' } },
        },
      },
      Part: { type: 'object', properties: { parent: { $ref: '#/components/schemas/Part' } } },
    },
  },
};

describe('routesFromOpenApi', () => {
  const routes = routesFromOpenApi(DOCUMENT);
  const route = (method: string, path: string) =>
    routes.find((candidate) => candidate.method === method && candidate.path === path);

  it('lists every method and path', () => {
    expect(routes.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /v1/things',
      'POST /v1/things',
      'DELETE /v1/things/{id}',
      'POST /v1/uploads',
    ]);
  });

  it.each([
    ['GET', '/v1/things', [['limit', 'query', false]], true],
    [
      'DELETE',
      '/v1/things/{id}',
      [
        ['id', 'path', true],
        ['If-Match', 'header', false],
      ],
      false,
    ],
  ])(
    '%s %s: parameters (cookies dropped, path ones required) and security',
    (method, path, params, secured) => {
      const found = route(method, path)!;
      expect(found.parameters.map((p) => [p.name, p.in, p.required])).toEqual(params);
      expect(found.secured).toBe(secured);
    },
  );

  it('resolves $refs in the body schema, stopping at self-references', () => {
    const body = route('POST', '/v1/things')!.body!;
    expect(body.contentTypes).toEqual(['application/json']);
    expect(body.schema.required).toEqual(['name']);
    let part = body.schema.properties!.parts.items!;
    for (let depth = 0; depth < 20 && part.properties; depth++) part = part.properties.parent;
    expect(part).toEqual({ type: 'object' });
  });

  it('keeps every media type of a body, and an optional body as optional', () => {
    const body = route('POST', '/v1/uploads')!.body!;
    expect(body.contentTypes).toEqual(['multipart/form-data', 'text/csv']);
    expect(body.required).toBe(false);
  });

  it('refuses a $ref to a schema that does not exist', () => {
    expect(() =>
      routesFromOpenApi({
        paths: {
          '/x': {
            post: {
              requestBody: {
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } },
              },
            },
          },
        },
      }),
    ).toThrow('unknown schema');
  });
});
