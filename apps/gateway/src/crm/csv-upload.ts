import {
  DomainError,
  ErrorCode,
  IMPORT_ROWS_PER_REQUEST,
  MAX_IMPORT_CELL_LENGTH,
  MAX_IMPORT_ROWS,
} from '@sales-suite/contracts';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { cellText, SpreadsheetValue } from './domain/cell-text';
import { sniffFileForm, sniffSeparator, TextEncoding } from './domain/file-form';
import { ExportTextDecoder } from './domain/text-decoding';

/** Where parsed rows go: the header first, then chunks of rows with the file row number of the first. */
export interface CsvSink {
  headers(headers: string[]): Promise<void>;
  rows(firstRowNumber: number, rows: string[][]): Promise<void>;
}

/** Keeps a chunk under NATS' 1 MB payload limit whatever the rows' widths. */
const MAX_CHUNK_CHARS = 512 * 1024;

/** Bytes read before deciding what the file is: enough for a header line and a fair sample. */
const HEAD_BYTES = 64 * 1024;

/** One record of the file and its row number as the person sees it (the header is row 1). */
interface FileRecord {
  row: number;
  cells: string[];
}

/** A 422 naming what is wrong with the file as a whole. */
function unreadable(reason: string): DomainError {
  return new DomainError(
    ErrorCode.CrmImportFileUnreadable,
    `The file cannot be imported: ${reason}`,
    {
      violations: [{ field: 'file', reason }],
    },
  );
}

/**
 * Streams a contacts file — delimited text (comma, semicolon, tab or pipe; UTF-8 with or without
 * BOM, UTF-16 with BOM, Windows-1252) or an XLSX workbook's first sheet — into a sink without
 * holding it: records are read as the sink accepts them (each chunk is awaited before more is
 * read), so memory stays at one chunk whatever the size. Cells are cut at the longest value any
 * field accepts; the service reports such rows as bad. Blank rows are skipped, the next rows keep
 * their numbers. Answers the number of data rows.
 */
export async function streamCsv(file: Readable, sink: CsvSink): Promise<number> {
  const bytes = file.iterator({ destroyOnReturn: false }) as AsyncIterableIterator<Buffer>;
  try {
    const head = await readHead(bytes);
    const form = sniffFileForm(head);
    if (form.kind === 'refused') throw unreadable(form.reason);
    const rest = replay(head, bytes);
    const records =
      form.kind === 'xlsx' ? xlsxRecords(rest) : delimitedRecords(rest, form.encoding);
    const total = await sendRecords(records, sink);
    await discardRest(bytes); // the ZIP reader stops at the archive's directory
    return total;
  } catch (error) {
    // read the rest of the upload so the client gets our answer
    discardRest(bytes).catch(() => undefined); // a client gone mid-upload has no answer to get
    // Ours and the sink's pass as they are; csv-parse's codes do not all start with CSV_ (INVALID_OPENING_QUOTE).
    if (!(error instanceof CsvError)) throw error;
    const { message, lines } = error as CsvError & { lines?: number };
    throw unreadable(`not valid CSV${lines ? ` near line ${lines}` : ''}: ${message}`);
  }
}

/**
 * Reads the rest of the upload, unused: busboy moves on (and the answer is sent) only then. Not
 * `file.resume()`: that does nothing while the iterator still listens for 'readable'.
 */
async function discardRest(bytes: AsyncIterator<Buffer>): Promise<void> {
  while (!(await bytes.next()).done);
}

/** The file's first bytes (fewer when it is shorter). */
async function readHead(bytes: AsyncIterator<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < HEAD_BYTES) {
    const next = await bytes.next();
    if (next.done) break;
    chunks.push(next.value);
    length += next.value.length;
  }
  return Buffer.concat(chunks);
}

/** The whole upload again: the head already read, then the rest as it comes. */
async function* replay(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length) yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Records of delimited text, decoded as it streams, split at the separator its header uses. */
async function* delimitedRecords(
  bytes: AsyncGenerator<Buffer>,
  encoding: TextEncoding,
): AsyncGenerator<FileRecord> {
  const decoder = new ExportTextDecoder(encoding);
  const first = await bytes.next();
  const start = first.done ? '' : decoder.write(first.value);
  async function* text(): AsyncGenerator<string> {
    if (start) yield start;
    for await (const chunk of bytes) {
      const decoded = decoder.write(chunk);
      if (decoded) yield decoded;
    }
    const last = decoder.end();
    if (last) yield last;
  }
  const parser = Readable.from(text()).pipe(
    parse({
      delimiter: sniffSeparator(start),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 1024 * 1024,
    }),
  );
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) yield { row: ++row, cells };
}

