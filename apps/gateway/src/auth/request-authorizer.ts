import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiScope, DomainError, ErrorCode } from '@sales-suite/contracts';
import { presentedApiKey } from './api-key.secrets';
import { ApiKeysService, Caller } from './api-keys.service';
import { SlidingWindowRateLimiter } from './rate-limit/sliding-window-rate-limiter';

const MINUTE_MS = 60_000;

/**
 * Who may do what, in one place for every way a request reaches the gateway (Nest's guard and
 * the routes answered before Nest's router): the API key, the route's scopes, and the key's rate
 * limit (per key, not per IP: many callers share a NAT, one key is one client).
 */
@Injectable()
export class RequestAuthorizer {
  private readonly limiter: SlidingWindowRateLimiter;

  constructor(
    private readonly apiKeys: ApiKeysService,
    config: ConfigService,
  ) {
    this.limiter = new SlidingWindowRateLimiter(
      config.getOrThrow<number>('RATE_LIMIT_PER_MINUTE'),
      MINUTE_MS,
    );
  }

  /**
   * The caller, when its key is valid, holds every `required` scope (or `admin`) and is within its
   * rate limit; otherwise a DomainError (401, 403 or 429). `required` undefined means the route
   * declared no scope: it is closed, so that forgetting the declaration fails closed.
   */
  async authorize(
    headers: Record<string, string | string[] | undefined>,
    required: readonly ApiScope[] | undefined,
  ): Promise<Caller> {
    const key = presentedApiKey(headers);
    if (!key)
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'Send an API key as "Authorization: Bearer <key>"',
      );
    const caller = await this.apiKeys.verify(key);
    if (!caller)
      throw new DomainError(ErrorCode.Unauthenticated, 'The API key is unknown or revoked');
    if (!required)
      throw new DomainError(ErrorCode.Forbidden, 'This route declares no scope and is closed');
    const missing = caller.scopes.includes('admin')
      ? []
      : required.filter((scope) => !caller.scopes.includes(scope));
    if (missing.length > 0)
      throw new DomainError(
        ErrorCode.Forbidden,
        `The API key lacks the scope(s): ${missing.join(', ')}`,
        { missingScopes: missing },
      );
    const decision = this.limiter.hit(caller.keyId, Date.now());
    if (!decision.allowed)
      throw new DomainError(
        ErrorCode.RateLimited,
        `Rate limit of ${this.limiter.limit} requests per minute exceeded`,
        { retryAfterSeconds: decision.retryAfterSeconds },
      );
    return caller;
  }
}
