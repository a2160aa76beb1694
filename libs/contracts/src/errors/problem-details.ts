import { DomainError } from './domain-error';
import { ERROR_HTTP_STATUS, ErrorCode } from './error-code';

/** RFC 9457 problem details, as the gateway answers every error. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: { field: string; reason: string }[];
  [extension: string]: unknown;
}

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * A 503 (a service or database unreachable, a failover under way) is worth retrying soon: long
 * enough for NATS to reconnect or another replica to answer, short enough not to stall a client.
 */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

/** RFC 9457 body of an error; `retryAfterSeconds` (429, 503) is what the Retry-After header says. */
export function toProblemDetails(error: DomainError, instance?: string): ProblemDetails {
  const status = ERROR_HTTP_STATUS[error.code];
  const { violations, ...extensions } = error.details ?? {};
  return {
    ...(status === 503 ? { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS } : {}),
    ...extensions,
    type: `urn:sales-suite:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(violations ? { errors: violations } : {}),
  };
}
