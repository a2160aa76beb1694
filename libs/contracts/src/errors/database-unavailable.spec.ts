import { isDatabaseUnavailable } from './database-unavailable';

/** An error as node-postgres raises it: a message, maybe a SQLSTATE or socket code. */
function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

/** TypeORM's QueryFailedError: its own message, the driver's error inside (and its code copied). */
function queryFailed(driverError: Error & { code?: string }): Error {
  return Object.assign(new Error(driverError.message), {
    name: 'QueryFailedError',
    query: 'SELECT 1',
    parameters: [],
    driverError,
    ...(driverError.code ? { code: driverError.code } : {}),
  });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection reset', pgError('read ECONNRESET', 'ECONNRESET')],
    ['host unreachable', pgError('connect EHOSTUNREACH 10.0.0.9:5432', 'EHOSTUNREACH')],
    ['DNS not answering', pgError('getaddrinfo EAI_AGAIN postgres', 'EAI_AGAIN')],
    ['connection lost mid-query', pgError('Connection terminated unexpectedly')],
    ['pool connect timeout', pgError('timeout exceeded when trying to connect')],
    ['connect timeout', pgError('Connection terminated due to connection timeout')],
    [
      'a client left broken',
      pgError('Client has encountered a connection error and is not queryable'),
    ],
    [
      'server restarting (57P01)',
      queryFailed(pgError('terminating connection due to administrator command', '57P01')),
    ],
    ['server starting up (57P03)', pgError('the database system is starting up', '57P03')],
    [
      'server crashed (57P02)',
      pgError('terminating connection due to crash of another server process', '57P02'),
    ],
    ['too many connections (53300)', pgError('sorry, too many clients already', '53300')],
    ['connection failure (08006)', queryFailed(pgError('connection failure', '08006'))],
    [
      'QueryFailedError around a lost connection',
      queryFailed(pgError('Connection terminated unexpectedly')),
    ],
    [
      'TypeORM before its first connection',
      Object.assign(
        new Error(
          'Cannot execute operation on "default" connection because connection is not yet established.',
        ),
        {
          name: 'CannotExecuteNotConnectedError',
        },
      ),
    ],
    [
      "a transaction's connection released under it (COMMIT never sent)",
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
    ],
    [
      "a transaction's connection released under a query",
      Object.assign(
        new Error('Database connection provided by a query runner was already released'),
        { name: 'QueryRunnerProviderAlreadyReleasedError' },
      ),
    ],
    [
      'a cause that is one',
      Object.assign(new Error('outer'), { cause: pgError('x', 'ECONNREFUSED') }),
    ],
  ])('%s: unavailable (503)', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'unique violation (23505)',
      queryFailed(pgError('duplicate key value violates unique constraint', '23505')),
    ],
    ['syntax error (42601)', queryFailed(pgError('syntax error at or near "SELEC"', '42601'))],
    [
      'statement timeout (57014)',
      queryFailed(pgError('canceling statement due to statement timeout', '57014')),
    ],
    ['serialization failure (40001)', queryFailed(pgError('could not serialize access', '40001'))],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('%s: not unavailable', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
