/**
 * SQLSTATEs that say nothing about the statement itself: the connection or the server went away
 * (class 08, admin or crash shutdown, starting up), too many connections, or a conflict with a
 * concurrent transaction (serialization failure, deadlock). The same work succeeds when retried.
 */
const TRANSIENT_SQLSTATES = new Set(['53300', '57P01', '57P02', '57P03', '40001', '40P01']);
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** What node-postgres and its pool say when a connection drops or cannot be made in time. */
const TRANSIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];

/**
 * Whether an error from PostgreSQL (as node-postgres or TypeORM report it) means "try again
 * later" — the database restarted, failed over or was unreachable — rather than that the work is
 * wrong. Background jobs retry the first kind and give up on the second.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (typeof cause !== 'object') return false;
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (code.startsWith('08') || TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code))
        return true;
    }
    if (typeof message === 'string' && TRANSIENT_MESSAGES.some((text) => message.startsWith(text)))
      return true;
    const next = cause as { driverError?: unknown; cause?: unknown };
    cause = next.driverError ?? next.cause;
  }
  return false;
}
