import {
  DomainError,
  ErrorCode,
  IMPORT_ROWS_PER_REQUEST,
  MAX_IMPORT_CELL_LENGTH,
  MAX_IMPORT_ROWS,
} from '@sales-suite/contracts';
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

/** Where parsed rows go: the header first, then chunks of rows with the file row number of the first. */
export interface CsvSink {
  headers(headers: string[]): Promise<void>;
  rows(firstRowNumber: number, rows: string[][]): Promise<void>;
}

/** Keeps a chunk under NATS' 1 MB payload limit whatever the rows' widths. */
const MAX_CHUNK_CHARS = 512 * 1024;

/**
 * Streams a CSV file into a sink without holding it: the parser reads as the sink accepts
 * (each chunk is awaited before more is read), so memory stays at one chunk whatever the size.
 * Cells are cut at the longest value any field accepts; the service reports such rows as bad.
 * Answers the number of data rows.
 */
export async function streamCsv(file: Readable, sink: CsvSink): Promise<number> {
  const parser = file.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 1024 * 1024,
    }),
  );
  let width = 0;
  let dataRows = 0;
  let chunk: string[][] = [];
  let chunkChars = 0;
  let chunkStart = 2;
  const flush = async () => {
    if (chunk.length === 0) return;
    await sink.rows(chunkStart, chunk);
    chunkStart += chunk.length;
    chunk = [];
    chunkChars = 0;
  };
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (width === 0) {
        width = record.length;
        await sink.headers(record.map((header) => header.slice(0, 200)));
        continue;
      }
      if (++dataRows > MAX_IMPORT_ROWS)
        throw new DomainError(
          ErrorCode.CrmImportTooLarge,
          `An import takes at most ${MAX_IMPORT_ROWS} rows`,
          {
            maxRows: MAX_IMPORT_ROWS,
          },
        );
      const row = record.slice(0, width).map((cell) => cell.slice(0, MAX_IMPORT_CELL_LENGTH));
      chunk.push(row);
      chunkChars += row.reduce((sum, cell) => sum + cell.length + 3, 2);
      if (chunk.length >= IMPORT_ROWS_PER_REQUEST || chunkChars >= MAX_CHUNK_CHARS) await flush();
    }
  } catch (error) {
    file.resume(); // drain the rest of the upload so the client gets our answer
    if (error instanceof DomainError) throw error;
    const { message, lines } = error as Error & { lines?: number };
    throw new DomainError(ErrorCode.ValidationFailed, `The file is not valid CSV: ${message}`, {
      violations: [
        { field: 'file', reason: `not valid CSV${lines ? ` near line ${lines}` : ''}: ${message}` },
      ],
    });
  }
  if (width === 0)
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'The file is empty: a header row is required',
      {
        violations: [{ field: 'file', reason: 'the file has no header row' }],
      },
    );
  await flush();
  return dataRows;
}
