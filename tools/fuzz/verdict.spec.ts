import { changedTables, FuzzResponse, judgeResponse, Violation } from './verdict';

const PROBLEM = (status: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'urn:sales-suite:problem:validation-failed',
    title: 'Bad Request',
    status,
    detail: 'name: must be a string',
    code: 'VALIDATION_FAILED',
    errors: [{ field: 'name', reason: 'must be a string' }],
    ...extra,
  });

describe('judgeResponse', () => {
  it.each<[string, FuzzResponse, boolean, Violation[]]>([
    [
      'a 400 problem',
      { status: 400, contentType: 'application/problem+json', body: PROBLEM(400) },
      true,
      [],
    ],
    [
      'with a charset',
      { status: 404, contentType: 'application/problem+json; charset=utf-8', body: PROBLEM(404) },
      false,
      [],
    ],
    [
      'a 500 problem',
      { status: 500, contentType: 'application/problem+json', body: PROBLEM(500) },
      false,
      ['server-error'],
    ],
    ['a 503', { status: 503, contentType: 'text/plain', body: '' }, false, ['server-error']],
    [
      'plain JSON 414',
      { status: 414, contentType: 'application/json', body: '{"statusCode":414}' },
      false,
      ['not-problem-json'],
    ],
    ['no content type', { status: 431, contentType: '', body: '' }, false, ['not-problem-json']],
    [
      'status differs',
      { status: 400, contentType: 'application/problem+json', body: PROBLEM(422) },
      false,
      ['problem-fields'],
    ],
    [
      'a validation failure naming no field',
      { status: 400, contentType: 'application/problem+json', body: PROBLEM(400, { errors: [] }) },
      false,
      ['problem-fields'],
    ],
    [
      'a violation without its reason',
      {
        status: 400,
        contentType: 'application/problem+json',
        body: PROBLEM(400, { errors: [{ field: 'name' }] }),
      },
      false,
      ['problem-fields'],
    ],
    [
      'another code needs no errors',
      {
        status: 404,
        contentType: 'application/problem+json',
        body: PROBLEM(404, { code: 'NOT_FOUND', errors: undefined }),
      },
      false,
      [],
    ],
    [
      'no code',
      {
        status: 400,
        contentType: 'application/problem+json',
        body: PROBLEM(400, { code: undefined }),
      },
      false,
      ['problem-fields'],
    ],
    [
      'not JSON',
      { status: 400, contentType: 'application/problem+json', body: 'oops' },
      false,
      ['problem-fields'],
    ],
    [
      'JSON null',
      { status: 400, contentType: 'application/problem+json', body: 'null' },
      false,
      ['problem-fields'],
    ],
    [
      'a 201 to a valid request',
      { status: 201, contentType: 'application/json', body: '{}' },
      false,
      [],
    ],
    [
      'a 201 to a request that must be refused',
      { status: 201, contentType: 'application/json', body: '{}' },
      true,
      ['accepted-invalid'],
    ],
    ['a 304 to one that must be refused', { status: 304, contentType: '', body: '' }, true, []],
  ])('%s', (_, response, mustRefuse, expected) => {
    expect(judgeResponse(response, mustRefuse)).toEqual(expected);
  });
});

describe('changedTables', () => {
  it.each<[string, Record<string, number>, Record<string, number>, string[]]>([
    ['nothing changed', { 'crm.contacts': 3 }, { 'crm.contacts': 3 }, []],
    [
      'a row added',
      { 'crm.contacts': 3, 'crm.outbox': 1 },
      { 'crm.contacts': 4, 'crm.outbox': 1 },
      ['crm.contacts 3→4'],
    ],
    ['a table appeared', {}, { 'email.opens': 0 }, ['email.opens absent→0']],
    ['sorted', { b: 1, a: 1 }, { b: 2, a: 0 }, ['a 1→0', 'b 1→2']],
  ])('%s', (_, before, after, expected) => {
    expect(changedTables(before, after)).toEqual(expected);
  });
});
