import {
  applyDecorators,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  SetMetadata,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiResponse,
  ApiResponseNoStatusOptions,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { ApiScope } from '@sales-suite/contracts';
import { RequireScopes } from '../auth/auth.decorators';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';
import { FORWARD_TARGET, ForwardTarget, ForwardToSubject } from './forward-to-subject.interceptor';

const METHODS = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };
export type RouteMethod = keyof typeof METHODS;

/** What a gateway route declares: who may call it, what it answers, what it can refuse. */
export interface RouteSpec {
  /**
   * The OpenAPI operationId, pinned: generated clients and the console name the operation by it,
   * so it must not follow a rename of the controller or the handler. camelCase, verb first.
   */
  operationId: string;
  scope: ApiScope;
  summary: string;
  description?: string;
  /** The success status when it is not Nest's default (201 for POST, 200 otherwise). */
  status?: 200 | 201 | 202 | 204;
  /** The success body's view, or the whole success response (headers, description). */
  answers?: Type<unknown> | ApiResponseNoStatusOptions;
  /** The problem+json statuses besides 429 and 503, which every routed call can answer. */
  problems: number[];
}

/**
 * A controller of API-key routes under `path`, listed in the OpenAPI document under `tag`; the
 * key goes in `Authorization: Bearer` or in `X-API-Key`.
 */
export function RoutesController(tag: string, path: string) {
  return applyDecorators(ApiTags(tag), ApiBearerAuth(), ApiSecurity('api-key'), Controller(path));
}

/**
 * One gateway route in one place: the HTTP route and its status, the required scope, and the
 * OpenAPI operation, success response and problem responses, which therefore cannot disagree.
 */
export function Route(method: RouteMethod, path: string, spec: RouteSpec) {
  const status = spec.status ?? (method === 'POST' ? 201 : 200);
  const answers = typeof spec.answers === 'function' ? { type: spec.answers } : spec.answers;
  return applyDecorators(
    METHODS[method](path),
    HttpCode(status),
    RequireScopes(spec.scope),
    ApiOperation({
      operationId: spec.operationId,
      summary: spec.summary,
      description: spec.description,
    }),
    ApiResponse({ ...answers, status }),
    ApiRoutedProblemResponses(...spec.problems),
  );
}

/** What a pass-through route adds: its request timeout, and the URL of what it created. */
export interface ForwardSpec<Answer> extends RouteSpec {
  timeoutMs?: number;
  /** Sent as `Location`. */
  location?: (answer: Answer) => string;
}

/**
 * A pass-through route: the handler turns the validated HTTP input into the message, which is
 * sent to `subject` on behalf of the caller; the service's answer is the response body.
 */
export function Forward<Answer = unknown>(
  method: RouteMethod,
  path: string,
  subject: string,
  spec: ForwardSpec<Answer>,
) {
  const target: ForwardTarget = {
    subject,
    timeoutMs: spec.timeoutMs,
    answersNoContent: spec.status === 204,
    location: spec.location as ForwardTarget['location'],
  };
  return applyDecorators(
    Route(method, path, spec),
    SetMetadata(FORWARD_TARGET, target),
    UseInterceptors(ForwardToSubject),
  );
}
