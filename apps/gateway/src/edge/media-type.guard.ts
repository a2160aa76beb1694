import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import type { FastifyRequest } from 'fastify';

const JSON_ONLY = ['application/json'];

/** `text/csv; charset=utf-8` → `text/csv`. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A body must be of a media type its route declares with `@ApiConsumes` (so the OpenAPI document
 * and the check are one list), JSON when it declares none: a multipart or form body sent to a JSON
 * route is a 415, not an empty DTO. Every parser is registered on the whole server, so the route
 * must say which it accepts.
 */
@Injectable()
export class MediaTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // A declared media type counts even with an empty body: an empty multipart is no empty DTO.
    const hasBody =
      request.headers['content-type'] !== undefined ||
      request.headers['transfer-encoding'] !== undefined ||
      Number(request.headers['content-length'] ?? 0) > 0;
    if (!hasBody) return true;
    const accepted =
      this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? JSON_ONLY;
    if (accepted.includes(mediaTypeOf(request.headers['content-type']))) return true;
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      `This route takes a body of type ${accepted.join(' or ')}`,
      { violations: [{ field: 'content-type', reason: `must be ${accepted.join(' or ')}` }] },
    );
  }
}
