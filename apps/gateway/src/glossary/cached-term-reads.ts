import { Injectable, OnModuleInit } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import type { ApiScope } from '@sales-suite/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REQUIRED_SCOPES } from '../auth/auth.decorators';
import { RequestAuthorizer } from '../auth/request-authorizer';
import { answerConditionally, TermCache } from './term-cache';
import { GlossaryTermsController } from './terms.controller';

/** The handler whose answers are served here from the cache; its metadata names the route. */
const TERM_HANDLER = GlossaryTermsController.prototype.get;

/**
 * Answers `GET /v1/glossary/terms/:slug` from the gateway's term cache before Nest's router,
 * guards and pipes run: the same authorization (RequestAuthorizer), the same headers and body,
 * at a fraction of the cost. Term lookups are the gateway's hottest read. Anything this does not
 * answer itself (a cache miss, a refused key, an unknown slug) goes on to the controller, which
 * answers it, errors included, the one way it answers everything.
 */
@Injectable()
export class CachedTermReads implements OnModuleInit {
  /** The controller's own URL and scopes for the route, so the two can never disagree. */
  private readonly url: string;
  private readonly requiredScopes: readonly ApiScope[] | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly cache: TermCache,
    private readonly authorizer: RequestAuthorizer,
    reflector: Reflector,
  ) {
    const paths = [
      reflector.get<string>(PATH_METADATA, GlossaryTermsController),
      reflector.get<string>(PATH_METADATA, TERM_HANDLER),
    ];
    this.url = `/${paths.join('/')}`;
    this.requiredScopes = reflector.get<ApiScope[] | undefined>(REQUIRED_SCOPES, TERM_HANDLER);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasRoute({ method: 'GET', url: this.url }))
      throw new Error(`CachedTermReads: no GET ${this.url} route to answer for`);
    fastify.addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'GET' || request.routeOptions.url !== this.url) return done();
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
    if (answerConditionally(reply, cached, request.headers['if-none-match'])) {
      await reply.send();
      return true;
    }
    await reply.type('application/json; charset=utf-8').send(cached.json);
    return true;
  }
}
