import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiScope } from '@sales-suite/contracts';
import type { Caller } from './api-keys.service';

export const PUBLIC_ROUTE = 'sales-suite:public';
export const REQUIRED_SCOPES = 'sales-suite:scopes';

/** Reachable without an API key (health, metrics, the tracking pixel). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller's key must hold every listed scope (or `admin`). */
export const RequireScopes = (...scopes: ApiScope[]) => SetMetadata(REQUIRED_SCOPES, scopes);

export interface AuthenticatedRequest {
  caller?: Caller;
  headers: Record<string, string | string[] | undefined>;
  ip: string;
}

export const CurrentCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().caller,
);
