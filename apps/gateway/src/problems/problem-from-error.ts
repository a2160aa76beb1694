import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, isDatabaseUnavailable, isErrorCode } from '@sales-suite/contracts';

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.NotFound,
  408: ErrorCode.RequestTimeout,
  409: ErrorCode.Conflict,
  412: ErrorCode.PreconditionFailed,
  413: ErrorCode.PayloadTooLarge,
  414: ErrorCode.UriTooLong,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.Unprocessable,
  428: ErrorCode.PreconditionRequired,
  429: ErrorCode.RateLimited,
  431: ErrorCode.HeadersTooLarge,
};

/** The part of the request a client error about the body names. */
const BODY_FIELD: Partial<Record<number, string>> = {
  400: 'body',
  413: 'body',
  415: 'content-type',
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
  // Nest's HTTP exceptions, and Fastify's client errors (Nest hands most of them over as
  // HttpException): all but a route's 404 come from reading the body.
  const { statusCode, message } =
    error instanceof HttpException
      ? { statusCode: error.getStatus(), message: error.message }
      : ((error ?? {}) as { statusCode?: unknown; message?: unknown });
  if (typeof statusCode === 'number' && statusCode < 500) {
    const code =
      CODE_FOR_STATUS[statusCode] ??
      (error instanceof HttpException ? null : ErrorCode.ValidationFailed);
    if (!code) return null;
    const reason = String(message ?? 'Bad request');
    const field = BODY_FIELD[statusCode] ?? (code === ErrorCode.ValidationFailed ? 'body' : null);
    return new DomainError(code, reason, field ? { violations: [{ field, reason }] } : undefined);
  }
  if (error instanceof HttpException) return null;
  const coded = error as { code?: unknown; message?: unknown };
  if (isErrorCode(coded?.code) && typeof coded.message === 'string')
    return DomainError.fromRpcBody(coded);
  return null;
}
