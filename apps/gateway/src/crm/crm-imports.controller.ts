import { Logger, Param, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery } from '@nestjs/swagger';
import {
  CrmSubjects,
  DomainError,
  ErrorCode,
  ImportAcceptedView,
  ImportErrorsPage,
  ImportIdDto,
  IMPORT_PREVIEW_ROWS,
  ImportPreviewView,
  ImportView,
  withoutUnsafeText,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { Multipart } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentCaller } from '../auth/auth.decorators';
import type { Caller } from '../auth/api-keys.service';
import { Forward, Route, RoutesController } from '../routing/route.decorator';
import { streamCsv } from './csv-upload';

/** 100,000 rows of a wide export stay well under this. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const ONE_FILE_ONLY = new DomainError(
  ErrorCode.ValidationFailed,
  'Invalid input: file: send one file, in the field "file", and nothing else',
  {
    violations: [{ field: 'file', reason: 'send one file, in the field "file", and nothing else' }],
  },
);

/**
 * The next part of the upload, or null at its end. A body that is not well-formed multipart (no
 * boundary, cut short) or holds more parts than the one file is the caller's error: a 400.
 */
async function nextPart(parts: AsyncIterableIterator<Multipart>): Promise<Multipart | null> {
  try {
    const next = await parts.next();
    return next.done ? null : next.value;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError(
        ErrorCode.PayloadTooLarge,
        `The file is larger than ${MAX_UPLOAD_BYTES} bytes`,
      );
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw ONE_FILE_ONLY;
    const reason = `not a well-formed multipart/form-data body: ${message ?? 'unreadable'}`;
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid input: file: ${reason}`, {
      violations: [{ field: 'file', reason }],
    });
  }
}

/**
 * The optional `mapping` query parameter: JSON, column header → field or `ignore` (the service
 * checks the names). Anything else is the caller's error, a 400 naming `mapping`.
 */
function mappingOf(request: FastifyRequest): Record<string, string> | undefined {
  const raw = (request.query as Record<string, unknown> | undefined)?.mapping;
  if (raw === undefined) return undefined;
  let mapping: unknown;
  try {
    mapping = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    mapping = null;
  }
  if (
    typeof mapping !== 'object' ||
    mapping === null ||
    Array.isArray(mapping) ||
    !Object.values(mapping).every((target) => typeof target === 'string')
  ) {
    const reason = 'mapping must be a JSON object of column header → field name or "ignore"';
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid input: mapping: ${reason}`, {
      violations: [{ field: 'mapping', reason }],
    });
  }
  return mapping as Record<string, string>;
}

/** The optional `createLeads` query parameter: `true` or `false`, else a 400 naming it. */
function createLeadsOf(request: FastifyRequest): boolean | undefined {
  const raw = (request.query as Record<string, unknown> | undefined)?.createLeads;
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  const reason = 'createLeads must be true or false';
  throw new DomainError(ErrorCode.ValidationFailed, `Invalid input: createLeads: ${reason}`, {
    violations: [{ field: 'createLeads', reason }],
  });
}

const CREATE_LEADS_QUERY = {
  name: 'createLeads',
  required: false,
  description:
    'Also create one lead per contact in the lead funnel, at the stage the lifecycle column maps to (docs/crm.md), dated by the create-date column; a contact that already has a lead gets none',
  schema: { type: 'boolean', default: false },
};

const MAPPING_QUERY = {
  name: 'mapping',
  required: false,
  description:
    'JSON: column header → field (`email`, `firstName`, `companyDomain`, `lifecycleStage`, …) or `ignore`, overriding detection',
  schema: { type: 'string', example: '{"Work Email":"email","Notes":"ignore"}' },
};

/** The upload's one file part, or a 415/400 naming `file`. */
async function filePart(request: FastifyRequest) {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart())
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      'Send the CSV as multipart/form-data in the field "file"',
    );
  const parts = request.parts();
  const part = await nextPart(parts);
  if (part?.type !== 'file' || part.fieldname !== 'file')
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'Invalid input: file: the multipart field "file" is required',
      {
        violations: [{ field: 'file', reason: 'the multipart field "file" is required' }],
      },
    );
  return { parts, part, fileName: withoutUnsafeText(part.filename || 'upload.csv').slice(0, 255) };
}

@RoutesController('crm', 'v1/crm/imports')
export class CrmImportsController {
  private readonly logger = new Logger(CrmImportsController.name);

  constructor(private readonly nats: NatsRequester) {}

