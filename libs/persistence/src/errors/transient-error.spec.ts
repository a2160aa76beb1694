import { QueryFailedError } from 'typeorm';
import { isTransientDatabaseError } from './transient-error';

function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('isTransientDatabaseError', () => {
  it.each([
    ['server shut down by an administrator', true, pgError('terminating connection', '57P01')],
    ['server starting up', true, pgError('the database system is starting up', '57P03')],
    ['connection failure (class 08)', true, pgError('connection failure', '08006')],
    ['too many connections', true, pgError('sorry, too many clients already', '53300')],
    ['serialization failure', true, pgError('could not serialize access', '40001')],
    ['deadlock', true, pgError('deadlock detected', '40P01')],
    ['connection refused', true, pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection reset', true, pgError('read ECONNRESET', 'ECONNRESET')],
    ['dropped connection', true, pgError('Connection terminated unexpectedly')],
    ['pool timeout', true, pgError('timeout exceeded when trying to connect')],
    [
      'TypeORM wrapping a dropped connection',
      true,
      new QueryFailedError('SELECT 1', [], pgError('terminating connection', '57P01')),
    ],
    ['a cause chain', true, new Error('wrapped', { cause: pgError('x', 'ECONNREFUSED') })],
    ['unique violation', false, pgError('duplicate key value', '23505')],
    ['syntax error', false, pgError('syntax error at or near', '42601')],
    [
      'TypeORM wrapping a check violation',
      false,
      new QueryFailedError('INSERT', [], pgError('violates check constraint', '23514')),
    ],
    ['a plain bug', false, new TypeError('cannot read properties of undefined')],
    ['not an error', false, 'Connection terminated'],
    ['nothing', false, undefined],
  ])('%s → %s', (_what, transient, error) => {
    expect(isTransientDatabaseError(error)).toBe(transient);
  });
});
