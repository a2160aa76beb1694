import {
  applicableKinds,
  effectiveType,
  FuzzRequest,
  hostileCsv,
  hostileRequest,
  MutationKind,
  mutate,
  RawJson,
  sampleValue,
  toJson,
} from './hostile-requests';
import { Route, Schema } from './openapi-routes';
import { createPrng } from './prng';

const CONTACT: Schema = {
  type: 'object',
  required: ['email'],
  properties: {
    email: { type: 'string', maxLength: 320 },
    firstName: { type: 'object', example: 'Jane', maxLength: 100 },
    tags: { type: 'array', maxItems: 5, items: { type: 'string' } },
    address: { type: 'object', properties: { city: { type: 'string' } } },
  },
};
const CREATE: Route = {
  method: 'POST',
  path: '/v1/crm/contacts',
  parameters: [],
  body: { contentTypes: ['application/json'], schema: CONTACT, required: true },
  secured: true,
};
const REVISION: Route = {
  method: 'GET',
  path: '/v1/glossary/terms/{slug}/revisions/{n}',
  parameters: [
    { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]+$' } },
    { name: 'n', in: 'path', required: true, schema: { type: 'number', minimum: 1 } },
  ],
  secured: true,
};
const UPLOAD: Route = {
  method: 'POST',
  path: '/v1/crm/imports',
  parameters: [],
  body: { contentTypes: ['multipart/form-data'], schema: { type: 'object' }, required: true },
  secured: true,
};
const PATH_VALUES = { terms: 'deal-desk', contacts: 'c-1' };

/** Mutations of one kind over many seeds, so every variant of the kind is seen. */
const variants = (route: Route, kind: MutationKind): FuzzRequest[] =>
  Array.from({ length: 60 }, (_, seed) => mutate(route, kind, createPrng(seed), PATH_VALUES));
const text = (request: FuzzRequest) => request.body?.toString('utf8') ?? '';
const json = (request: FuzzRequest) => JSON.parse(text(request)) as Record<string, unknown>;

describe('toJson', () => {
  it.each<[unknown, string]>([
    [{ a: [1, 'x', null] }, '{"a":[1,"x",null]}'],
    [{ a: new RawJson('1e999') }, '{"a":1e999}'],
    [['\ud800', '\u0000'], '["\\ud800","\\u0000"]'],
    [undefined, 'null'],
  ])('%j → %s', (value, expected) => {
    expect(toJson(value)).toBe(expected);
  });
});

describe('effectiveType', () => {
  it.each<[Schema, string | undefined]>([
    [{ type: 'string' }, 'string'],
    [{ type: 'integer' }, 'number'],
    [{ type: 'object', example: 'Jane' }, 'string'],
    [{ type: 'object', example: ['a'] }, 'array'],
    [{ type: 'object', properties: {} }, 'object'],
    [{ enum: ['a', 'b'] }, 'string'],
    [{}, undefined],
  ])('%j → %s', (schema, expected) => {
    expect(effectiveType(schema)).toBe(expected);
  });
});

