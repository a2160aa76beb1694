import { ErrorCode, FieldViolation, RpcErrorBody } from '@sales-suite/contracts';

/** Enough to correct a request by, and far below NATS's 1 MB message limit. */
export const MAX_REPLY_VIOLATIONS = 100;
const MAX_TEXT = 500;

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/**
 * The reply to send when NATS refused one as too large: a refusal keeps its code and its first
 * violations (a 5,000-item list of bad rows does not fit); an answer becomes an INTERNAL error.
 */
export function compactReply(err: unknown): RpcErrorBody {
  const body = err as Partial<RpcErrorBody> | undefined;
  if (!body || typeof body !== 'object' || typeof body.code !== 'string') {
    return { code: ErrorCode.Internal, message: 'The answer was too large to send' };
  }
  const violations: FieldViolation[] = body.details?.violations ?? [];
  const kept = violations.slice(0, MAX_REPLY_VIOLATIONS).map((violation) => ({
    field: clip(violation.field),
    reason: clip(violation.reason),
  }));
  const omitted = violations.length - kept.length;
  return {
    code: body.code,
    message: clip(typeof body.message === 'string' ? body.message : body.code),
    ...(kept.length > 0
      ? { details: { violations: kept, ...(omitted > 0 ? { omittedViolations: omitted } : {}) } }
      : {}),
  };
}
