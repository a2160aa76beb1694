import type { CliContext } from './gateway-call';
import { progressBar } from './progress-bar';

export interface JobProgress {
  status: string;
  total: number;
  processed: number;
}

/**
 * Polls a background job until `ended(status)`, showing its progress: one bar redrawn in place
 * on a terminal, a plain line per change otherwise (logs, pipes). Answers the last reading.
 */
export async function followJob<J extends JobProgress>(
  context: CliContext,
  read: () => Promise<J>,
  ended: (status: J['status']) => boolean,
): Promise<J> {
  const interactive = context.out.isTTY === true;
  let last = '';
  for (;;) {
    const job = await read();
    const line = `${progressBar(job.processed, job.total)} ${job.status}`;
    if (interactive) context.out.write(`\r${line}`);
    else if (line !== last) context.out.write(`${line}\n`);
    last = line;
    if (ended(job.status)) {
      if (interactive) context.out.write('\n');
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, context.pollMs));
  }
}
