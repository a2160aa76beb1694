const UNIQUE_VIOLATION = '23505';

/**
 * Whether PostgreSQL refused a write because it would break a unique index (`constraint`: that
 * index only), as node-postgres or TypeORM report it.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const found = error as { code?: unknown; constraint?: unknown; driverError?: unknown };
  if (found.code === UNIQUE_VIOLATION)
    return constraint === undefined || found.constraint === constraint;
  return found.driverError !== undefined && isUniqueViolation(found.driverError, constraint);
}
