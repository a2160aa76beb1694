import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  AnnotateDto,
  AnnotateResultView,
  CategoriesView,
  CategoryCountView,
  CreateTermDto,
  DomainError,
  ErrorCode,
  ExportQueryDto,
  GlossarySubjects,
  ImportQueryDto,
  ImportReportView,
  ListTermsQueryDto,
  Page,
  RevisionListView,
  RevisionRefDto,
  RevisionSummaryView,
  RevisionView,
  SearchQueryDto,
  SearchResultView,
  SuggestQueryDto,
  SuggestResultView,
  TermPageView,
  TermSlugDto,
  TermView,
  UpdateTermDto,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Caller } from '../auth/api-keys.service';
import { CurrentCaller, RequireScopes } from '../auth/auth.decorators';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';
import { notModified, parseIfMatch, termEntityTag } from './entity-tag';
import { TermCache } from './term-cache';

const IMPORT_MAX_MESSAGE_BYTES = 900 * 1024;

const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: true,
  description: 'The ETag of the version you edited (`"3"`), or `*` for any version.',
  example: '"1"',
};

/** Export pages are fetched from the service one after another while the response streams. */
interface ExportPage {
  chunk: string;
  nextAfter: string | null;
}

@ApiTags('glossary')
@ApiBearerAuth()
@Controller('v1/glossary')
export class GlossaryController {
  constructor(
    private readonly nats: NatsRequester,
    private readonly cache: TermCache,
  ) {}

  /** Forwards a change, then drops cached terms: it may have touched linked terms too. */
  private async write<T>(subject: string, data: unknown, caller: Caller, timeoutMs?: number) {
    try {
      return await this.nats.request<T>(subject, data, { actor: caller.name, timeoutMs });
    } finally {
      this.cache.clear();
    }
  }

  @Get('terms')
  @RequireScopes('glossary:read')
  @ApiOperation({
    summary: 'List terms',
    description: 'Slug order, cursor pagination, optional filters.',
  })
  @ApiOkResponse({ type: TermPageView })
  @ApiRoutedProblemResponses(400, 401, 403)
  list(@Query() query: ListTermsQueryDto): Promise<Page<TermView>> {
    return this.nats.request(GlossarySubjects.ListTerms, query);
  }

