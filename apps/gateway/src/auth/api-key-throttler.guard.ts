import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import { isPublicRoute } from './api-key.guard';
import { AuthenticatedRequest } from './auth.decorators';

/** Rate limits each API key (not each IP: many callers share a NAT, one key is one client). */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { caller, ip } = request as unknown as AuthenticatedRequest;
    return caller ? `key:${caller.keyId}` : `ip:${ip}`;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return isPublicRoute(this.reflector, context);
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new DomainError(
      ErrorCode.RateLimited,
      `Rate limit of ${detail.limit} requests per minute exceeded`,
      {
        retryAfterSeconds: Math.ceil(detail.timeToBlockExpire / 1000),
      },
    );
  }
}