/**
 * The first sheet of a workbook, streamed by exceljs: rows are read as they are used and the
 * shared-strings table (the workbook's distinct texts) is the only thing held whole; sheets
 * stored before that table in the ZIP (Excel writes them so) are spooled uncompressed to a
 * temporary file by exceljs, not kept in memory. exceljs removes such a file only once it has
 * read it, so the workbook is always read to its end: later sheets, and the rest of a workbook
 * whose rows stopped being taken (a refused header, too many rows), are read through unused.
 */
async function* xlsxRecords(bytes: AsyncGenerator<Buffer>): AsyncGenerator<FileRecord> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // tells dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const worksheets = workbook[Symbol.asyncIterator]();
  let rows: AsyncIterator<ExcelJS.Row> | null = null;
  let sheets = 0;
  let readToEnd = false;
  try {
    for (let sheet = await worksheets.next(); !sheet.done; sheet = await worksheets.next()) {
      const first = sheets++ === 0;
      rows = sheet.value[Symbol.asyncIterator]();
      for (let row = await rows.next(); !row.done; row = await rows.next()) {
        if (!first) continue;
        const values = row.value.values as SpreadsheetValue[];
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) =>
          cellText(values[i + 1]),
        );
        yield { row: row.value.number, cells };
      }
    }
    readToEnd = true;
  } catch {
    readToEnd = true;
    throw unreadable('the file is a ZIP archive but not a readable XLSX workbook');
  } finally {
    if (!readToEnd) await readThrough(rows, worksheets);
  }
  if (sheets === 0)
    throw unreadable('the file is a ZIP archive but not an XLSX workbook (no worksheet)');
}

/** The rest of a workbook whose rows are no longer wanted, read so that exceljs cleans up. */
async function readThrough(
  rows: AsyncIterator<unknown> | null,
  worksheets: AsyncIterator<AsyncIterable<unknown>>,
): Promise<void> {
  try {
    if (rows) while (!(await rows.next()).done);
    for (let sheet = await worksheets.next(); !sheet.done; sheet = await worksheets.next())
      for await (const row of sheet.value) void row;
  } catch {
    // the upload is being refused already; a broken rest changes nothing
  }
}

/** Sends the header with the first data row (a file with no data starts no import), then the rows. */
async function sendRecords(records: AsyncIterable<FileRecord>, sink: CsvSink): Promise<number> {
  let headers: string[] | null = null;
  let started = false;
  let dataRows = 0;
  let chunk: string[][] = [];
  let chunkChars = 0;
  let chunkStart = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    await sink.rows(chunkStart, chunk);
    chunk = [];
    chunkChars = 0;
  };
  for await (const { row, cells } of records) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (!headers) {
      let width = cells.length;
      while (cells[width - 1].trim() === '') width--; // a trailing separator names no column
      headers = cells.slice(0, width).map((header) => header.slice(0, 200));
      continue;
    }
    if (++dataRows > MAX_IMPORT_ROWS)
      throw new DomainError(
        ErrorCode.CrmImportTooLarge,
        `An import takes at most ${MAX_IMPORT_ROWS} rows`,
        { maxRows: MAX_IMPORT_ROWS },
      );
    if (!started) {
      await sink.headers(headers);
      started = true;
    }
    if (chunk.length > 0 && row !== chunkStart + chunk.length) await flush();
    if (chunk.length === 0) chunkStart = row;
    const cut = cells.slice(0, headers.length).map((cell) => cell.slice(0, MAX_IMPORT_CELL_LENGTH));
    chunk.push(cut);
    chunkChars += cut.reduce((sum, cell) => sum + cell.length + 3, 2);
    if (chunk.length >= IMPORT_ROWS_PER_REQUEST || chunkChars >= MAX_CHUNK_CHARS) await flush();
  }
  if (!headers) throw unreadable('the file has no header row');
  if (dataRows === 0) throw unreadable('the file has a header row only: no contacts to import');
  await flush();
  return dataRows;
}
