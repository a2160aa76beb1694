import { followJob } from './follow-job';
import { answered, CliContext } from './gateway-call';

/**
 * `leads rescore`: a re-score runs when a scoring model is saved, so this saves the current model
 * again as the next version (same rules), then shows a progress bar until its job ends. Exit code
 * 0 when it completed, 1 when it failed or a newer model superseded it.
 */
export async function leadsRescore(context: CliContext): Promise<number> {
  const current = await answered(context.api.GET('/v1/scoring/model'));
  const saved = await answered(context.api.PUT('/v1/scoring/model', { body: current.model }));
  const jobId = saved.rescoreJobId;
  // Saving a model always starts a re-score; only the GET answer has no job.
  if (!jobId) throw new Error('the gateway started no re-score job');
  context.out.write(
    `Re-score ${jobId} started (model version ${saved.version}, the rules of version ${current.version})\n`,
  );
  const job = await followJob(
    context,
    () => answered(context.api.GET('/v1/scoring/jobs/{id}', { params: { path: { id: jobId } } })),
    (status) => status !== 'running',
  );
  context.out.write(
    `${job.status}: ${job.processed} leads re-scored${job.error ? ` (${job.error})` : ''}\n`,
  );
  return job.status === 'completed' ? 0 : 1;
}
