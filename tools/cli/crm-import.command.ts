import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { followJob } from './follow-job';
import { call, CliContext } from './gateway-call';

export interface ImportOptions {
  /** Import without showing the mapping and asking. */
  yes: boolean;
  /** JSON: column header → field or `ignore`, as the API takes it. */
  mapping?: string;
}

interface ImportPreview {
  source: string;
  columns: { header: string; field: string | null; confidence: number }[];
  ignoredColumns: string[];
  duplicatedColumns: string[];
  rows: { row: number; error: { field: string; reason: string } | null }[];
}

interface ImportProgress {
  id: string;
  status: 'receiving' | 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; field: string | null; reason: string }[];
}

async function upload<T>(
  context: CliContext,
  path: string,
  file: string,
  mapping: string | undefined,
): Promise<T> {
  const form = new FormData();
  form.append('file', await openAsBlob(file, { type: 'text/csv' }), basename(file));
  const query = mapping ? `?mapping=${encodeURIComponent(mapping)}` : '';
  return call<T>(context, `${path}${query}`, { method: 'POST', body: form });
}

function describePreview(preview: ImportPreview): string {
  const width = Math.max(...preview.columns.map((column) => column.header.length));
  const lines = preview.columns.map(({ header, field, confidence }) => {
    const target =
      field === null
        ? 'custom field'
        : field === 'ignore'
          ? 'not imported'
          : `${field} (${Math.round(confidence * 100)}%)`;
    return `  ${header.padEnd(width)}  → ${target}`;
  });
  const failing = preview.rows.filter((row) => row.error).length;
  return [
    `Detected source: ${preview.source}`,
    'Columns:',
    ...lines,
    ...(failing ? [`${failing} of the first ${preview.rows.length} rows would fail`] : []),
    '',
  ].join('\n');
}

/**
 * `crm import <file> [--yes] [--mapping <json>]`: previews the file (detected source, column
 * mapping), asks before importing unless `--yes`, uploads it (streamed from disk), then shows a
 * progress bar until the import ends. Exit code 0 when it completed (even with bad rows, which are
 * listed), 1 when it failed, was refused or not confirmed.
 */
export async function crmImport(
  file: string,
  options: ImportOptions,
  context: CliContext,
): Promise<number> {
  if (!options.yes) {
    const preview = await upload<ImportPreview>(
      context,
      '/v1/crm/imports/preview',
      file,
      options.mapping,
    );
    context.out.write(describePreview(preview));
    if (!(await context.confirm(`Import ${basename(file)} with this mapping? [y/N] `))) {
      context.out.write('Not imported.\n');
      return 1;
    }
  }
  const accepted = await upload<{ id: string; status: string }>(
    context,
    '/v1/crm/imports',
    file,
    options.mapping,
  );
  context.out.write(`Import ${accepted.id} accepted\n`);
  const job = await followJob(
    context,
    () => call<ImportProgress>(context, `/v1/crm/imports/${accepted.id}`),
    (status) => status === 'completed' || status === 'failed',
  );
  context.out.write(
    `${job.status}: ${job.created} created, ${job.updated} updated, ${job.unchanged} unchanged, ${job.failed} failed\n`,
  );
  for (const error of job.errors.slice(0, 20))
    context.out.write(
      `  row ${error.row}${error.field ? ` (${error.field})` : ''}: ${error.reason}\n`,
    );
  if (job.errors.length > 20) context.out.write(`  … and ${job.errors.length - 20} more\n`);
  return job.status === 'completed' ? 0 : 1;
}
