import { Headers, Param, Res } from '@nestjs/common';
import {
  GlossarySubjects,
  RevisionListView,
  RevisionRefDto,
  RevisionSummaryView,
  RevisionView,
  TermSlugDto,
  TermView,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { Caller } from '../auth/api-keys.service';
import { CurrentCaller } from '../auth/auth.decorators';
import { Forward, Route, RoutesController } from '../routing/route.decorator';
import { termEntityTag } from './entity-tag';
import { ApiIfMatch, expectedVersion, TermWrites } from './term-writes';

@RoutesController('glossary', 'v1/glossary/terms/:slug/revisions')
export class GlossaryRevisionsController {
  constructor(
    private readonly nats: NatsRequester,
    private readonly writes: TermWrites,
  ) {}

  @Route('GET', '', {
    operationId: 'listTermRevisions',
    scope: 'glossary:read',
    summary: "A term's revisions, oldest first",
    description: 'Who changed what and when, as field-level diffs; revision n made version n.',
    answers: RevisionListView,
    problems: [400, 401, 403, 404],
  })
  async revisions(@Param() params: TermSlugDto): Promise<RevisionListView> {
    const items = await this.nats.request<RevisionSummaryView[]>(
      GlossarySubjects.ListRevisions,
      params,
    );
    return { items };
  }

  @Forward('GET', ':n', GlossarySubjects.GetRevision, {
    operationId: 'getTermRevision',
    scope: 'glossary:read',
    summary: 'One revision, with the term as it left it',
    answers: RevisionView,
    problems: [400, 401, 403, 404],
  })
  revision(@Param() params: RevisionRefDto) {
    return params;
  }

  @Route('POST', ':n/restore', {
    operationId: 'restoreTermRevision',
    status: 200,
    scope: 'glossary:write',
    summary: "Make a revision's fields current again",
    description:
      'Writes a new version (history is kept). `If-Match` is optional here; when given, a stale ' +
      'one answers 412.',
    answers: TermView,
    problems: [400, 401, 403, 404, 412, 422],
  })
  @ApiIfMatch(false)
  async restore(
    @Param() params: RevisionRefDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView> {
    const term = await this.writes.forward<TermView>(
      GlossarySubjects.RestoreRevision,
      { ...params, expectedVersion: ifMatch === undefined ? null : expectedVersion(ifMatch) },
      caller,
    );
    void reply.header('etag', termEntityTag(term.version));
    return term;
  }
}
