import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import type { ApiScope } from '@sales-suite/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REQUIRED_SCOPES } from '../auth/auth.decorators';
import { RequestAuthorizer } from '../auth/request-authorizer';
import { notModified } from './entity-tag';
import { GlossaryController } from './glossary.controller';
import { TermCache } from './term-cache';

/** The route whose cached answers are served here: GlossaryController.get declares it. */
const TERM_ROUTE = '/v1/glossary/terms/:slug';

/**
 * Answers `GET /v1/glossary/terms/:slug` from the gateway's term cache before Nest's router,
 * guards and pipes run: the same authorization (RequestAuthorizer), the same headers and body,
 * at a fraction of the cost. Term lookups are the gateway's hottest read. Anything this does not
 * answer itself (a cache miss, a refused key, an unknown slug) goes on to the controller, which
 * answers it, errors included, the one way it answers everything.
 */
@Injectable()
export class CachedTermReads implements OnModuleInit {
  /** The controller's own scopes for the route, so the two can never disagree. */
  private readonly requiredScopes: readonly ApiScope[] | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly cache: TermCache,
    private readonly authorizer: RequestAuthorizer,
    reflector: Reflector,
  ) {
    this.requiredScopes = reflector.get<ApiScope[] | undefined>(
      REQUIRED_SCOPES,
      GlossaryController.prototype.get,
    );
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'GET' || request.routeOptions.url !== TERM_ROUTE) return done();
      this.answer(request, reply).then(
        (answered) => {
          if (!answered) done();
        },
        () => done(),
      );
    });
  }

  /** True when the reply was sent from the cache. */
  private async answer(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const { slug } = request.params as { slug?: string };
    const cached = slug === undefined ? undefined : this.cache.get(slug);
    if (!cached) return false;
    try {
      await this.authorizer.authorize(request, this.requiredScopes, { countFailure: false });
    } catch {
      // Refusals are the controller's to word (problem+json) and count (a failed authentication);
      // a refused request was not counted against the rate limit, so asking again there changes nothing.
      return false;
    }
    void reply.header('etag', cached.etag);
    if (notModified(request.headers['if-none-match'], cached.etag)) {
      await reply.code(304).send();
      return true;
    }
    await reply.type('application/json; charset=utf-8').send(cached.json);
    return true;
  }
}
