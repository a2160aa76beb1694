import { Body, Headers, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces } from '@nestjs/swagger';
import {
  DomainError,
  ErrorCode,
  ExportQueryDto,
  GlossarySubjects,
  ImportQueryDto,
  ImportReportView,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Caller } from '../auth/api-keys.service';
import { CurrentCaller } from '../auth/auth.decorators';
import { Route, RoutesController } from '../routing/route.decorator';
import { TermWrites } from './term-writes';

const IMPORT_MAX_MESSAGE_BYTES = 900 * 1024;

/** Export pages are fetched from the service one after another while the response streams. */
interface ExportPage {
  chunk: string;
  nextAfter: string | null;
}

@RoutesController('glossary', 'v1/glossary')
export class GlossaryTransferController {
  constructor(
    private readonly nats: NatsRequester,
    private readonly writes: TermWrites,
  ) {}

  @Route('POST', 'import', {
    operationId: 'importGlossary',
    status: 200,
    scope: 'glossary:write',
    summary: 'Upsert terms by slug from JSON or CSV',
    description:
      'JSON: an array of terms (as created). CSV: the export columns. All rows or none: any ' +
      'invalid row answers 400 naming `rows.<n>.<field>`. `dryRun=true` reports without writing.',
    answers: ImportReportView,
    problems: [400, 401, 403, 413, 415, 422],
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
    return this.writes.forward<ImportReportView>(GlossarySubjects.Import, request, caller, 30_000);
  }

  @Route('GET', 'export', {
    operationId: 'exportGlossary',
    scope: 'glossary:read',
    summary: 'Every term, streamed as JSON or CSV',
    description: 'The CSV has the columns import accepts; list cells are `|`-separated.',
    answers: { description: 'All terms in slug order' },
    problems: [400, 401, 403],
  })
  @ApiProduces('application/json', 'text/csv')
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

function invalidJsonImport(): never {
  throw new DomainError(
    ErrorCode.ValidationFailed,
    'Invalid input: the body must be an array of terms',
    {
      violations: [{ field: 'body', reason: 'must be a JSON array of terms' }],
    },
  );
}
