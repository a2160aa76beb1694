import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import { isPublicRoute } from '../api-key.guard';
import { AuthenticatedRequest } from '../auth.decorators';
import { SlidingWindowRateLimiter } from './sliding-window-rate-limiter';

const MINUTE_MS = 60_000;

/**
 * Rate limits each API key (not each IP: many callers share a NAT, one key is one client), after
 * ApiKeyGuard has authenticated it. Public routes are not limited here.
 */
@Injectable()
export class ApiKeyRateLimitGuard implements CanActivate {
  private readonly limiter: SlidingWindowRateLimiter;

  constructor(
    private readonly reflector: Reflector,
    config: ConfigService,
  ) {
    this.limiter = new SlidingWindowRateLimiter(
      config.getOrThrow<number>('RATE_LIMIT_PER_MINUTE'),
      MINUTE_MS,
    );
  }

  canActivate(context: ExecutionContext): boolean {
    if (isPublicRoute(this.reflector, context)) return true;
    const { caller } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // ApiKeyGuard runs first and refuses requests without a caller; this is only a safety net.
    if (!caller) return false;
    const decision = this.limiter.hit(caller.keyId, Date.now());
    if (decision.allowed) return true;
    throw new DomainError(
      ErrorCode.RateLimited,
      `Rate limit of ${this.limiter.limit} requests per minute exceeded`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
}