  @Get('terms/:slug')
  @RequireScopes('glossary:read')
  @ApiOperation({
    summary: 'Get one term by slug',
    description: 'Answers an `ETag`; with `If-None-Match` naming it, answers 304 without a body.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, example: '"1"' })
  @ApiOkResponse({ type: TermView, headers: { ETag: { description: 'The version, quoted' } } })
  @ApiResponse304()
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  async get(
    @Param() params: TermSlugDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView | undefined> {
    // Usually answered from the cache before this point (CachedTermReads); here on a miss.
    let term = this.cache.get(params.slug)?.term;
    if (!term) {
      const generation = this.cache.currentGeneration;
      term = await this.nats.request<TermView>(GlossarySubjects.GetTerm, params);
      this.cache.set(term, generation);
    }
    const etag = termEntityTag(term.version);
    void reply.header('etag', etag);
    if (notModified(ifNoneMatch, etag)) {
      void reply.status(304);
      return undefined;
    }
    return term;
  }

  @Post('terms')
  @RequireScopes('glossary:write')
  @ApiOperation({ summary: 'Create a term' })
  @ApiCreatedResponse({
    type: TermView,
    headers: { Location: { description: 'URL of the new term' }, ETag: { description: '"1"' } },
  })
  @ApiRoutedProblemResponses(400, 401, 403, 409, 422)
  async create(
    @Body() input: CreateTermDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView> {
    const term = await this.write<TermView>(GlossarySubjects.CreateTerm, input, caller);
    void reply.header('location', `/v1/glossary/terms/${term.slug}`);
    void reply.header('etag', termEntityTag(term.version));
    return term;
  }

  @Patch('terms/:slug')
  @RequireScopes('glossary:write')
  @ApiOperation({
    summary: 'Change some fields of a term',
    description:
      'Requires `If-Match` with the ETag you read: a stale one answers 412, none answers 428. ' +
      '`null` clears `details`, `category` or `replacedBy`. Links are mirrored on the linked terms.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: TermView, headers: { ETag: { description: 'The new version' } } })
  @ApiRoutedProblemResponses(400, 401, 403, 404, 412, 422, 428)
  async update(
    @Param() { slug }: TermSlugDto,
    @Body() changes: UpdateTermDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView> {
    const term = await this.write<TermView>(
      GlossarySubjects.UpdateTerm,
      { slug, expectedVersion: expectedVersion(ifMatch), changes },
      caller,
    );
    void reply.header('etag', termEntityTag(term.version));
    return term;
  }

  @Delete('terms/:slug')
  @HttpCode(204)
  @RequireScopes('glossary:write')
  @ApiOperation({
    summary: 'Delete a term',
    description: 'Requires `If-Match`. Links to it and replacements by it are removed.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiRoutedProblemResponses(400, 401, 403, 404, 412, 428)
  async delete(
    @Param() { slug }: TermSlugDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.write(
      GlossarySubjects.DeleteTerm,
      { slug, expectedVersion: expectedVersion(ifMatch) },
      caller,
    );
  }

  @Get('categories')
  @RequireScopes('glossary:read')
  @ApiOperation({ summary: 'Categories in use, with how many terms each has' })
  @ApiOkResponse({ type: CategoriesView })
  @ApiRoutedProblemResponses(401, 403)
  async categories(): Promise<CategoriesView> {
    const items = await this.nats.request<CategoryCountView[]>(GlossarySubjects.ListCategories, {});
    return { items };
  }

  @Get('terms/:slug/revisions')
  @RequireScopes('glossary:read')
  @ApiOperation({
    summary: "A term's revisions, oldest first",
    description: 'Who changed what and when, as field-level diffs; revision n made version n.',
  })
  @ApiOkResponse({ type: RevisionListView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  async revisions(@Param() params: TermSlugDto): Promise<RevisionListView> {
    const items = await this.nats.request<RevisionSummaryView[]>(
      GlossarySubjects.ListRevisions,
      params,
    );
    return { items };
  }

  @Get('terms/:slug/revisions/:n')
  @RequireScopes('glossary:read')
  @ApiOperation({ summary: 'One revision, with the term as it left it' })
  @ApiOkResponse({ type: RevisionView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  revision(@Param() params: RevisionRefDto): Promise<RevisionView> {
    return this.nats.request(GlossarySubjects.GetRevision, params);
  }

  @Post('terms/:slug/revisions/:n/restore')
  @HttpCode(200)
  @RequireScopes('glossary:write')
  @ApiOperation({
    summary: "Make a revision's fields current again",
    description:
      'Writes a new version (history is kept). `If-Match` is optional here; when given, a stale ' +
      'one answers 412.',
  })
  @ApiHeader({ ...IF_MATCH_HEADER, required: false })
  @ApiOkResponse({ type: TermView })
  @ApiRoutedProblemResponses(400, 401, 403, 404, 412, 422)
  async restore(
    @Param() params: RevisionRefDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView> {
    const term = await this.write<TermView>(
      GlossarySubjects.RestoreRevision,
      { ...params, expectedVersion: ifMatch === undefined ? null : expectedVersion(ifMatch) },
      caller,
    );
    void reply.header('etag', termEntityTag(term.version));
    return term;
  }

  @Get('search')
  @RequireScopes('glossary:read')
  @ApiOperation({
    summary: 'Ranked, typo-tolerant search',
    description:
      'Exact name or alias first, then prefix matches, then weighted full text (name A, ' +
      'aliases B, definition C, details D), then trigram similarity for typos (`champoin`).',
  })
  @ApiOkResponse({ type: SearchResultView })
  @ApiRoutedProblemResponses(400, 401, 403)
  search(@Query() query: SearchQueryDto): Promise<SearchResultView> {
    return this.nats.request(GlossarySubjects.Search, query);
  }

  @Get('suggest')
  @RequireScopes('glossary:read')
  @ApiOperation({ summary: 'Autocomplete: terms whose name or alias starts with the prefix' })
  @ApiOkResponse({ type: SuggestResultView })
  @ApiRoutedProblemResponses(400, 401, 403)
  suggest(@Query() query: SuggestQueryDto): Promise<SuggestResultView> {
    return this.nats.request(GlossarySubjects.Suggest, query);
  }

  @Post('annotate')
  @HttpCode(200)
  @RequireScopes('glossary:read')
  @ApiOperation({
    summary: 'Find every term mentioned in a text',
    description:
      'Names, aliases and hidden labels; case-insensitive, on word boundaries, the longest ' +
      'mention winning where two overlap. Offsets are UTF-16 code units (JavaScript indices).',
  })
  @ApiOkResponse({ type: AnnotateResultView })
  @ApiRoutedProblemResponses(400, 401, 403)
  annotate(@Body() input: AnnotateDto): Promise<AnnotateResultView> {
    return this.nats.request(GlossarySubjects.Annotate, input);
  }

  @Post('import')
  @HttpCode(200)
  @RequireScopes('glossary:write')
  @ApiOperation({
    summary: 'Upsert terms by slug from JSON or CSV',
    description:
      'JSON: an array of terms (as created). CSV: the export columns. All rows or none: any ' +
      'invalid row answers 400 naming `rows.<n>.<field>`. `dryRun=true` reports without writing.',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'array', items: { $ref: '#/components/schemas/CreateTermDto' } },
        { type: 'string', example: 'slug,name,definition\nnet-revenue,Net Revenue,Revenue after…' },
      ],
    },
  })
  @ApiOkResponse({ type: ImportReportView })
  @ApiRoutedProblemResponses(400, 401, 403, 413, 415, 422)
  import(
    @Body() body: unknown,
    @Query() query: ImportQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportReportView> {
    const dryRun = query.dryRun ?? false;
    const request = (contentType ?? '').startsWith('text/csv')
      ? { format: 'csv', csv: body, dryRun }
      : { format: 'json', rows: Array.isArray(body) ? body : invalidJsonImport(), dryRun };
    // The request travels as one NATS message (1 MiB by default).
    if (Buffer.byteLength(JSON.stringify(request)) > IMPORT_MAX_MESSAGE_BYTES)
      throw new DomainError(
        ErrorCode.PayloadTooLarge,
        `An import is at most ${IMPORT_MAX_MESSAGE_BYTES} bytes once encoded: split it`,
      );
    return this.write<ImportReportView>(GlossarySubjects.Import, request, caller, 30_000);
  }

  @Get('export')
  @RequireScopes('glossary:read')
  @ApiOperation({
    summary: 'Every term, streamed as JSON or CSV',
    description: 'The CSV has the columns import accepts; list cells are `|`-separated.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'All terms in slug order' })
  @ApiRoutedProblemResponses(400, 401, 403)
  async export(@Query() query: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const format = query.format ?? 'json';
    // The first page is fetched before answering, so an unavailable service is still a problem+json.
    const first = await this.exportPage(format, null);
    const pages = this.exportPages(format, first);
    await reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json')
      .header('content-disposition', `attachment; filename="glossary.${format}"`)
      .send(Readable.from(pages));
  }

  private exportPage(format: string, after: string | null): Promise<ExportPage> {
    return this.nats.request<ExportPage>(GlossarySubjects.ExportPage, {
      format,
      ...(after ? { after } : {}),
    });
  }

  private async *exportPages(format: string, first: ExportPage): AsyncGenerator<string> {
    let page = first;
    yield page.chunk;
    while (page.nextAfter) {
      page = await this.exportPage(format, page.nextAfter);
      yield page.chunk;
    }
  }
}

function ApiResponse304() {
  return ApiResponse({ status: 304, description: 'Not modified: your copy is current' });
}

/** The version an If-Match header names (null for `*`); missing is 428, unmatchable 412. */
function expectedVersion(ifMatch: string | undefined): number | null {
  const parsed = parseIfMatch(ifMatch);
  switch (parsed.kind) {
    case 'missing':
      throw new DomainError(
        ErrorCode.PreconditionRequired,
        'This change needs an If-Match header with the ETag of the version you edited',
        { violations: [{ field: 'If-Match', reason: 'header is required' }] },
      );
    case 'unmatchable':
      throw new DomainError(ErrorCode.PreconditionFailed, parsed.reason, {
        violations: [{ field: 'If-Match', reason: parsed.reason }],
      });
    case 'any':
      return null;
    case 'version':
      return parsed.version;
  }
}

function invalidJsonImport(): never {
  throw new DomainError(
    ErrorCode.ValidationFailed,
    'Invalid input: the body must be an array of terms',
    {
      violations: [{ field: 'body', reason: 'must be a JSON array of terms' }],
    },
  );
}
