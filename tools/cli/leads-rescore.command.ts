import { followJob } from './follow-job';
import { call, CliContext } from './gateway-call';

interface RescoreProgress {
  id: string;
  modelVersion: number;
  status: 'running' | 'completed' | 'superseded' | 'failed';
  total: number;
  processed: number;
  error: string | null;
}

/**
 * `leads rescore`: a re-score runs when a scoring model is saved, so this saves the current model
 * again as the next version (same rules), then shows a progress bar until its job ends. Exit code
 * 0 when it completed, 1 when it failed or a newer model superseded it.
 */
export async function leadsRescore(context: CliContext): Promise<number> {
  const current = await call<{ version: number; model: unknown }>(context, '/v1/scoring/model');
  const saved = await call<{ version: number; rescoreJobId: string }>(
    context,
    '/v1/scoring/model',
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(current.model),
    },
  );
  context.out.write(
    `Re-score ${saved.rescoreJobId} started (model version ${saved.version}, the rules of version ${current.version})\n`,
  );
  const job = await followJob(
    context,
    () => call<RescoreProgress>(context, `/v1/scoring/jobs/${saved.rescoreJobId}`),
    (status) => status !== 'running',
  );
  context.out.write(
    `${job.status}: ${job.processed} leads re-scored${job.error ? ` (${job.error})` : ''}\n`,
  );
  return job.status === 'completed' ? 0 : 1;
}
