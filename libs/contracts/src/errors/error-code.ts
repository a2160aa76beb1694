/**
 * Every error code a service or the gateway can answer with. The gateway maps each one to an HTTP
 * status in `ERROR_HTTP_STATUS`; adding a code without a mapping fails to compile.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  PreconditionFailed = 'PRECONDITION_FAILED',
  PreconditionRequired = 'PRECONDITION_REQUIRED',
  Unprocessable = 'UNPROCESSABLE',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited = 'RATE_LIMITED',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  ServiceTimeout = 'SERVICE_TIMEOUT',
  Internal = 'INTERNAL',
  GlossaryTermNotFound = 'GLOSSARY_TERM_NOT_FOUND',
  GlossarySlugTaken = 'GLOSSARY_SLUG_TAKEN',
  LeadNotFound = 'LEAD_NOT_FOUND',
  LeadTransitionNotAllowed = 'LEAD_TRANSITION_NOT_ALLOWED',
  LeadVersionConflict = 'LEAD_VERSION_CONFLICT',
  ScoringJobNotFound = 'SCORING_JOB_NOT_FOUND',
}

export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PreconditionFailed]: 412,
  [ErrorCode.PreconditionRequired]: 428,
  [ErrorCode.Unprocessable]: 422,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.ServiceTimeout]: 504,
  [ErrorCode.Internal]: 500,
  [ErrorCode.GlossaryTermNotFound]: 404,
  [ErrorCode.GlossarySlugTaken]: 409,
  [ErrorCode.LeadNotFound]: 404,
  [ErrorCode.LeadTransitionNotAllowed]: 409,
  [ErrorCode.LeadVersionConflict]: 409,
  [ErrorCode.ScoringJobNotFound]: 404,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_HTTP_STATUS;
}
