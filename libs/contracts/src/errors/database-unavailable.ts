/** SQLSTATEs that mean the server cannot serve now, not that the statement is wrong. */
const UNAVAILABLE_SQLSTATE = [
  /^08/, // connection_exception and its subclasses
  /^57P0[1-3]$/, // admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down)
  /^53300$/, // too_many_connections
];

/** Socket failures on the way to the server. */
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres and TypeORM say, without a code, when the connection is gone. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /is not queryable/i,
  /connection is not (yet )?established/i,
];

const UNAVAILABLE_ERROR_NAMES = new Set([
  'CannotExecuteNotConnectedError',
  'ConnectionIsNotSetError',
  'ConnectionNotFoundError',
  // A transaction's connection died with the server (a restart): TypeORM released it, so the
  // transaction's next statement or its COMMIT never ran (seen in the cluster harness).
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

function failedForLackOfServer(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_ERRORS.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return UNAVAILABLE_SQLSTATE.some((state) => state.test(code));
  }
  if (typeof name === 'string' && UNAVAILABLE_ERROR_NAMES.has(name)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((text) => text.test(message));
}

/**
 * True when a database call failed because PostgreSQL could not be reached or was going away
 * (refused, reset, restarting, too many connections), whether node-postgres threw it or TypeORM
 * wrapped it in a QueryFailedError (`driverError`). Such a request may succeed on a retry, so the
 * caller answers 503 with Retry-After; any other database error is a bug (500). Duck-typed, so
 * that both edges (services and gateway) use it without depending on a driver.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (failedForLackOfServer(error)) return true;
  const { driverError, cause } = (error ?? {}) as { driverError?: unknown; cause?: unknown };
  return failedForLackOfServer(driverError) || failedForLackOfServer(cause);
}
