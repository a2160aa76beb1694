import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import {
  DomainError,
  ErrorCode,
  isDatabaseUnavailable,
  RpcErrorBody,
} from '@sales-suite/contracts';
import { Observable, throwError } from 'rxjs';

const DATABASE_UNAVAILABLE = new DomainError(
  ErrorCode.ServiceUnavailable,
  'The service cannot reach its database; try again shortly',
);

/**
 * For hybrid services. Over NATS, whatever a handler throws becomes the RPC error body the
 * gateway understands: domain errors keep their code; a database that cannot be reached (down,
 * restarting, failing over) is SERVICE_UNAVAILABLE, which the caller may retry; anything else is
 * logged here and leaves as INTERNAL, without details. Over HTTP (health, metrics) Nest's default
 * handling applies.
 */
@Catch()
export class RpcDomainExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger(RpcDomainExceptionFilter.name);

  override catch(exception: unknown, host: ArgumentsHost): Observable<RpcErrorBody> | void {
    if (host.getType() !== 'rpc') return super.catch(exception, host);
    if (exception instanceof DomainError) return throwError(() => exception.toRpcBody());
    if (isDatabaseUnavailable(exception)) {
      // The error itself is not logged: a QueryFailedError carries the statement's parameters.
      this.logger.warn('A NATS handler could not reach the database');
      return throwError(() => DATABASE_UNAVAILABLE.toRpcBody());
    }
    this.logger.error({ err: exception }, 'Unhandled error in a NATS handler');
    return throwError(() => ({
      code: ErrorCode.Internal,
      message: 'The service failed to handle the request',
    }));
  }
}
