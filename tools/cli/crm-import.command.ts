import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { followJob } from './follow-job';
import { call, CliContext } from './gateway-call';

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

/**
 * `crm import <file.csv>`: uploads the file (streamed from disk), then shows a progress bar until
 * the import ends. Exit code 0 when it completed (even with bad rows, which are listed), 1 when
 * it failed or was refused.
 */
export async function crmImport(file: string, context: CliContext): Promise<number> {
  const form = new FormData();
  form.append('file', await openAsBlob(file, { type: 'text/csv' }), basename(file));
  const accepted = await call<{ id: string; status: string }>(context, '/v1/crm/imports', {
    method: 'POST',
    body: form,
  });
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
