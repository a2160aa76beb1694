import { Injectable } from '@nestjs/common';
import { ApiScope, DomainError, ErrorCode } from '@sales-suite/contracts';
import { presentedApiKey } from './api-key.secrets';
import { ApiKeysService, Caller } from './api-keys.service';
import { ClusterRateLimiter } from './rate-limit/cluster-rate-limiter';

/**
 * Who may do what, in one place for every way a request reaches the gateway (Nest's guard and
 * the routes answered before Nest's router): the API key, the route's scopes, and the key's rate
 * limit (per key, not per IP: many callers share a NAT, one key is one client; shared by every
 * gateway replica).
 */
@Injectable()
export class RequestAuthorizer {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly limiter: ClusterRateLimiter,
  ) {}

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
    const decision = this.limiter.hit(caller.keyId);
    if (!decision.allowed)
      throw new DomainError(
        ErrorCode.RateLimited,
        `Rate limit of ${this.limiter.limitPerMinute} requests per minute exceeded`,
        { retryAfterSeconds: decision.retryAfterSeconds },
      );
    return caller;
  }
}
