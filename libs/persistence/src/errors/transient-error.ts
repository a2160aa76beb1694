import { isDatabaseUnavailable } from '@sales-suite/contracts';

/** A conflict with a concurrent transaction (serialization failure, deadlock): retry as it is. */
const CONFLICT_SQLSTATES = new Set(['40001', '40P01']);

function isConflict(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, driverError } = error as { code?: unknown; driverError?: unknown };
  return (
    (typeof code === 'string' && CONFLICT_SQLSTATES.has(code)) ||
    (driverError !== undefined && isConflict(driverError))
  );
}

/**
 * Whether an error from PostgreSQL (as node-postgres or TypeORM report it) means "try again
 * later" — the database restarted, failed over or was unreachable (the same test that answers
 * requests with 503), or the transaction lost a conflict — rather than that the work is wrong.
 * Background jobs retry the first kind and give up on the second.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  return isDatabaseUnavailable(error) || isConflict(error);
}
