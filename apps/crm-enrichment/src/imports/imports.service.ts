import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppendImportRowsDto,
  DomainError,
  ErrorCode,
  FinishImportDto,
  ImportErrorsPage,
  ImportErrorsPageDto,
  ImportPreviewView,
  ImportView,
  MAX_IMPORT_ROWS,
  PreviewImportDto,
  StartImportDto,
} from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { splitFullName } from '../rules/name.rules';
import { ImportWorker } from './import.worker';
import { ColumnTarget, mapColumns, mappingViolations, rowToInput, unsafeCell } from './csv-columns';
import { companyOfRow } from './rules/company-columns';
import { errorReportChunk, RowRejection } from './rules/error-report';
import { detectSource } from './rules/export-headers';

/**
 * An error report page: at most this many rows read, and CSV well under NATS' 1 MiB message
 * limit, so a report of any length is held in memory one page at a time.
 */
const ERROR_REPORT_PAGE_ROWS = 500;
const ERROR_REPORT_PAGE_BYTES = 256 * 1024;

interface ImportRow {
  id: string;
  status: ImportView['status'];
  file_name: string;
  columns: StoredColumns;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: ImportView['errors'];
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** How the file's columns are read, as stored with the job (imports before custom fields lack the last ones). */
export interface StoredColumns {
  mapped: Record<string, string>;
  columns: ColumnTarget[];
  headers?: string[];
  ignored?: string[];
  duplicated?: string[];
  /** `createLeads=true`: each imported contact is sent to the lead funnel (crm.contact.lead_requested). */
  createLeads?: boolean;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export function toImportView(row: ImportRow): ImportView {
  return {
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    columns: row.columns.mapped,
    ignoredColumns: row.columns.ignored ?? [],
    duplicatedColumns: row.columns.duplicated ?? [],
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    errors: row.errors,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

/**
 * Bulk import in three steps: `start` reads the header row (nothing is stored without an email
 * column; unknown columns are kept as custom fields), `rows` stages the file in chunks as it is uploaded, `finish` queues it for the worker.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly worker: ImportWorker,
  ) {}

  async start(dto: StartImportDto, actor: string): Promise<ImportView> {
    const mapping = this.mapping(dto);
    const columns: StoredColumns = {
      mapped: mapping.mapped,
      columns: mapping.columns,
      headers: dto.headers,
      ignored: mapping.ignored,
      duplicated: mapping.duplicated,
      createLeads: dto.createLeads === true,
    };
    const [row]: ImportRow[] = await this.dataSource.query(
      `INSERT INTO crm.imports (status, file_name, columns, actor) VALUES ('receiving', $1, $2, $3) RETURNING *`,
      [dto.fileName, JSON.stringify(columns), actor],
    );
    return toImportView(row);
  }

  /** The detected source, the mapping and the first rows as they would be read; writes nothing. */
  preview(dto: PreviewImportDto): ImportPreviewView {
    const mapping = this.mapping(dto);
    return {
      source: detectSource(dto.headers),
      columns: dto.headers.map((header, index) => ({
        header,
        field: mapping.columns[index],
        confidence: mapping.confidence[index],
      })),
      ignoredColumns: mapping.ignored,
      duplicatedColumns: mapping.duplicated,
      rows: dto.rows.map((cells, index) => {
        const row = index + 2;
        const unsafe = unsafeCell(cells, mapping.columns);
        if (unsafe) return { row, contact: {}, account: {}, custom: {}, error: unsafe };
        const { values, error } = rowToInput(cells, mapping.columns, dto.headers);
        const company = companyOfRow(values.company);
        const { fullName, ...input } = values.input;
        const name =
          typeof fullName === 'string' && !input.firstName && !input.lastName
            ? splitFullName(fullName)
            : {};
        return {
          row,
          contact: { ...input, ...name, ...values.phones },
          account: {
            ...(company.domain ? { domain: company.domain } : {}),
            ...Object.fromEntries(company.values.map(({ field, value }) => [field, value])),
          },
          custom: values.custom,
          error,
        };
      }),
    };
  }

  /** The file's columns as imported: a person's mapping checked, an email column required. */
  private mapping(dto: StartImportDto) {
    const violations = mappingViolations(dto.headers, dto.mapping ?? {});
    if (violations.length > 0)
      throw new DomainError(
        ErrorCode.CrmImportColumnsInvalid,
        `The mapping cannot be applied: ${violations.map((v) => `${v.field}: ${v.reason}`).join('; ')}`,
        { violations },
      );
    const mapping = mapColumns(dto.headers, dto.mapping);
    if (mapping.missing.length > 0)
      throw new DomainError(
        ErrorCode.CrmImportColumnsInvalid,
        `The file's columns cannot be imported: no column for email (e.g. "Email")`,
        {
          violations: [{ field: 'email', reason: 'no column for email (e.g. "Email")' }],
          recognised: mapping.mapped,
        },
      );
    return mapping;
  }

  async appendRows(dto: AppendImportRowsDto): Promise<{ received: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [job]: ImportRow[] = await manager.query(
        `SELECT * FROM crm.imports WHERE id = $1 FOR UPDATE`,
        [dto.importId],
      );
      this.requireReceiving(job, dto.importId);
      // A row PostgreSQL cannot store is staged as its rejection, reported in order by the worker.
      const staged = dto.rows.map((cells) => {
        const rejection = unsafeCell(cells, job.columns.columns);
        return rejection ? { cells: [], rejection } : { cells };
      });
      const inserted: unknown[] = await manager.query(
        `INSERT INTO crm.import_rows (import_id, row_number, cells, rejection)
         SELECT $1, $2::int + r.ordinality - 1, ARRAY(SELECT jsonb_array_elements_text(r.item->'cells')),
                r.item->'rejection'
         FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS r(item, ordinality)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [dto.importId, dto.firstRowNumber, JSON.stringify(staged)],
      );
      const total = job.total + inserted.length;
      if (total > MAX_IMPORT_ROWS)
        throw new DomainError(
          ErrorCode.CrmImportTooLarge,
          `An import takes at most ${MAX_IMPORT_ROWS} rows`,
          { maxRows: MAX_IMPORT_ROWS },
        );
      await manager.query(`UPDATE crm.imports SET total = $2 WHERE id = $1`, [dto.importId, total]);
      return { received: total };
    });
  }

  async finish(dto: FinishImportDto): Promise<ImportView> {
    if (dto.totalRows === 0)
      throw new DomainError(
        ErrorCode.Unprocessable,
        'Invalid input: file: the file has a header row only, no contacts',
        { violations: [{ field: 'file', reason: 'the file has a header row only, no contacts' }] },
      );
    const [rows]: [ImportRow[], number] = await this.dataSource.query(
      `UPDATE crm.imports SET status = 'queued' WHERE id = $1 AND status = 'receiving' AND total = $2 RETURNING *`,
      [dto.importId, dto.totalRows],
    );
    if (rows.length === 0) {
      const job = await this.find(dto.importId);
      this.requireReceiving(job, dto.importId);
      throw new DomainError(
        ErrorCode.Conflict,
        `The import received ${job.total} rows, not ${dto.totalRows}`,
        {
          received: job.total,
        },
      );
    }
    this.worker.wake();
    return toImportView(rows[0]);
  }

  /** The upload broke off: the staged rows go, the import is marked failed. */
  async abort(id: string, reason: string): Promise<ImportView> {
    const [rows]: [ImportRow[], number] = await this.dataSource.query(
      `UPDATE crm.imports SET status = 'failed', finished_at = now(),
         errors = jsonb_build_array(jsonb_build_object('row', 0, 'field', null, 'reason', $2::text))
       WHERE id = $1 AND status = 'receiving' RETURNING *`,
      [id, reason],
    );
    await this.dataSource.query(`DELETE FROM crm.import_rows WHERE import_id = $1`, [id]);
    return rows[0] ? toImportView(rows[0]) : this.get(id);
  }

  /** One page of the import's rejected rows as CSV, in row order, after `afterRow`. */
  async errorsPage({ id, afterRow }: ImportErrorsPageDto): Promise<ImportErrorsPage> {
    if (afterRow === undefined) await this.find(id); // an unknown import is a 404, not an empty report
    const rejections: RowRejection[] = await this.dataSource.query(
      `SELECT row_number AS "row", column_header AS "column", field, reason FROM crm.import_errors
       WHERE import_id = $1 AND row_number > $2 ORDER BY row_number LIMIT $3`,
      [id, afterRow ?? 0, ERROR_REPORT_PAGE_ROWS],
    );
    const { chunk, taken } = errorReportChunk(
      rejections,
      afterRow === undefined,
      ERROR_REPORT_PAGE_BYTES,
    );
    const more = taken < rejections.length || rejections.length === ERROR_REPORT_PAGE_ROWS;
    return { chunk, nextAfterRow: more ? rejections[taken - 1].row : null };
  }

  async get(id: string): Promise<ImportView> {
    return toImportView(await this.find(id));
  }

  private async find(id: string): Promise<ImportRow> {
    const [row]: ImportRow[] = await this.dataSource.query(
      `SELECT * FROM crm.imports WHERE id = $1`,
      [id],
    );
    if (!row)
      throw new DomainError(ErrorCode.CrmImportNotFound, `No import has the id ${id}`, { id });
    return row;
  }

  private requireReceiving(job: ImportRow | undefined, id: string): asserts job is ImportRow {
    if (!job)
      throw new DomainError(ErrorCode.CrmImportNotFound, `No import has the id ${id}`, { id });
    if (job.status !== 'receiving')
      throw new DomainError(
        ErrorCode.CrmImportNotReceiving,
        `The import is ${job.status}, no longer receiving rows`,
        {
          status: job.status,
        },
      );
  }
}
