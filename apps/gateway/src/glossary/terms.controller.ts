import { Body, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import {
  CategoriesView,
  CategoryCountView,
  CreateTermDto,
  DeleteTermQueryDto,
  GlossarySubjects,
  ListTermsQueryDto,
  TermPageView,
  TermSlugDto,
  TermView,
  UpdateTermDto,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { Caller } from '../auth/api-keys.service';
import { CurrentCaller } from '../auth/auth.decorators';
import { Forward, Route, RoutesController } from '../routing/route.decorator';
import { termEntityTag } from './entity-tag';
import { answerConditionally, TermCache } from './term-cache';
import { ApiIfMatch, expectedVersion, TermWrites } from './term-writes';

@RoutesController('glossary', 'v1/glossary')
export class GlossaryTermsController {
  constructor(
    private readonly nats: NatsRequester,
    private readonly cache: TermCache,
    private readonly writes: TermWrites,
  ) {}

  @Forward('GET', 'terms', GlossarySubjects.ListTerms, {
    operationId: 'listTerms',
    scope: 'glossary:read',
    summary: 'List terms',
    description:
      'Slug order, cursor pagination, optional filters; `includeDeleted=true` lists deleted ' +
      'terms too, each with `deletedAt`.',
    answers: TermPageView,
    problems: [400, 401, 403],
  })
  list(@Query() query: ListTermsQueryDto) {
    return query;
  }

  @Route('GET', 'terms/:slug', {
    operationId: 'getTerm',
    scope: 'glossary:read',
    summary: 'Get one term by slug',
    description:
      'Answers an `ETag`; with `If-None-Match` naming it, answers 304 without a body. `usedBy` ' +
      'lists where other services use the term (funnel stages and lost reasons); the ETag is the ' +
      "term's version, so a 304 does not say whether `usedBy` changed.",
    answers: {
      type: TermView,
      headers: {
        ETag: { description: 'The version, quoted', schema: { type: 'string', example: '"3"' } },
      },
    },
    problems: [400, 401, 403, 404],
  })
  @ApiHeader({ name: 'If-None-Match', required: false, example: '"1"' })
  @ApiResponse({ status: 304, description: 'Not modified: your copy is current' })
  async get(
    @Param() params: TermSlugDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView | undefined> {
    // Usually answered from the cache before this point (CachedTermReads); here on a miss.
    const cached = await this.cache.read(params.slug, () =>
      this.nats.request<TermView>(GlossarySubjects.GetTerm, params),
    );
    return answerConditionally(reply, cached, ifNoneMatch) ? undefined : cached.term;
  }

  @Route('POST', 'terms', {
    operationId: 'createTerm',
    scope: 'glossary:write',
    summary: 'Create a term',
    description:
      '409 when the slug is taken, by a live term or by a deleted one (restore that one instead: ' +
      'its history stays with its slug).',
    answers: {
      type: TermView,
      headers: {
        Location: { description: 'URL of the new term', schema: { type: 'string' } },
        ETag: { description: 'The version, quoted', schema: { type: 'string', example: '"1"' } },
      },
    },
    problems: [400, 401, 403, 409, 422],
  })
  async create(
    @Body() input: CreateTermDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView> {
    const term = await this.writes.forward<TermView>(GlossarySubjects.CreateTerm, input, caller);
    void reply.header('location', `/v1/glossary/terms/${term.slug}`);
    void reply.header('etag', termEntityTag(term.version));
    return term;
  }

  @Route('PATCH', 'terms/:slug', {
    operationId: 'updateTerm',
    scope: 'glossary:write',
    summary: 'Change some fields of a term',
    description:
      'Requires `If-Match` with the ETag you read: a stale one answers 412, none answers 428. ' +
      '`null` clears `details`, `category` or `replacedBy`. Links are mirrored on the linked terms. ' +
      'Deprecating a term in use needs `replacedBy` (409 naming the uses without it).',
    answers: {
      type: TermView,
      headers: {
        ETag: {
          description: 'The new version, quoted',
          schema: { type: 'string', example: '"4"' },
        },
      },
    },
    problems: [400, 401, 403, 404, 409, 412, 422, 428],
  })
  @ApiIfMatch(true)
  async update(
    @Param() { slug }: TermSlugDto,
    @Body() changes: UpdateTermDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView> {
    const term = await this.writes.forward<TermView>(
      GlossarySubjects.UpdateTerm,
      { slug, expectedVersion: expectedVersion(ifMatch), changes },
      caller,
    );
    void reply.header('etag', termEntityTag(term.version));
    return term;
  }

  @Route('DELETE', 'terms/:slug', {
    operationId: 'deleteTerm',
    status: 204,
    scope: 'glossary:write',
    summary: 'Delete a term',
    description:
      'Requires `If-Match`. Links to it and replacements by it are removed. Its revisions are ' +
      'kept (still readable) and it can be restored; its slug stays reserved for it until then. ' +
      'A term in use (`usedBy`, e.g. a funnel stage) needs `replacedBy`, a live term that takes ' +
      'over its uses: 409 naming the uses without it.',
    answers: { description: 'Deleted' },
    problems: [400, 401, 403, 404, 409, 412, 422, 428],
  })
  @ApiIfMatch(true)
  async delete(
    @Param() { slug }: TermSlugDto,
    @Query() { replacedBy }: DeleteTermQueryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.writes.forward(
      GlossarySubjects.DeleteTerm,
      { slug, expectedVersion: expectedVersion(ifMatch), replacedBy: replacedBy ?? null },
      caller,
    );
  }

  @Route('POST', 'terms/:slug/restore', {
    operationId: 'restoreTerm',
    status: 200,
    scope: 'glossary:write',
    summary: 'Restore a deleted term',
    description:
      'Brings the term back from its last revision, as a new revision (action `restored`). ' +
      'Links to terms deleted since are dropped. 409 when the slug is a live term, 404 when no ' +
      'term ever had it.',
    answers: {
      type: TermView,
      headers: {
        ETag: {
          description: 'The new version, quoted',
          schema: { type: 'string', example: '"4"' },
        },
      },
    },
    problems: [400, 401, 403, 404, 409, 422],
  })
  async restore(
    @Param() { slug }: TermSlugDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView> {
    const term = await this.writes.forward<TermView>(
      GlossarySubjects.RestoreTerm,
      { slug },
      caller,
    );
    void reply.header('etag', termEntityTag(term.version));
    return term;
  }

  @Route('GET', 'categories', {
    operationId: 'listGlossaryCategories',
    scope: 'glossary:read',
    summary: 'Categories in use, with how many terms each has',
    answers: CategoriesView,
    problems: [401, 403],
  })
  async categories(): Promise<CategoriesView> {
    const items = await this.nats.request<CategoryCountView[]>(GlossarySubjects.ListCategories, {});
    return { items };
  }
}
