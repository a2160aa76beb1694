import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiScope } from '@sales-suite/contracts';
import { HealthController, MetricsController } from '@sales-suite/observability';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_SCOPES } from './auth.decorators';
import { RequestAuthorizer } from './request-authorizer';

/** Operations endpoints come from the shared library and are public by design. */
const OPERATIONS_CONTROLLERS: unknown[] = [HealthController, MetricsController];

/**
 * Every route needs a valid API key with the scopes it declares (@RequireScopes), within the
 * key's rate limit, unless marked @Public(); a route without @RequireScopes is refused rather
 * than left open, so forgetting the decorator fails closed.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authorizer: RequestAuthorizer,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.isPublic(context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const required = this.reflector.getAllAndOverride<ApiScope[] | undefined>(REQUIRED_SCOPES, [
      context.getHandler(),
      context.getClass(),
    ]);
    request.caller = await this.authorizer.authorize(request, required);
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    return (
      OPERATIONS_CONTROLLERS.includes(context.getClass()) ||
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}
