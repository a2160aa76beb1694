import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, isDatabaseUnavailable, isErrorCode } from '@sales-suite/contracts';

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  412: ErrorCode.PreconditionFailed,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.Unprocessable,
  428: ErrorCode.PreconditionRequired,
  429: ErrorCode.RateLimited,
};

/**
 * Every error the gateway can meet, as a domain error: our own, Nest's HTTP exceptions, Fastify's
 * (malformed JSON, body too large, wrong content type), and its API-key store out of reach (503,
 * like a service that is). `null` means a bug: answer 500.
 */
export function domainErrorFrom(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (isDatabaseUnavailable(error))
    return new DomainError(ErrorCode.ServiceUnavailable, 'The gateway cannot reach its database');
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_FOR_STATUS[status];
    return code ? new DomainError(code, error.message) : null;
  }
  const fastifyError = error as { statusCode?: unknown; message?: unknown; code?: unknown };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
    const code = CODE_FOR_STATUS[fastifyError.statusCode] ?? ErrorCode.ValidationFailed;
    return new DomainError(code, String(fastifyError.message ?? 'Bad request'));
  }
  const coded = error as { code?: unknown; message?: unknown };
  if (isErrorCode(coded?.code) && typeof coded.message === 'string')
    return DomainError.fromRpcBody(coded);
  return null;
}
