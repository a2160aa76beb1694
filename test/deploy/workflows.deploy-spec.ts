import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appNames, findTool, itWhen, readText, ROOT, run } from './support/tools';

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Job = {
  steps: Step[];
  services?: Record<string, { image: string }>;
  strategy?: { matrix: { app?: string[] } };
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

const dir = join(ROOT, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const load = (file: string) => parse(readText('.github', 'workflows', file)) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps);
const scripts = (wf: Workflow) =>
  steps(wf)
    .map((s) => s.run ?? '')
    .join('\n');

describe('GitHub workflows', () => {
  const actionlint = findTool('actionlint');

  it('has ci, release and deploy', () => {
    expect(files.sort()).toEqual(['ci.yml', 'deploy.yml', 'release.yml']);
  });

  itWhen(actionlint, 'actionlint')('pass actionlint', () => {
    const shellcheck = findTool('shellcheck');
    if (!shellcheck)
      process.stderr.write('\nactionlint runs without shellcheck: run: scripts are not linted\n');
    const res = run(actionlint as string, ['-color=false', ...files.map((f) => join(dir, f))]);
    expect(res.stdout + res.stderr).toBe('');
    expect(res.status).toBe(0);
  });

  it.each(files)('%s pins every action to a version', (file) => {
    for (const step of steps(load(file)).filter((s) => s.uses)) {
      expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    }
  });

  it('ci.yml tests against PostgreSQL 15 and NATS with JetStream, and runs every check', () => {
    const ci = load('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.jobs.test.services?.postgres.image).toMatch(/^postgres:15/);
    const all = scripts(ci);
    expect(all).toMatch(/docker run .*nats:2\.1\d[^ ]* -js/);
    for (const command of [
      'npm ci',
      'npm run lint',
      'npm run typecheck',
      'npm run openapi:check',
      'npx jest --selectProjects unit',
      'npx jest --selectProjects e2e',
      'bash scripts/install-deploy-tools.sh',
      'npx jest --selectProjects deploy',
      'helm lint --strict',
      'kubeconform -strict',
    ]) {
      expect(all).toContain(command);
    }
  });

  it('ci.yml and release.yml build an image of every app in apps/', () => {
    for (const file of ['ci.yml', 'release.yml']) {
      const wf = load(file);
      const matrixJob = Object.values(wf.jobs).find((j) => j.strategy?.matrix.app);
      expect([...(matrixJob?.strategy?.matrix.app ?? [])].sort()).toEqual(appNames());
      const build = matrixJob?.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));
      expect(build?.with?.file).toBe('docker/Dockerfile');
      expect(String(build?.with?.['build-args'])).toContain('APP=${{ matrix.app }}');
      expect(build?.with?.['cache-from']).toMatch(/^type=gha/);
    }
  });

  it('release.yml pushes images with SBOM and provenance, and the chart as an OCI artifact', () => {
    const release = load('release.yml');
    expect(Object.keys(release.on)).toEqual(['push']);
    const build = steps(release).find((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(build?.with).toMatchObject({ push: true, sbom: true, provenance: 'mode=max' });
    expect(scripts(release)).toMatch(
      /helm package helm\/sales-suite --version "\$version" --app-version "\$version"/,
    );
    expect(scripts(release)).toMatch(/helm push .* "oci:\/\/ghcr\.io\//);
  });

  it('deploy.yml installs atomically from a kubeconfig secret, then runs helm test', () => {
    const deploy = load('deploy.yml');
    expect(Object.keys(deploy.on).sort()).toEqual(['workflow_dispatch', 'workflow_run']);
    const all = scripts(deploy);
    expect(all).toMatch(/helm upgrade --install/);
    expect(all).toContain('--atomic --wait');
    expect(all).toMatch(/helm test "\$RELEASE_NAME"/);
    expect(readText('.github', 'workflows', 'deploy.yml')).toContain('secrets.KUBECONFIG');
  });
});