describe('sampleValue', () => {
  it.each<[Schema, unknown]>([
    [{ type: 'string', example: 'x' }, 'x'],
    [{ type: 'number', minimum: 5 }, 5],
    [{ type: 'boolean' }, true],
    [{ type: 'string', format: 'date-time' }, '2026-01-02T03:04:05.000Z'],
    [{ type: 'array', items: { type: 'string', default: 'd' } }, ['d']],
    [{ oneOf: [{ type: 'number' }, { type: 'string' }] }, 1],
    [
      { type: 'object', required: ['a'], properties: { a: { type: 'string', example: 'v' } } },
      { a: 'v' },
    ],
  ])('%j → %j', (schema, expected) => {
    expect(sampleValue(schema, createPrng(1))).toEqual(expected);
  });

  it('writes uuids in the canonical form', () => {
    expect(sampleValue({ type: 'string', format: 'uuid' }, createPrng(9))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('applicableKinds', () => {
  it.each<[string, Route, MutationKind[]]>([
    [
      'a JSON body',
      CREATE,
      [
        'bad-query',
        'bad-header',
        'bad-auth',
        'wrong-content-type',
        'broken-multipart',
        'oversized-body',
        'wrong-type',
        'missing-field',
        'extra-field',
        'hostile-string',
        'huge-value',
        'deep-value',
        'prototype-key',
        'wrong-root',
        'malformed-json',
      ],
    ],
    [
      'path parameters',
      REVISION,
      [
        'bad-query',
        'bad-header',
        'bad-auth',
        'path-traversal',
        'path-overflow',
        'path-number',
        'path-unicode',
        'path-hostile',
      ],
    ],
    [
      'a multipart body',
      UPLOAD,
      [
        'bad-query',
        'bad-header',
        'bad-auth',
        'wrong-content-type',
        'broken-multipart',
        'oversized-body',
        'hostile-csv',
      ],
    ],
    ['an open route', { ...REVISION, parameters: [], secured: false }, ['bad-query', 'bad-header']],
  ])('%s', (_, route, expected) => {
    expect(applicableKinds(route)).toEqual(expected);
  });
});

describe('mutate', () => {
  it.each<[MutationKind, (request: FuzzRequest) => boolean, boolean | 'some']>([
    ['missing-field', (r) => !('email' in json(r)), true],
    [
      'extra-field',
      (r) => /unknownField|"id"|createdAt|version|isAdmin|\$where|"a\.b"|""/.test(text(r)),
      true,
    ],
    [
      'deep-value',
      (r) => text(r).includes('{"a":'.repeat(1500)) || text(r).includes('['.repeat(1500)),
      true,
    ],
    ['prototype-key', (r) => /"__proto__"|"constructor":\{"prototype"/.test(text(r)), false],
    ['oversized-body', (r) => (r.body?.length ?? 0) > 1024 * 1024, true],
    ['wrong-content-type', (r) => r.headers['content-type'] !== 'application/json', true],
    ['broken-multipart', (r) => r.headers['content-type'].startsWith('multipart/form-data'), true],
    ['hostile-string', (r) => r.body !== undefined && r.auth === 'admin', false],
    ['huge-value', (r) => (r.body?.length ?? 0) > 40_000, 'some'],
    ['wrong-type', (r) => r.body !== undefined, 'some'],
  ])('%s: every variant is what it says', (kind, check, mustRefuse) => {
    const requests = variants(CREATE, kind);
    expect(requests.filter((request) => !check(request))).toEqual([]);
    const refusals = new Set(requests.map((request) => request.mustRefuse));
    expect(mustRefuse === 'some' ? refusals.size : [...refusals]).toEqual(
      mustRefuse === 'some' ? 2 : [mustRefuse],
    );
  });

  it.each<[string, number | undefined, boolean]>([
    ['no limit', undefined, false],
    ['a limit above every huge value', 1_000_000, false],
    ['a limit below every huge value', 1000, true],
  ])('huge-value with %s', (_, maxLength, mustRefuse) => {
    const schema: Schema = {
      type: 'object',
      required: ['text'],
      properties: { text: { type: 'string', maxLength } },
    };
    const route = { ...CREATE, body: { ...CREATE.body!, schema } };
    for (const request of variants(route, 'huge-value'))
      expect(request.mustRefuse).toBe(mustRefuse);
  });

  it('a bad item of a list may be refused row by row: only a whole-body mutation must be refused', () => {
    const schema: Schema = {
      type: 'object',
      required: ['rows'],
      properties: {
        rows: {
          type: 'array',
          items: { type: 'object', required: ['n'], properties: { n: { type: 'number' } } },
        },
      },
    };
    const route = { ...CREATE, body: { ...CREATE.body!, schema } };
    for (const kind of ['wrong-type', 'missing-field'] as const) {
      for (const request of variants(route, kind)) {
        expect(request.mustRefuse).toBe(!request.note.includes('rows[0]'));
      }
    }
  });

  it('bad-auth sends no admin key and must be refused', () => {
    for (const request of variants(CREATE, 'bad-auth')) {
      expect(request).toMatchObject({ auth: 'as-given', mustRefuse: true });
      expect(request.headers.authorization ?? '').not.toContain('ssk_e2e');
    }
  });

  it.each<[MutationKind, RegExp]>([
    [
      'path-overflow',
      /^\/v1\/glossary\/terms\/(deal-desk\/revisions\/[^/]{101,}|[^/]{101,}\/revisions\/1)$/,
    ],
    ['path-number', /^\/v1\/glossary\/terms\/[^/]+\/revisions\/[^/]+$/],
    ['path-traversal', /\.\.|%2e%2e|\.%00\./],
  ])('%s keeps the other parameters valid', (kind, pattern) => {
    for (const request of variants(REVISION, kind)) {
      expect(request.path).toMatch(pattern);
      expect(request.path.includes('deal-desk') || request.path.endsWith('/1')).toBe(true);
    }
  });

  it('bad-query puts hostile values in the query string only', () => {
    for (const request of variants(REVISION, 'bad-query')) {
      expect(request.path).toMatch(/^\/v1\/glossary\/terms\/deal-desk\/revisions\/1\?./);
    }
  });

  it('hostile-csv sends the CSV as a file part of a well-formed multipart body', () => {
    for (const request of variants(UPLOAD, 'hostile-csv')) {
      expect(request.headers['content-type']).toBe('multipart/form-data; boundary=fuzzb');
      expect(request.body!.subarray(0, 90).toString('latin1')).toContain('filename="fuzz.csv"');
      expect(request.body!.toString('latin1').endsWith('\r\n--fuzzb--\r\n')).toBe(true);
    }
  });

  it('a multipart route gets a well-formed upload unless the upload is the mutation', () => {
    const request = mutate(UPLOAD, 'bad-header', createPrng(1), PATH_VALUES);
    expect(request.headers['content-type']).toBe('multipart/form-data; boundary=fuzzb');
    expect(text(request)).toMatch(/^--fuzzb\r\n.*filename="fuzz.csv"[\s\S]*--fuzzb--\r\n$/);
  });
});

describe('hostileCsv', () => {
  it.each([
    ['hostile cells', (csv: Buffer) => csv.toString('utf8').startsWith('slug,name,definition\n')],
    ['unterminated quote', (csv: Buffer) => csv.toString('utf8').endsWith('"unterminated,\u0000')],
    ['invalid UTF-8', (csv: Buffer) => !csv.equals(Buffer.from(csv.toString('utf8')))],
    [
      '5,001 columns',
      (csv: Buffer) => csv.toString('utf8').split('\n')[1].split(',').length === 5001,
    ],
    ['UTF-16 with a BOM', (csv: Buffer) => csv[0] === 0xff && csv[1] === 0xfe],
    ['header twice, empty rows', (csv: Buffer) => csv.toString('utf8').includes('\n,,,\n\n')],
  ])('%s', (note, check) => {
    const found = Array.from({ length: 60 }, (_, seed) =>
      hostileCsv('slug,name,definition', createPrng(seed)),
    ).filter((csv) => csv.note === note);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((csv) => check(csv.text))).toBe(true);
  });
});

describe('hostileRequest', () => {
  const routes = [CREATE, REVISION, UPLOAD];

  it('is the same request for the same seed and index', () => {
    expect(hostileRequest(routes, 7, 42, PATH_VALUES)).toEqual(
      hostileRequest(routes, 7, 42, PATH_VALUES),
    );
  });

  it('takes the routes in turn', () => {
    const paths = [0, 1, 2, 3].map((index) => hostileRequest(routes, 7, index, PATH_VALUES).path);
    expect(paths.map((path) => path.split('?')[0].split('/')[2])).toEqual([
      'crm',
      'glossary',
      'crm',
      'crm',
    ]);
    expect(hostileRequest(routes, 7, 3, PATH_VALUES).method).toBe('POST');
  });

  it('uses every kind that applies to a route over a campaign', () => {
    const kinds = new Set(
      Array.from({ length: 600 }, (_, i) => hostileRequest(routes, 3, i * 3, PATH_VALUES).kind),
    );
    expect([...kinds].sort()).toEqual([...applicableKinds(CREATE)].sort());
  });
});
