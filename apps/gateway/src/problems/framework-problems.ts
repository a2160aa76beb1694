import { DomainError, ErrorCode, toProblemDetails } from '@sales-suite/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { domainErrorFrom } from './problem-from-error';

/** Fastify's router refuses a path parameter longer than this (its default) with a 414. */
export const MAX_PARAM_LENGTH = 100;

const MEDIA_TYPE = 'application/problem+json';

/** The problem for an error of Fastify's router, which answers before any route (or Nest) runs. */
export function routerErrorProblem(error: FastifyError): DomainError {
  if (error.code === 'FST_ERR_BAD_URL')
    return new DomainError(ErrorCode.ValidationFailed, 'The path is not valid percent-encoding', {
      violations: [{ field: 'path', reason: 'not valid percent-encoding' }],
    });
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new DomainError(ErrorCode.UriTooLong, 'A path parameter is too long', {
      violations: [
        { field: 'path', reason: `a parameter is longer than ${MAX_PARAM_LENGTH} characters` },
      ],
    });
  return domainErrorFrom(error) ?? new DomainError(ErrorCode.ValidationFailed, 'Bad request');
}

/** Fastify's `frameworkErrors` option: router errors as problem+json, like every other error. */
export function answerRouterError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const problem = toProblemDetails(routerErrorProblem(error));
  void reply.status(problem.status).header('content-type', MEDIA_TYPE).send(problem);
}

/** The problem for a request node's HTTP parser refused before any framework saw it. */
export function clientErrorProblem(code: string | undefined): DomainError {
  if (code === 'HPE_HEADER_OVERFLOW')
    return new DomainError(ErrorCode.HeadersTooLarge, 'The request headers are too large', {
      violations: [{ field: 'headers', reason: 'larger than the server accepts' }],
    });
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new DomainError(ErrorCode.RequestTimeout, 'The request was not received in time');
  return new DomainError(ErrorCode.ValidationFailed, 'The request is not valid HTTP');
}

/**
 * node's `clientError` (headers too large, malformed request line, timeout): a problem+json
 * written on the socket, which is then closed. Used by the API port and the pixel listener.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const problem = toProblemDetails(clientErrorProblem(error.code));
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
      `Content-Type: ${MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
