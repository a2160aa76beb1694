import { Injectable } from '@nestjs/common';
import { ApiScope, DomainError, ErrorCode } from '@sales-suite/contracts';
import { clientNetwork } from '../trust/trusted-proxies';
import { presentedApiKey } from './api-key.secrets';
import { ApiKeysService, Caller } from './api-keys.service';
import type { AuthenticatedRequest } from './auth.decorators';
import { ClusterRateLimiter } from './rate-limit/cluster-rate-limiter';

/**
 * Who may do what, in one place for every way a request reaches the gateway (Nest's guard and
 * the routes answered before Nest's router): the API key, the route's scopes, and the key's rate
 * limit (per key, not per IP: many callers share a NAT, one key is one client; shared by every
 * gateway replica).
 *
 * Failed authentications (no key, an unknown or revoked one) are throttled per client network
 * (request.ip, which honours X-Forwarded-For only from trusted proxies; see clientNetwork): past
 * AUTH_FAILURES_PER_MINUTE they are answered 429 with Retry-After instead of 401, cluster-wide.
 * The key is verified first, so a valid key is never held back by this throttle: keys carry 256
 * random bits, so refusing every key from a throttled address would not make guessing any harder,
 * but it would let a misbehaving client (or anyone behind the same NAT) lock the others out.
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
   * `countFailure: false` is for a first look whose refusals are answered (and counted) later.
   */
  async authorize(
    request: Pick<AuthenticatedRequest, 'headers' | 'ip'>,
    required: readonly ApiScope[] | undefined,
    { countFailure = true }: { countFailure?: boolean } = {},
  ): Promise<Caller> {
    const key = presentedApiKey(request.headers);
    const caller = key ? await this.apiKeys.verify(key) : null;
    if (!caller) {
      const refusal = key
        ? new DomainError(ErrorCode.Unauthenticated, 'The API key is unknown or revoked')
        : new DomainError(
            ErrorCode.Unauthenticated,
            'Send an API key as "Authorization: Bearer <key>"',
          );
      throw countFailure ? this.counted(refusal, request.ip) : refusal;
    }
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
    const decision = this.limiter.hit('apiKey', caller.keyId);
    if (!decision.allowed)
      throw new DomainError(
        ErrorCode.RateLimited,
        `Rate limit of ${this.limiter.limitPerMinute('apiKey')} requests per minute exceeded`,
        { retryAfterSeconds: decision.retryAfterSeconds },
      );
    return caller;
  }

  /** The failure as answered: itself while the client network has failures left, else a 429. */
  private counted(refusal: DomainError, address: string): DomainError {
    const decision = this.limiter.hit('authFailures', clientNetwork(address));
    if (decision.allowed) return refusal;
    return new DomainError(
      ErrorCode.RateLimited,
      `More than ${this.limiter.limitPerMinute('authFailures')} failed authentications per minute from this address`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
}
