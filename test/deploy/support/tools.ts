/**
 * Shared helpers of the deployment checks: where the repository and its apps are, where the external
 * tools (helm, kubeconform, actionlint) are, and how to run them. A missing tool skips only the tests
 * that need it, with a message in the output; DEPLOY_TOOLS_REQUIRED=1 (set in GitHub CI) turns a
 * missing tool into a failure instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const ROOT = join(__dirname, '..', '..', '..');
export const CHART_DIR = join(ROOT, 'helm', 'sales-suite');
export const FIXTURES = join(__dirname, '..', 'fixtures');

/** Kubernetes versions the rendered chart is validated against (as in scripts/install-deploy-tools.sh). */
export const KUBE_VERSIONS = ['1.29.6', '1.37.2'];
const KUBE_SCHEMA_DIR =
  process.env.KUBE_SCHEMA_DIR ?? join(homedir(), '.cache', 'sales-suite', 'kube-schemas');
const TOOLS_REQUIRED = process.env.DEPLOY_TOOLS_REQUIRED === '1';
const INSTALL_HINT = 'run `bash scripts/install-deploy-tools.sh`';

/** Folder names under apps/ with a Node entry point: the deployable apps (apps/console is static files the gateway serves). */
export function appNames(): string[] {
  return readdirSync(join(ROOT, 'apps'))
    .filter((name) => statSync(join(ROOT, 'apps', name)).isDirectory())
    .filter((name) => existsSync(join(ROOT, 'apps', name, 'src/main.ts')))
    .sort();
}

/** Finds an executable on PATH, then where `go install` puts it. */
export function findTool(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  if (process.env.GOBIN) dirs.push(process.env.GOBIN);
  if (process.env.GOPATH)
    dirs.push(...process.env.GOPATH.split(delimiter).map((p) => join(p, 'bin')));
  dirs.push(join(homedir(), 'go', 'bin'));
  return dirs.map((dir) => join(dir, name)).find((file) => existsSync(file));
}

/** Directory of kubeconform schemas for a Kubernetes version, if they were generated. */
export function kubeSchemaDir(version: string): string | undefined {
  const dir = join(KUBE_SCHEMA_DIR, `v${version}-standalone-strict`);
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('.complete'))
    ? dir
    : undefined;
}

const warned = new Set<string>();

/**
 * `it` when the requirement is met, else `it.skip` and a console message saying what was skipped and
 * why; with DEPLOY_TOOLS_REQUIRED=1 a missing tool fails the suite instead. A check never passes
 * without having run.
 */
export function itWhen(available: unknown, what: string): jest.It {
  if (available) return it;
  const reason = `${what} not available here (${INSTALL_HINT})`;
  if (TOOLS_REQUIRED) throw new Error(`${reason}, and DEPLOY_TOOLS_REQUIRED=1`);
  if (!warned.has(what)) {
    warned.add(what);
    // Straight to stderr: jest hides console output of a suite whose tests are all skipped.
    process.stderr.write(`\nSKIPPED: the checks that need ${reason}\n`);
  }
  return it.skip;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], input?: string): RunResult {
  const res = spawnSync(cmd, args, {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw res.error;
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // Manifests are checked field by field in the tests; their shape is the Kubernetes API's.
  spec?: Record<string, unknown> & { [key: string]: unknown };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  [key: string]: unknown;
}

export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('\n'));
      return doc.toJS() as K8sObject | null;
    })
    .filter((obj): obj is K8sObject => obj !== null && typeof obj === 'object');
}

export function helmTemplate(
  helm: string,
  valuesFiles: string[],
  kubeVersion = KUBE_VERSIONS[1],
): RunResult {
  return run(helm, [
    'template',
    'sales-suite',
    CHART_DIR,
    '--namespace',
    'sales',
    '--kube-version',
    kubeVersion,
    ...valuesFiles.flatMap((f) => ['--values', f]),
  ]);
}

export function kubeconform(binary: string, schemaDir: string, manifests: string): RunResult {
  return run(
    binary,
    [
      '-strict',
      '-summary',
      '-output',
      'text',
      '-schema-location',
      `${schemaDir}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
      '-',
    ],
    manifests,
  );
}

export function readText(...parts: string[]): string {
  return readFileSync(join(ROOT, ...parts), 'utf8');
}
