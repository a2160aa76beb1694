import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { progressBar } from './progress-bar';

export interface CliContext {
  baseUrl: string;
  apiKey: string;
  out: NodeJS.WriteStream;
  pollMs: number;
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

async function call<T>(context: CliContext, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${context.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${context.apiKey}`, ...init.headers },
  });
  const text = await response.text();
  const body = text
    ? (JSON.parse(text) as T & { detail?: string; title?: string })
    : ({} as T & { detail?: string });
  if (!response.ok)
    throw new Error(`${response.status} ${(body as { detail?: string }).detail ?? text}`);
  return body;
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
  const interactive = context.out.isTTY === true;
  let last = '';
  for (;;) {
    const job = await call<ImportProgress>(context, `/v1/crm/imports/${accepted.id}`);
    const line = `${progressBar(job.processed, job.total)} ${job.status}`;
    if (interactive) context.out.write(`\r${line}`);
    else if (line !== last) context.out.write(`${line}\n`);
    last = line;
    if (job.status === 'completed' || job.status === 'failed') {
      if (interactive) context.out.write('\n');
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
    await new Promise((resolve) => setTimeout(resolve, context.pollMs));
  }
}
