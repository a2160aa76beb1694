import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { type components, formData } from '@sales-suite/client';
import { followJob } from './follow-job';
import { answered, CliContext } from './gateway-call';

export interface ImportOptions {
  /** Import without showing the mapping and asking. */
  yes: boolean;
  /** JSON: column header → field or `ignore`, as the API takes it. */
  mapping?: string;
}

type ImportPreview = components['schemas']['ImportPreviewView'];

/** The file as a form part named after it, streamed from disk. */
async function filePart(file: string): Promise<File> {
  return new File([await openAsBlob(file, { type: 'text/csv' })], basename(file), {
    type: 'text/csv',
  });
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
  const query = { mapping: options.mapping };
  if (!options.yes) {
    const preview = await answered(
      context.api.POST('/v1/crm/imports/preview', {
        params: { query },
        body: { file: await filePart(file) },
        bodySerializer: formData,
      }),
    );
    context.out.write(describePreview(preview));
    if (!(await context.confirm(`Import ${basename(file)} with this mapping? [y/N] `))) {
      context.out.write('Not imported.\n');
      return 1;
    }
  }
  const accepted = await answered(
    context.api.POST('/v1/crm/imports', {
      params: { query },
      body: { file: await filePart(file) },
      bodySerializer: formData,
    }),
  );
  context.out.write(`Import ${accepted.id} accepted\n`);
  const job = await followJob(
    context,
    () =>
      answered(context.api.GET('/v1/crm/imports/{id}', { params: { path: { id: accepted.id } } })),
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
