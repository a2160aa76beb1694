import {
  BAD_AUTH,
  HOSTILE_HEADERS,
  HOSTILE_STRINGS,
  PATH_VALUES,
  RAW_NUMBERS,
  WRONG_TYPE_VALUES,
} from './hostile-values';
import { Parameter, Route, Schema } from './openapi-routes';
import { createPrng, Prng, requestSeed } from './prng';

export type MutationKind =
  | 'wrong-type'
  | 'missing-field'
  | 'extra-field'
  | 'hostile-string'
  | 'huge-value'
  | 'deep-value'
  | 'prototype-key'
  | 'wrong-root'
  | 'malformed-json'
  | 'wrong-content-type'
  | 'broken-multipart'
  | 'oversized-body'
  | 'path-traversal'
  | 'path-overflow'
  | 'path-number'
  | 'path-unicode'
  | 'path-hostile'
  | 'bad-query'
  | 'bad-header'
  | 'bad-auth'
  | 'hostile-csv';

/** A request as it goes on the wire. */
export interface WireRequest {
  method: string;
  /** Sent as is: already percent-encoded (or deliberately mis-encoded). */
  path: string;
  /** `admin`: the runner adds the run's admin key; `as-given`: only the headers below. */
  auth: 'admin' | 'as-given';
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzRequest extends WireRequest {
  kind: MutationKind;
  /** What was made hostile, for the failure message. */
  note: string;
  /** The request is invalid whatever the data: a 2xx answer is a finding too. */
  mustRefuse: boolean;
}

/** Valid values for path parameters, by the path segment before them (`contacts` → a contact id). */
export type PathValues = Record<string, string>;

/** A JSON value that is written as given (deep nesting, raw numbers, duplicate keys). */
export class RawJson {
  constructor(readonly text: string) {}
}

export function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`,
    );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const DEEP = 1500;
const deepArray = (depth: number) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const deepObject = (depth: number) => new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** The type a field really has: Nest's OpenAPI writes `string | null` fields as `object`. */
export function effectiveType(schema: Schema): string | undefined {
  if (schema.enum) return typeof schema.enum[0];
  if (schema.type === 'object' && !schema.properties && schema.example !== undefined)
    return Array.isArray(schema.example) ? 'array' : typeof schema.example;
  return schema.type === 'integer' ? 'number' : schema.type;
}

/** A value the schema accepts as far as it says: the base every mutation starts from. */
export function sampleValue(schema: Schema, prng: Prng, depth = 0): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return prng.pick(schema.enum);
  const member = schema.oneOf?.[0] ?? schema.anyOf?.[0] ?? schema.allOf?.[0];
  if (member) return sampleValue(member, prng, depth);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return fakeUuid(prng);
      if (schema.format === 'date-time') return '2026-01-02T03:04:05.000Z';
      if (schema.format === 'email') return 'fuzz@example.com';
      if (schema.format === 'binary') return 'slug,name,definition\nfuzz,Fuzz,Fuzz term\n';
      return schema.pattern ? 'fuzz-sample' : 'fuzz sample';
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 || !schema.items ? [] : [sampleValue(schema.items, prng, depth + 1)];
    default: {
      if (!schema.properties || depth > 4) return {};
      const required = new Set(schema.required ?? []);
      return Object.fromEntries(
        Object.entries(schema.properties)
          .filter(([key]) => required.has(key) || prng.chance(0.6))
          .map(([key, value]) => [key, sampleValue(value, prng, depth + 1)]),
      );
    }
  }
}

function fakeUuid(prng: Prng): string {
  const hex = Array.from({ length: 32 }, () => prng.int(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Every field of a body (objects inside arrays included), with its schema and where it sits. */
interface FieldSlot {
  path: string;
  schema: Schema;
  parent: Record<string, unknown>;
  key: string;
  required: boolean;
}

function fieldSlots(value: unknown, schema: Schema, path = 'body'): FieldSlot[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      fieldSlots(item, schema.items ?? schema.oneOf?.[0]?.items ?? {}, `${path}[${index}]`),
    );
  }
  if (value === null || typeof value !== 'object' || value instanceof RawJson) return [];
  const record = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  return Object.keys(record).flatMap((key) => {
    const fieldSchema = properties[key] ?? {};
    const slot = {
      path: `${path}.${key}`,
      schema: fieldSchema,
      parent: record,
      key,
      required: required.has(key),
    };
    return [slot, ...fieldSlots(record[key], fieldSchema, slot.path)];
  });
}

const JSON_TYPES = new Set(['application/json']);
const baseMediaType = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();

const WRONG_CONTENT_TYPES: readonly { type?: string; body: string }[] = [
  { type: 'text/plain', body: '{"name":"x"}' },
  { type: 'application/xml', body: '<?xml version="1.0"?><a><name>x</name></a>' },
  { type: 'application/x-www-form-urlencoded', body: 'name=x&email=fuzz%40example.com' },
  {
    type: 'multipart/form-data; boundary=fuzzb',
    body: '--fuzzb\r\nContent-Disposition: form-data; name="email"\r\n\r\nfuzz@example.com\r\n--fuzzb--\r\n',
  },
  { type: 'application/octet-stream', body: '\u0000\u0001\u0002' },
  { type: 'application/json', body: 'slug,name,definition\nx,y,z\n' },
  { type: 'text/csv', body: '{"a":1}' },
  { body: '{"name":"x"}' },
];

const MULTIPART_PART = (disposition: string, content: string) =>
  `--fuzzb\r\nContent-Disposition: ${disposition}\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`;

const BROKEN_MULTIPART: readonly { type: string; body: string; mustRefuse: boolean }[] = [
  {
    type: 'multipart/form-data',
    body: MULTIPART_PART('form-data; name="file"; filename="a.csv"', 'a,b') + '--fuzzb--\r\n',
    mustRefuse: true,
  },
  {
    type: 'multipart/form-data; boundary=fuzzb',
    body: MULTIPART_PART('form-data; name="file"; filename="a.csv"', 'email\nx@example.com').slice(
      0,
      70,
    ),
    mustRefuse: true,
  },
  {
    type: 'multipart/form-data; boundary=other',
    body: MULTIPART_PART('form-data; name="file"; filename="a.csv"', 'a,b') + '--fuzzb--\r\n',
    mustRefuse: true,
  },
  { type: 'multipart/form-data; boundary=fuzzb', body: '', mustRefuse: true },
  {
    type: 'multipart/form-data; boundary=fuzzb',
    body: '--fuzzb\r\n\r\nno headers\r\n--fuzzb--\r\n',
    mustRefuse: true,
  },
  {
    type: 'multipart/form-data; boundary=fuzzb',
    body:
      MULTIPART_PART('form-data; name="file"; filename="a\u0000b.csv"', 'email\nnul@example.com') +
      '--fuzzb--\r\n',
    mustRefuse: false,
  },
  {
    type: 'multipart/form-data; boundary=fuzzb',
    body:
      MULTIPART_PART(
        'form-data; name="file"; filename="../../etc/passwd"',
        'email\ntrav@example.com',
      ) + '--fuzzb--\r\n',
    mustRefuse: false,
  },
  {
    type: 'multipart/form-data; boundary=fuzzb',
    body:
      MULTIPART_PART(
        'form-data; name="file"; filename="a.csv"',
        'email,name\n"unterminated,\u0000\n',
      ) + '--fuzzb--\r\n',
    mustRefuse: false,
  },
  {
    type: 'multipart/form-data; boundary=' + 'b'.repeat(200),
    body: '--' + 'b'.repeat(200) + '--\r\n',
    mustRefuse: true,
  },
];

const MALFORMED_JSON: readonly { body: Buffer; mustRefuse: boolean }[] = [
  ...[
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '[1,2',
    'nul',
    '{"a":1}}',
    '{"a" 1}',
    '\u0000',
    '{"a":"\\ud800\\"}',
  ].map((text) => ({ body: Buffer.from(text), mustRefuse: true })),
  {
    body: Buffer.from([
      0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x22, 0x7d,
    ]),
    mustRefuse: false,
  },
  { body: Buffer.from('\ufeff{}'), mustRefuse: false },
  { body: Buffer.from('{"a":1,"a":2}'), mustRefuse: false },
  { body: Buffer.from(''), mustRefuse: false },
];

function encodeQuery(entries: [string, string][]): string {
  return entries.length === 0
    ? ''
    : `?${entries.map(([key, value]) => `${key}=${value}`).join('&')}`;
}

const enc = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    // Lone surrogates cannot be encoded as UTF-8: send their CESU-8 bytes, which no decoder accepts.
    return '%ED%A0%80';
  }
};

/** Media types a CSV file arrives in (as the body, or as a multipart file part). */
const CSV_CARRIERS = new Set(['text/csv', 'multipart/form-data']);

/** A CSV export as messy CRMs write them: NUL, broken UTF-8 and UTF-16, formulas, bad quoting. */
export function hostileCsv(header: string, prng: Prng): { text: Buffer; note: string } {
  const columns = header.split(',').length;
  const cell = () => {
    const value = prng.pick(HOSTILE_STRINGS);
    return /[",\r\n]/.test(value) || prng.chance(0.3) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const rows = Array.from({ length: 1 + prng.int(3) }, () =>
    Array.from({ length: columns }, cell).join(','),
  );
  const variant = prng.int(6);
  const lines = [header, ...rows];
  if (variant === 0) return { text: Buffer.from(lines.join('\n')), note: 'hostile cells' };
  if (variant === 1)
    return {
      text: Buffer.from(`${lines.join('\r\n')}\r\n"unterminated,\u0000`),
      note: 'unterminated quote',
    };
  if (variant === 2)
    return {
      text: Buffer.concat([
        Buffer.from(`${header}\n`),
        Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0x2c, 0xc0, 0xaf, 0x0a]),
      ]),
      note: 'invalid UTF-8',
    };
  if (variant === 3)
    return { text: Buffer.from(`${header}\n${'x,'.repeat(5000)}x\n`), note: '5,001 columns' };
  if (variant === 4)
    return { text: Buffer.from(`\ufeff${lines.join('\r')}`, 'utf16le'), note: 'UTF-16 with a BOM' };
  return {
    text: Buffer.from(`${header}\n${header}\n,,,\n\n${rows[0]}`),
    note: 'header twice, empty rows',
  };
}