  @Route('POST', '', {
    operationId: 'importContacts',
    status: 202,
    scope: 'crm:write',
    summary: 'Import contacts from a CSV or XLSX file (multipart field `file`)',
    description:
      'Up to 100,000 rows, streamed to the service. Columns are matched case- and punctuation-insensitively with the headers of HubSpot, Salesforce, Pipedrive, Apollo, Sales Navigator and Close exports; unknown columns are listed in `ignoredColumns` and kept per contact as custom fields; company columns create or link the account. No email column, or a header row only → 422 before anything is imported. Rows are matched to contacts by normalised email, so re-importing a file changes nothing. Poll `GET /v1/crm/imports/{id}` for progress.',
    answers: ImportAcceptedView,
    problems: [400, 401, 403, 409, 413, 415, 422],
  })
  @ApiConsumes('multipart/form-data')
  @ApiQuery(MAPPING_QUERY)
  @ApiQuery(CREATE_LEADS_QUERY)
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  async upload(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportAcceptedView> {
    const mapping = mappingOf(request);
    const createLeads = createLeadsOf(request);
    const { parts, part, fileName } = await filePart(request);
    const actor = { actor: caller.name };
    let importId: string | null = null;
    try {
      const total = await streamCsv(part.file, {
        headers: async (headers) => {
          const started = await this.nats.request<ImportView>(
            CrmSubjects.StartImport,
            { fileName, headers, mapping, createLeads },
            actor,
          );
          importId = started.id;
        },
        rows: async (firstRowNumber, rows) => {
          await this.nats.request(
            CrmSubjects.AppendImportRows,
            { importId, firstRowNumber, rows },
            { ...actor, timeoutMs: 30000 },
          );
        },
      });
      if (part.file.truncated)
        throw new DomainError(
          ErrorCode.PayloadTooLarge,
          `The file is larger than ${MAX_UPLOAD_BYTES} bytes`,
        );
      if (await nextPart(parts)) throw ONE_FILE_ONLY;
      const finished = await this.nats.request<ImportView>(
        CrmSubjects.FinishImport,
        { importId, totalRows: total },
        actor,
      );
      return { id: finished.id, status: finished.status };
    } catch (error) {
      if (importId)
        await this.nats
          .request(CrmSubjects.AbortImport, { id: importId }, actor)
          .catch((abortError: Error) =>
            this.logger.warn(`Could not abort import ${importId}: ${abortError.message}`),
          );
      throw error;
    }
  }

  @Route('POST', 'preview', {
    operationId: 'previewContactImport',
    status: 200,
    scope: 'crm:read',
    summary: 'Preview a CSV import: detected source, column mapping and the first 20 rows',
    description:
      'The same upload as `POST /v1/crm/imports` (and the same `mapping`), read but not imported: nothing is written. Answers the detected source (HubSpot, Salesforce, Pipedrive, Apollo, Sales Navigator, Close or generic), each column with the field it fills and a confidence, the columns kept as custom fields, and the first 20 rows as they would be stored, with the reason a row would fail.',
    answers: ImportPreviewView,
    problems: [400, 401, 403, 413, 415, 422],
  })
  @ApiConsumes('multipart/form-data')
  @ApiQuery(MAPPING_QUERY)
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  async preview(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportPreviewView> {
    const mapping = mappingOf(request);
    const { parts, part, fileName } = await filePart(request);
    let headers: string[] = [];
    const rows: string[][] = [];
    // The whole file is read (so a broken one is refused as on import); only the first rows are kept.
    await streamCsv(part.file, {
      headers: async (names) => {
        headers = names;
      },
      rows: async (_first, chunk) => {
        rows.push(...chunk.slice(0, IMPORT_PREVIEW_ROWS - rows.length));
      },
    });
    if (part.file.truncated)
      throw new DomainError(
        ErrorCode.PayloadTooLarge,
        `The file is larger than ${MAX_UPLOAD_BYTES} bytes`,
      );
    if (await nextPart(parts)) throw ONE_FILE_ONLY;
    return this.nats.request<ImportPreviewView>(
      CrmSubjects.PreviewImport,
      { fileName, headers, rows, mapping },
      { actor: caller.name },
    );
  }

  @Forward('GET', ':id', CrmSubjects.GetImport, {
    operationId: 'getContactImport',
    scope: 'crm:read',
    summary: "An import's status and progress, with row errors",
    answers: ImportView,
    problems: [400, 401, 403, 404],
  })
  get(@Param() { id }: ImportIdDto) {
    return { id };
  }

  @Route('GET', ':id/errors.csv', {
    operationId: 'getContactImportErrors',
    scope: 'crm:read',
    summary: "An import's error report as CSV: every rejected row",
    description:
      "Columns `row,column,field,reason`: the row number in the file (the header is row 1), the header of the offending column when known, the contact field, and why the row was rejected. Every rejected row, not only the first 1,000 of the JSON view, in row order; RFC 4180 quoting, and cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) are prefixed with `'`. A failure of the whole import is in the JSON view, not here. Streamed page by page while the service reads it.",
    answers: {
      description: 'The report, as an attachment `import-<id>-errors.csv`',
      content: { 'text/csv': { schema: { type: 'string', example: 'row,column,field,reason' } } },
    },
    problems: [400, 401, 403, 404],
  })
  async errorReport(
    @Param() { id }: ImportIdDto,
    @CurrentCaller() caller: Caller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The first page is fetched before answering: an unknown import is still a problem+json 404.
    const first = await this.errorsPage(id, undefined, caller);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${id}-errors.csv"`)
      .send(Readable.from(this.errorPages(id, first, caller)));
  }

  private errorsPage(id: string, afterRow: number | undefined, caller: Caller) {
    return this.nats.request<ImportErrorsPage>(
      CrmSubjects.ImportErrorsPage,
      { id, ...(afterRow === undefined ? {} : { afterRow }) },
      { actor: caller.name },
    );
  }

  /** One page in memory at a time: the next is asked for once the reply has taken the last. */
  private async *errorPages(
    id: string,
    first: ImportErrorsPage,
    caller: Caller,
  ): AsyncGenerator<string> {
    let page = first;
    yield page.chunk;
    while (page.nextAfterRow !== null) {
      page = await this.errorsPage(id, page.nextAfterRow, caller);
      yield page.chunk;
    }
  }
}
