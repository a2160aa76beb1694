import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiScope, DomainError, ErrorCode } from '@sales-suite/contracts';
import { HealthController, MetricsController } from '@sales-suite/observability';
import { presentedApiKey } from './api-key.secrets';
import { ApiKeysService } from './api-keys.service';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_SCOPES } from './auth.decorators';

/** Operations endpoints come from the shared library and are public by design. */
const OPERATIONS_CONTROLLERS: unknown[] = [HealthController, MetricsController];

/**
 * Every route needs a valid API key unless marked @Public(); a route without @RequireScopes is
 * refused rather than left open, so forgetting the decorator fails closed.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = presentedApiKey(request.headers);
    if (!key)
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'Send an API key as "Authorization: Bearer <key>"',
      );
    const caller = await this.apiKeys.verify(key);
    if (!caller)
      throw new DomainError(ErrorCode.Unauthenticated, 'The API key is unknown or revoked');
    request.caller = caller;
    const required = this.reflector.getAllAndOverride<ApiScope[] | undefined>(REQUIRED_SCOPES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required)
      throw new DomainError(ErrorCode.Forbidden, 'This route declares no scope and is closed');
    const missing = caller.scopes.includes('admin')
      ? []
      : required.filter((scope) => !caller.scopes.includes(scope));
    if (missing.length > 0) {
      throw new DomainError(
        ErrorCode.Forbidden,
        `The API key lacks the scope(s): ${missing.join(', ')}`,
        {
          missingScopes: missing,
        },
      );
    }
    return true;
  }
}

export function isPublicRoute(reflector: Reflector, context: ExecutionContext): boolean {
  return (
    OPERATIONS_CONTROLLERS.includes(context.getClass()) ||
    reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]) === true
  );
}
