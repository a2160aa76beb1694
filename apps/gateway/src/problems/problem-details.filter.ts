import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, toProblemDetails } from '@sales-suite/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainErrorFrom } from './problem-from-error';

const INTERNAL = new DomainError(
  ErrorCode.Internal,
  'An unexpected error occurred; it has been logged',
);

/** Sends any error as `application/problem+json` (RFC 9457); 5xx bugs are logged, never leaked. */
export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
): void {
  const domainError = domainErrorFrom(error);
  if (!domainError) logger.error({ err: error }, 'Unhandled error');
  const problem = toProblemDetails(domainError ?? INTERNAL, request.url.split('?')[0]);
  if (typeof problem.retryAfterSeconds === 'number')
    void reply.header('retry-after', String(problem.retryAfterSeconds));
  void reply
    .status(problem.status)
    .header('content-type', 'application/problem+json')
    .send(problem);
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(
      exception,
      http.getRequest<FastifyRequest>(),
      http.getResponse<FastifyReply>(),
      this.logger,
    );
  }
}
