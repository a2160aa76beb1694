import { ErrorCode, isErrorCode } from './error-code';

/** One invalid field: where it is (dotted path) and why it was refused. */
export interface FieldViolation {
  field: string;
  reason: string;
}

export interface ErrorDetails {
  violations?: FieldViolation[];
  [key: string]: unknown;
}

/** The error body that crosses NATS inside an RPC error reply. */
export interface RpcErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/** A failure the caller can act on. Plain TypeScript: thrown by domain code, mapped at each edge. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toRpcBody(): RpcErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }

  static fromRpcBody(body: unknown): DomainError {
    if (body && typeof body === 'object' && isErrorCode((body as RpcErrorBody).code)) {
      const { code, message, details } = body as RpcErrorBody;
      return new DomainError(code, typeof message === 'string' ? message : code, details);
    }
    return new DomainError(ErrorCode.Internal, 'The service failed to answer the request');
  }
}

/** The one VALIDATION_FAILED error: a summary of every `field: reason` and the violations. */
export function validationFailed(violations: FieldViolation[]): DomainError {
  const summary = violations.map((v) => `${v.field}: ${v.reason}`).join('; ');
  return new DomainError(ErrorCode.ValidationFailed, `Invalid input: ${summary}`, { violations });
}
