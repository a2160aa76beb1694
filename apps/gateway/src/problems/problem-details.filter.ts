import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, toProblemDetails } from '@sales-suite/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainErrorFrom } from './problem-from-error';

const INTERNAL = new DomainError(
  ErrorCode.Internal,
  'An unexpected error occurred; it has been logged',
);

/**
 * Answers every error as `application/problem+json` (RFC 9457): domain errors from the services,
 * Nest's and Fastify's client errors (bad JSON, body too large); bugs are logged, never leaked.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const domainError = domainErrorFrom(exception);
    if (!domainError) this.logger.error({ err: exception }, 'Unhandled error');
    const problem = toProblemDetails(domainError ?? INTERNAL, request.url.split('?')[0]);
    if (typeof problem.retryAfterSeconds === 'number') {
      void reply.header('retry-after', String(problem.retryAfterSeconds));
    }
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json')
      .send(problem);
  }
}
