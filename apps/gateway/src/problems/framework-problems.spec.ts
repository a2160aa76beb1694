import { ErrorCode, toProblemDetails } from '@sales-suite/contracts';
import type { FastifyError } from 'fastify';
import { clientErrorProblem, routerErrorProblem } from './framework-problems';

const fastifyError = (code: string, statusCode: number) =>
  Object.assign(new Error(code), { code, statusCode }) as FastifyError;

describe('routerErrorProblem', () => {
  it.each([
    ['FST_ERR_BAD_URL', 400, ErrorCode.ValidationFailed, 400, 'not valid percent-encoding'],
    [
      'FST_ERR_MAX_PARAM_LENGTH',
      414,
      ErrorCode.UriTooLong,
      414,
      'a parameter is longer than 100 characters',
    ],
  ])('%s → %s (%i) naming the path', (code, statusCode, errorCode, status, reason) => {
    const problem = toProblemDetails(routerErrorProblem(fastifyError(code, statusCode)));
    expect(problem).toMatchObject({ code: errorCode, status, errors: [{ field: 'path', reason }] });
  });

  it('answers any other router error as a client error, never a 500', () => {
    const problem = toProblemDetails(
      routerErrorProblem(fastifyError('FST_ERR_ASYNC_CONSTRAINT', 500)),
    );
    expect(problem.status).toBe(400);
  });
});

describe('clientErrorProblem', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', ErrorCode.HeadersTooLarge, 431],
    ['ERR_HTTP_REQUEST_TIMEOUT', ErrorCode.RequestTimeout, 408],
    ['HPE_INVALID_METHOD', ErrorCode.ValidationFailed, 400],
    [undefined, ErrorCode.ValidationFailed, 400],
  ])('%s → %s (%i)', (code, errorCode, status) => {
    const problem = toProblemDetails(clientErrorProblem(code));
    expect(problem).toMatchObject({ code: errorCode, status });
  });
});
