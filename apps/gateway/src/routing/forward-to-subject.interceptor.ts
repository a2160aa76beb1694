import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { map, mergeMap, Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';

export const FORWARD_TARGET = 'sales-suite:forward-target';

export interface ForwardTarget {
  subject: string;
  timeoutMs?: number;
  /** A 204 route: the service's answer is not sent on. */
  answersNoContent: boolean;
  location?: (answer: unknown) => string;
}

/**
 * Sends what a `@Forward` handler returns to its subject, as the authenticated caller (reads
 * too: services record the actor only for changes).
 */
@Injectable()
export class ForwardToSubject implements NestInterceptor {
  constructor(
    private readonly nats: NatsRequester,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const target = this.reflector.get<ForwardTarget>(FORWARD_TARGET, context.getHandler());
    const http = context.switchToHttp();
    const caller = http.getRequest<AuthenticatedRequest>().caller;
    return next.handle().pipe(
      mergeMap((message) =>
        this.nats.request(target.subject, message, {
          actor: caller?.name,
          timeoutMs: target.timeoutMs,
        }),
      ),
      map((answer) => {
        if (target.location)
          void http.getResponse<FastifyReply>().header('location', target.location(answer));
        return target.answersNoContent ? undefined : answer;
      }),
    );
  }
}
