import { QueryFailedError } from 'typeorm';
import { errorKind } from './erasure-participant';

describe('errorKind (the reason of a failed erasure)', () => {
  const driverError = (fields: object) =>
    Object.assign(new Error('invalid input syntax for type uuid: "jane@acme.com"'), fields);

  it.each<[string, unknown, string]>([
    [
      'a database error by SQLSTATE, never its message',
      new QueryFailedError('SELECT $1', ['jane@acme.com'], driverError({ code: '22P02' })),
      'database error 22P02',
    ],
    [
      'a database error without a code',
      new QueryFailedError('SELECT 1', [], driverError({})),
      'database error',
    ],
    ['another error by its name', new RangeError('jane@acme.com is out of range'), 'RangeError'],
    ['what is not an error at all', 'jane@acme.com', 'unknown error'],
  ])('%s', (_case, error, kind) => {
    expect(errorKind(error)).toBe(kind);
  });
});
