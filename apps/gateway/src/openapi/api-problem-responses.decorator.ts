import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsView } from '@sales-suite/contracts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each field and the reason',
  401: 'Missing, unknown or revoked API key',
  403: 'The API key lacks a required scope',
  404: 'Not found',
  409: 'Conflict with the current state',
  412: 'The If-Match version is stale',
  413: 'The body is larger than this route accepts',
  415: 'The body is not of a media type this route accepts (`errors` names `content-type`)',
  422: 'Well-formed but refers to something that does not exist',
  429: 'Rate limit exceeded; see Retry-After',
  503: 'The service behind this route is unavailable or did not answer in time; see Retry-After',
};

/** Documents the problem+json answers a route can give, plus the ones every routed call can. */
export function ApiProblemResponses(...statuses: number[]) {
  const all = [...new Set([...statuses, 429])].sort((a, b) => a - b);
  return applyDecorators(
    ...all.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: {
          'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsView) } },
        },
      }),
    ),
  );
}

/** Routes that call a service over NATS can also answer 503. */
export function ApiRoutedProblemResponses(...statuses: number[]) {
  return ApiProblemResponses(...statuses, 503);
}