/** Which mutations make sense for a route. */
export function applicableKinds(route: Route): MutationKind[] {
  const kinds: MutationKind[] = ['bad-query', 'bad-header'];
  if (route.secured) kinds.push('bad-auth');
  if (route.parameters.some((p) => p.in === 'path'))
    kinds.push('path-traversal', 'path-overflow', 'path-number', 'path-unicode', 'path-hostile');
  if (route.body) {
    kinds.push('wrong-content-type', 'broken-multipart', 'oversized-body');
    if (route.body.contentTypes.some((type) => CSV_CARRIERS.has(baseMediaType(type))))
      kinds.push('hostile-csv');
    if (route.body.contentTypes.some((type) => JSON_TYPES.has(baseMediaType(type))))
      kinds.push(
        'wrong-type',
        'missing-field',
        'extra-field',
        'hostile-string',
        'huge-value',
        'deep-value',
        'prototype-key',
        'wrong-root',
        'malformed-json',
      );
  }
  return kinds;
}

/**
 * Request `index` of a campaign: routes are taken in turn (each is hit early), the mutation and
 * its values come from a generator seeded by (seed, index), so one request replays on its own.
 */
export function hostileRequest(
  routes: readonly Route[],
  seed: number,
  index: number,
  pathValues: PathValues,
): FuzzRequest {
  const route = routes[index % routes.length];
  const prng = createPrng(requestSeed(seed, index));
  return mutate(route, prng.pick(applicableKinds(route)), prng, pathValues);
}

