import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { loggerOptions, pinoHttpOptions } from './logger.module';
import { redactUrl, scrubText, serializeError } from './redaction';

const PIXEL_TOKEN = 'AQNkZXYBI0VniavN7wEjRWeJq83vASNFZ4mrze8BI0VniavN7wE';

describe('scrubText', () => {
  it.each([
    ['Contact jane.doe+crm@example.co.uk failed', 'Contact [email] failed'],
    ['key ssk_AbC-123_xyz rejected', 'key ssk_[redacted] rejected'],
    [`token ${PIXEL_TOKEN}.gif`, 'token [token].gif'],
    ['from 203.0.113.7, 10.0.0.1', 'from [ip], [ip]'],
    ['from 2001:db8::1 and fe80::a:b', 'from [ip] and [ip]'],
    ['from 2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'from [ip]'],
    ['v4-mapped ::ffff:203.0.113.7', 'v4-mapped [ip]'],
    ['call +44 20 7946 0958 now', 'call [phone] now'],
    [
      'invalid input syntax for type uuid: "Jane Doe"',
      'invalid input syntax for type uuid: "[redacted]"',
    ],
    [
      'value "99999999999" is out of range for type integer',
      'value "[redacted]" is out of range for type integer',
    ],
    // What must stay readable: ids, times, identifiers, module paths.
    [
      'Import 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f failed',
      'Import 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f failed',
    ],
    ['at 2026-11-30T01:58:49.123Z', 'at 2026-11-30T01:58:49.123Z'],
    [
      'violates unique constraint "uq_contacts_email"',
      'violates unique constraint "uq_contacts_email"',
    ],
    ['at node_modules/@nestjs/core/router.js:12:7', 'at node_modules/@nestjs/core/router.js:12:7'],
    ['trace 4bf92f3577b34da6a3ce929d0e0e4736', 'trace 4bf92f3577b34da6a3ce929d0e0e4736'],
  ])('%s', (text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });
});

describe('redactUrl', () => {
  it.each([
    ['/v1/crm/contacts', '/v1/crm/contacts'],
    [
      '/v1/crm/contacts?email=jane%40example.com&limit=5',
      '/v1/crm/contacts?email=[redacted]&limit=[redacted]',
    ],
    ['/v1/things?flag', '/v1/things?flag=[redacted]'],
    ['/v1/contacts/by-email/jane@example.com/x', '/v1/contacts/by-email/[email]/x'],
    [
      '/v1/things/6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
      '/v1/things/6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
    ],
    [`/t/o/${PIXEL_TOKEN}.gif`, '/t/o/[token]'],
    [`/t/o/${PIXEL_TOKEN}.gif?u=1`, '/t/o/[token]?u=[redacted]'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

function failedInsert(): QueryFailedError {
  const driverError = Object.assign(
    new Error('duplicate key value violates unique constraint "uq_contacts_email"'),
    {
      code: '23505',
      schema: 'crm',
      table: 'contacts',
      constraint: 'uq_contacts_email',
      detail: 'Key (email)=(jane@example.com) already exists.',
    },
  );
  return new QueryFailedError(
    'INSERT INTO "crm"."contacts"("email", "name") VALUES ($1, $2)',
    ['jane@example.com', 'Jane Doe'],
    driverError,
  );
}

describe('serializeError', () => {
  it('keeps type, message, SQLSTATE and names; drops the statement, its parameters and the detail', () => {
    const serialized = serializeError(failedInsert());
    expect(serialized).toMatchObject({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "uq_contacts_email"',
      code: '23505',
      schema: 'crm',
      table: 'contacts',
      constraint: 'uq_contacts_email',
    });
    expect(Object.keys(serialized).sort()).toEqual(
      ['code', 'constraint', 'message', 'schema', 'stack', 'table', 'type'].sort(),
    );
    expect(JSON.stringify(serialized)).not.toMatch(/jane|Jane Doe|INSERT/);
  });

  it('follows the cause chain and scrubs each message', () => {
    const error = new Error('import failed', { cause: new Error('bad row for jane@example.com') });
    expect(serializeError(error).cause).toMatchObject({
      type: 'Error',
      message: 'bad row for [email]',
    });
  });

  it('says what a thrown non-error was without showing it', () => {
    expect(serializeError('jane@example.com')).toEqual({
      type: 'string',
      message: '[not an Error]',
    });
  });
});

describe('loggerOptions', () => {
  function capture() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    return { lines, logger: pino(loggerOptions('test', 'trace'), stream) };
  }

  it.each([
    ['the app logger', (logger: pino.Logger) => logger],
    // What Nest's logger writes through (nestjs-pino builds it with pino-http).
    ['its pino-http child', (logger: pino.Logger) => pinoHttp(pinoHttpOptions(logger)).logger],
  ])('%s writes no parameter, header or address at any level', (_which, loggerOf) => {
    const captured = capture();
    const { lines } = captured;
    const logger = loggerOf(captured.logger);
    logger.error({ err: failedInsert() }, 'Unhandled error');
    logger.warn({ err: failedInsert() });
    logger.debug(`Import failed: Key (email)=(jane@example.com) from 203.0.113.7`);
    logger.trace({
      req: { headers: { authorization: 'Bearer ssk_secret', cookie: 'sid=1' }, ip: '203.0.113.7' },
    });
    const written = lines.join('');
    expect(lines).toHaveLength(4);
    for (const value of ['jane@example.com', 'Jane Doe', 'ssk_secret', 'sid=1', '203.0.113.7'])
      expect(written).not.toContain(value);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'error',
      msg: 'Unhandled error',
      service: 'test',
      err: { type: 'QueryFailedError', code: '23505' },
    });
  });
});
