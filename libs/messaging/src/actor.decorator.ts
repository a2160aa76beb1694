import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { ACTOR_HEADER } from './nats-requester';

/** In a NATS handler: the name of the API key the gateway authenticated (`system` if none). */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const headers = context.switchToRpc().getContext<NatsContext>().getHeaders() as
    { get(key: string): string } | undefined;
  return headers?.get(ACTOR_HEADER) || 'system';
});