export function mutate(
  route: Route,
  kind: MutationKind,
  prng: Prng,
  pathValues: PathValues,
): FuzzRequest {
  const pathParams = route.parameters.filter((p) => p.in === 'path');
  const hostilePath = kind.startsWith('path-') ? prng.pick(pathParams) : undefined;
  let hostilePathValue = '';
  if (hostilePath) {
    hostilePathValue =
      kind === 'path-hostile'
        ? enc(prng.pick(HOSTILE_STRINGS)) || '%20'
        : prng.pick(PATH_VALUES[kind]);
  }
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const param = pathParams.find((p) => p.name === name)!;
    return param === hostilePath
      ? hostilePathValue
      : enc(validPathValue(route.path, param, pathValues, prng));
  });

  const query: [string, string][] = [];
  const headers: Record<string, string> = {};
  let auth: FuzzRequest['auth'] = 'admin';
  let note = hostilePath ? `path.${hostilePath.name} ← ${hostilePathValue.slice(0, 80)}` : '';
  let mustRefuse = kind === 'path-overflow' && hostilePathValue.length > 100;
  let body: Buffer | undefined;
  let value: unknown;
  const jsonBody = route.body?.contentTypes.some((type) => JSON_TYPES.has(baseMediaType(type)));
  if (route.body) {
    value = sampleValue(route.body.schema, prng);
    if (jsonBody) {
      headers['content-type'] = 'application/json';
    } else {
      headers['content-type'] = 'multipart/form-data; boundary=fuzzb';
      body = Buffer.from(
        MULTIPART_PART(
          'form-data; name="file"; filename="fuzz.csv"',
          'email,first_name\nfuzz@example.com,Fuzz',
        ) + '--fuzzb--\r\n',
      );
    }
  }

  switch (kind) {
    case 'bad-query': {
      const known = route.parameters.filter((p) => p.in === 'query');
      const name =
        known.length > 0 && prng.chance(0.8)
          ? prng.pick(known).name
          : prng.pick([
              'x',
              '__proto__[polluted]',
              'constructor[prototype][polluted]',
              'limit[]',
              'q',
            ]);
      const variant = prng.int(6);
      if (variant === 0) query.push([name, enc(prng.pick(HOSTILE_STRINGS))]);
      else if (variant === 1)
        query.push([
          name,
          prng.pick([
            '2147483648',
            '-1',
            '0',
            '1e309',
            'NaN',
            'abc',
            '1.5',
            '99999999999999999999',
          ]),
        ]);
      else if (variant === 2) query.push([name, '1'], [name, '2']);
      else if (variant === 3) query.push([name, prng.pick(PATH_VALUES['path-unicode'])]);
      else if (variant === 4) query.push([name, 'q'.repeat(prng.pick([101, 400, 5000]))]);
      else query.push([`${name}[a][b]`, '1'], [name, '%zz']);
      note = `query ${query.map(([k, v]) => `${k}=${v.slice(0, 60)}`).join('&')}`;
      break;
    }
    case 'bad-header': {
      Object.assign(headers, prng.pick(HOSTILE_HEADERS));
      const headerParams = route.parameters.filter((p) => p.in === 'header');
      if (headerParams.length > 0 && prng.chance(0.5))
        headers[prng.pick(headerParams).name.toLowerCase()] = prng.pick([
          '"',
          '*',
          'W/',
          '"1", ',
          '"' + '9'.repeat(30) + '"',
          `"${'x'.repeat(3000)}"`,
        ]);
      note = `headers ${Object.keys(headers).join(', ')}`;
      break;
    }
    case 'bad-auth':
      auth = 'as-given';
      Object.assign(headers, prng.pick(BAD_AUTH));
      note = `auth ${JSON.stringify(headers).slice(0, 120)}`;
      mustRefuse = true;
      break;
    case 'wrong-content-type': {
      const wrong = prng.pick(
        WRONG_CONTENT_TYPES.filter(
          (c) => !c.type || !route.body!.contentTypes.includes(baseMediaType(c.type)),
        ),
      );
      delete headers['content-type'];
      if (wrong.type) headers['content-type'] = wrong.type;
      body = Buffer.from(wrong.body);
      note = `content-type ${wrong.type ?? '(none)'}`;
      mustRefuse = true;
      break;
    }
    case 'broken-multipart': {
      const broken = prng.pick(BROKEN_MULTIPART);
      headers['content-type'] = broken.type;
      body = Buffer.from(broken.body);
      note = `multipart ${broken.type} ${JSON.stringify(broken.body.slice(0, 100))}`;
      mustRefuse = broken.mustRefuse || Boolean(jsonBody);
      break;
    }
    case 'path-traversal':
    case 'path-overflow':
    case 'path-number':
    case 'path-unicode':
    case 'path-hostile':
      break;
    case 'hostile-csv': {
      const sample = route.body!.schema.oneOf?.find((member) => member.type === 'string')?.example;
      const header =
        typeof sample === 'string' ? sample.split('\n')[0] : 'email,first_name,last_name,company';
      const csv = hostileCsv(header, prng);
      if (route.body!.contentTypes.includes('text/csv')) {
        headers['content-type'] = 'text/csv';
        body = csv.text;
      } else {
        headers['content-type'] = 'multipart/form-data; boundary=fuzzb';
        body = Buffer.concat([
          Buffer.from(
            '--fuzzb\r\nContent-Disposition: form-data; name="file"; filename="fuzz.csv"\r\nContent-Type: text/csv\r\n\r\n',
          ),
          csv.text,
          Buffer.from('\r\n--fuzzb--\r\n'),
        ]);
      }
      note = `CSV: ${csv.note}`;
      break;
    }
    case 'oversized-body':
      body = Buffer.alloc(1024 * 1024 + 1024, 'a');
      note = 'body of 1 MiB + 1 KiB';
      mustRefuse = true;
      break;
    case 'malformed-json': {
      const malformed = prng.pick(MALFORMED_JSON);
      body = malformed.body;
      note = `malformed ${JSON.stringify(malformed.body.toString('latin1').slice(0, 60))}`;
      mustRefuse = malformed.mustRefuse;
      break;
    }
    case 'wrong-root': {
      const root = prng.pick<unknown>([[], 'text', 42, null, true, deepArray(DEEP), [{}, {}]]);
      body = Buffer.from(toJson(root));
      note = `root ${toJson(root).slice(0, 40)}`;
      mustRefuse =
        route.body!.schema.type === 'object' && (route.body!.schema.required ?? []).length > 0;
      break;
    }
    case 'prototype-key': {
      const poison = prng.pick([
        '"__proto__":{"polluted":"yes","scopes":["admin"]}',
        '"constructor":{"prototype":{"polluted":"yes"}}',
        '"__proto__":{"__proto__":{"polluted":"yes"}}',
        '"__proto__":null',
      ]);
      const slots = fieldSlots(value, route.body!.schema).filter((s) =>
        isPlainObject(s.parent[s.key]),
      );
      const text = toJson(value);
      if (slots.length > 0 && prng.chance(0.5)) {
        const slot = prng.pick(slots);
        const inner = toJson(slot.parent[slot.key]);
        slot.parent[slot.key] = new RawJson(
          inner === '{}' ? `{${poison}}` : `{${poison},${inner.slice(1)}`,
        );
        note = `${slot.path} gets ${poison}`;
        body = Buffer.from(toJson(value));
      } else {
        body = Buffer.from(
          text.startsWith('{') && text !== '{}' ? `{${poison},${text.slice(1)}` : `{${poison}}`,
        );
        note = `body gets ${poison}`;
      }
      break;
    }
    default: {
      // Field mutations: one field of a valid-looking body is made hostile.
      const slots = fieldSlots(value, route.body!.schema);
      const slot = slots.length > 0 ? prng.pick(slots) : undefined;
      const type = slot ? effectiveType(slot.schema) : undefined;
      if (kind === 'missing-field') {
        const required = slots.filter((s) => s.required);
        const target = required.length > 0 ? prng.pick(required) : undefined;
        if (target) delete target.parent[target.key];
        else value = {};
        note = target ? `without ${target.path}` : 'empty object';
        mustRefuse = Boolean(target);
      } else if (kind === 'extra-field') {
        const objects = [value, ...slots.map((s) => s.parent[s.key])].filter(isPlainObject);
        const target = objects.length > 0 ? prng.pick(objects) : undefined;
        const key = prng.pick([
          'unknownField',
          'id',
          'createdAt',
          'version',
          'isAdmin',
          '$where',
          'a.b',
          '',
        ]);
        if (target) target[key] = prng.pick<unknown>(['x', 1, { nested: true }]);
        note = `extra field ${JSON.stringify(key)}`;
        mustRefuse =
          Boolean(target) &&
          route.body!.schema.type === 'object' &&
          Boolean(route.body!.schema.properties);
      } else if (!slot) {
        value = kind === 'deep-value' ? deepObject(DEEP) : prng.pick(HOSTILE_STRINGS);
        note = `whole body ${kind}`;
        mustRefuse = kind === 'deep-value';
      } else if (kind === 'wrong-type') {
        const candidates = WRONG_TYPE_VALUES.filter((v) => jsonType(v) !== type);
        const raw = type !== 'number' && prng.chance(0.2);
        const replacement = raw ? new RawJson(prng.pick(RAW_NUMBERS)) : prng.pick(candidates);
        slot.parent[slot.key] = replacement;
        const isNull = replacement === null;
        note = `${slot.path} (${type ?? '?'}) ← ${toJson(replacement)}`;
        mustRefuse =
          type !== undefined &&
          type !== 'object' &&
          !(isNull && (slot.schema.nullable || !slot.required));
        if (type === 'number' && replacement instanceof RawJson) mustRefuse = false;
      } else if (kind === 'hostile-string') {
        const hostile = prng.pick(HOSTILE_STRINGS);
        slot.parent[slot.key] = type === 'array' ? [hostile] : hostile;
        note = `${slot.path} ← ${JSON.stringify(hostile)}`;
      } else if (kind === 'huge-value') {
        const asArray = type === 'array';
        const [huge, length] = asArray
          ? [Array.from({ length: 5000 }, (_, i) => `item-${i}`), 5000]
          : prng.pick<[string, number]>([
              ['A'.repeat(100_000), 100_000],
              ['é'.repeat(200_000), 200_000],
              ['𝕏'.repeat(60_000), 60_000],
            ]);
        slot.parent[slot.key] = huge;
        note = `${slot.path} ← ${length} ${asArray ? 'items' : 'characters'}`;
        // Lengths count characters (an astral one is one), as the validators do.
        const limit = asArray ? slot.schema.maxItems : slot.schema.maxLength;
        mustRefuse = limit !== undefined && length > limit;
      } else {
        slot.parent[slot.key] = prng.chance(0.5) ? deepObject(DEEP) : deepArray(DEEP);
        note = `${slot.path} ← nested ${DEEP} deep`;
        mustRefuse = true;
      }
      // A bad item of a list may be a row-level rejection (imports, delivery events) in a 2xx.
      const target = kind === 'missing-field' ? note.replace(/^without /, '') : (slot?.path ?? '');
      if (kind !== 'deep-value' && target.includes('[')) mustRefuse = false;
      break;
    }
  }
  if (body === undefined && value !== undefined && jsonBody) body = Buffer.from(toJson(value));
  return {
    method: route.method,
    path: path + encodeQuery(query),
    auth,
    headers,
    ...(body !== undefined ? { body } : {}),
    kind,
    note: note || kind,
    mustRefuse,
  };
}

function validPathValue(
  template: string,
  param: Parameter,
  pathValues: PathValues,
  prng: Prng,
): string {
  const segments = template.split('/');
  const before = segments[segments.indexOf(`{${param.name}}`) - 1];
  return pathValues[before] ?? String(sampleValue(param.schema, prng));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof RawJson)
  );
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
