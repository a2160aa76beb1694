import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateTermDto,
  DomainError,
  ErrorCode,
  FieldViolation,
  findUnsafeInput,
  ImportOutcomeView,
  ImportReportView,
  ImportRequestDto,
  IMPORT_MAX_ROWS,
  toFieldViolations,
  validationFailed,
} from '@sales-suite/contracts';
import { OutboxRelayService } from '@sales-suite/persistence';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { newTermFields } from '../terms/term-fields';
import { TermWriter } from '../terms/term-writer';
import { TermsVersion } from '../terms/terms-version';
import { withInverseLinks } from './import-links';
import { parseTermsCsv } from './term-csv';

interface ValidRow {
  row: number;
  input: CreateTermDto;
}

/**
 * Upserts terms by slug, all rows or none. Every row is validated first (errors name the row);
 * then, in one transaction, new terms are created without their links, so that rows may link
 * to terms further down, and every row's full state is written. A dry run does all of it and
 * rolls back, so it reports exactly what a real run would do, 422s included.
 */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: TermWriter,
    private readonly relay: OutboxRelayService,
    private readonly version: TermsVersion,
  ) {}

  async import(request: ImportRequestDto, actor: string): Promise<ImportReportView> {
    const rows = request.format === 'csv' ? parseTermsCsv(request.csv ?? '') : (request.rows ?? []);
    if (rows.length > IMPORT_MAX_ROWS)
      throw validationFailed([{ field: 'rows', reason: `at most ${IMPORT_MAX_ROWS} rows` }]);
    const valid = withInverseLinks(
      validateRows(rows).map(({ row, input }) => ({
        row,
        slug: input.slug,
        relations: input.relations,
        input,
      })),
    ).map(({ row, relations, input }) => ({ row, input: { ...input, relations } }));
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const outcomes = await this.apply(runner.manager, valid, actor);
      if (request.dryRun) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      if (!request.dryRun) {
        this.relay.publishSoon();
        this.version.moved('local-change');
      }
      const count = (outcome: ImportOutcomeView['outcome']) =>
        outcomes.filter((row) => row.outcome === outcome).length;
      return {
        dryRun: request.dryRun,
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        rows: outcomes,
      };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async apply(
    manager: EntityManager,
    rows: ValidRow[],
    actor: string,
  ): Promise<ImportOutcomeView[]> {
    const existing = await this.writer.lock(
      manager,
      rows.map(({ input }) => input.slug),
    );
    for (const { row, input } of rows) {
      if (existing.has(input.slug)) continue;
      const { slug, ...fields } = input;
      await atRow(row, () =>
        this.writer.write(
          manager,
          slug,
          null,
          { ...newTermFields(fields), relations: [], replacedBy: null },
          { actor, action: 'imported' },
        ),
      );
    }
    const outcomes: ImportOutcomeView[] = [];
    for (const { row, input } of rows) {
      const { slug, ...fields } = input;
      // Re-read: earlier rows may have changed this term's links.
      const current = await this.writer.lockOne(manager, slug);
      const result = await atRow(row, () =>
        this.writer.write(manager, slug, current, newTermFields(fields), {
          actor,
          action: 'imported',
        }),
      );
      outcomes.push({
        row,
        slug,
        outcome: !existing.has(slug) ? 'created' : result.changed ? 'updated' : 'unchanged',
      });
    }
    return outcomes;
  }
}

/** Each row as a CreateTermDto; every invalid row reported (`rows.<n>.<field>`), none applied. */
function validateRows(rows: unknown[]): ValidRow[] {
  const violations: FieldViolation[] = [];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      violations.push({ field: `rows.${row}`, reason: 'must be an object' });
      return;
    }
    // A CSV is checked here, row by row; a JSON import was checked whole by the validation pipe.
    const unsafe = findUnsafeInput(raw);
    if (unsafe.length > 0) {
      violations.push(
        ...unsafe.map(({ field, reason }) => ({ field: `rows.${row}.${field}`, reason })),
      );
      return;
    }
    const input = plainToInstance(CreateTermDto, raw);
    const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      violations.push(
        ...toFieldViolations(errors).map((violation) => ({
          field: `rows.${row}.${violation.field}`,
          reason: violation.reason,
        })),
      );
      return;
    }
    const first = seen.get(input.slug);
    if (first !== undefined) {
      violations.push({
        field: `rows.${row}.slug`,
        reason: `"${input.slug}" is already row ${first}`,
      });
      return;
    }
    seen.set(input.slug, row);
    valid.push({ row, input });
  });
  if (violations.length > 0) throw validationFailed(violations);
  return valid;
}

/** Names the row in a domain error raised while writing it. */
async function atRow<T>(row: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === ErrorCode.Internal) throw error;
    throw new DomainError(error.code, `row ${row}: ${error.message}`, {
      ...error.details,
      row,
      violations: (error.details?.violations ?? []).map((violation) => ({
        field: `rows.${row}.${violation.field}`,
        reason: violation.reason,
      })),
    });
  }
}
