/** What a hostile request's answer must look like: pure, so the rules have their own table spec. */
export interface FuzzResponse {
  status: number;
  contentType: string;
  body: string;
}

export type Violation =
  'server-error' | 'not-problem-json' | 'problem-fields' | 'accepted-invalid' | 'partial-write';

export function judgeResponse(response: FuzzResponse, mustRefuse: boolean): Violation[] {
  if (response.status >= 500) return ['server-error'];
  if (response.status < 400) return mustRefuse && response.status < 300 ? ['accepted-invalid'] : [];
  if (!response.contentType.toLowerCase().startsWith('application/problem+json'))
    return ['not-problem-json'];
  return hasProblemFields(response) ? [] : ['problem-fields'];
}

/**
 * RFC 9457 members every answer of ours carries, plus our `code`; `status` equals the HTTP status;
 * a VALIDATION_FAILED names each field it refuses.
 */
function hasProblemFields({ status, body }: FuzzResponse): boolean {
  let problem: unknown;
  try {
    problem = JSON.parse(body);
  } catch {
    return false;
  }
  if (problem === null || typeof problem !== 'object') return false;
  const {
    type,
    title,
    status: bodyStatus,
    detail,
    code,
    errors,
  } = problem as Record<string, unknown>;
  return (
    typeof type === 'string' &&
    typeof title === 'string' &&
    typeof detail === 'string' &&
    typeof code === 'string' &&
    bodyStatus === status &&
    (code !== 'VALIDATION_FAILED' || namesFields(errors))
  );
}

/** A refused input says where and why: `errors: [{ field, reason }, …]`. */
function namesFields(errors: unknown): boolean {
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every(
      (error: { field?: unknown; reason?: unknown } | null) =>
        typeof error?.field === 'string' && typeof error.reason === 'string',
    )
  );
}

export type RowCounts = Record<string, number>;

/** Tables whose row count differs, as `schema.table before→after`. */
export function changedTables(before: RowCounts, after: RowCounts): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables]
    .filter((table) => before[table] !== after[table])
    .sort()
    .map((table) => `${table} ${before[table] ?? 'absent'}→${after[table] ?? 'absent'}`);
}
