import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { AppSet } from '../support/apps';
import { e2eRun } from '../support/test-env';
import { Api, createLead, startLeadFunnel } from './lead-funnel.harness';

const DIST = process.env.SALES_SUITE_DIST ?? join(__dirname, '../../dist');

/** Runs the built CLI as a user would, its output a pipe (not a terminal). */
async function cli(env: Record<string, string>, ...args: string[]) {
  const child = spawn(process.execPath, [join(DIST, 'tools/cli/main.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

describe('npm run cli -- leads rescore', () => {
  let apps: AppSet;
  let api: Api;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ apps, api } = await startLeadFunnel({ LEAD_RESCORE_BATCH_SIZE: '5' }));
    const gateway = apps.apps.find((app) => app.name === 'gateway')!;
    env = { SALES_SUITE_URL: gateway.url, SALES_SUITE_API_KEY: e2eRun().adminKey };
    for (let i = 0; i < 30; i++) await createLead(api);
  });
  afterAll(() => apps.stopAll());

  it('starts a re-score under the current rules and prints a progress line per step until done', async () => {
    const before = await api<{ version: number; model: unknown }>('/v1/scoring/model');
    const { code, stdout } = await cli(env, 'leads', 'rescore');
    expect(code).toBe(0);
    const jobId = /^Re-score ([0-9a-f-]{36}) started/.exec(stdout)?.[1];
    expect(jobId).toBeDefined();
    const job = await api<{ status: string; total: number; processed: number }>(
      `/v1/scoring/jobs/${jobId}`,
    );
    expect(job.body).toMatchObject({ status: 'completed', processed: job.body.total });
    expect(job.body.total).toBeGreaterThanOrEqual(30);

    // Not a terminal: plain lines, no carriage returns, the last bar full.
    expect(stdout).not.toContain('\r');
    const bars = stdout.split('\n').filter((line) => line.startsWith('['));
    expect(bars.length).toBeGreaterThanOrEqual(1);
    expect(new Set(bars).size).toBe(bars.length);
    const total = job.body.total.toLocaleString('en-US');
    expect(bars.at(-1)).toBe(`[${'#'.repeat(30)}] 100% ${total}/${total} completed`);
    expect(stdout).toContain(`completed: ${job.body.processed} leads re-scored`);

    const after = await api<{ version: number; model: unknown }>('/v1/scoring/model');
    expect(after.body.version).toBe(before.body.version + 1);
    expect(after.body.model).toEqual(before.body.model);
  });

  it('refuses unknown arguments with the usage (exit 2) and an unknown key (exit 1)', async () => {
    const usage = await cli(env, 'leads', 'rescore', 'now');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('npm run cli -- leads rescore');
    const refused = await cli({ ...env, SALES_SUITE_API_KEY: 'not-a-key' }, 'leads', 'rescore');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: 401/);
  });
});
