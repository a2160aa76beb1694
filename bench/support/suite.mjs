// Starts built apps (node dist/...) against a throw-away database and NATS subject prefix, the
// same way the e2e tests do, for benchmarks. Call `suite.close()` at the end.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../../scripts/free-port.cjs';
import { rssMb } from './proc.mjs';

export { freePort };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.SALES_SUITE_DIST ?? join(ROOT, 'dist');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * Every app a benchmark of this process started, with its RSS once ready (idle) and when it
 * stopped or the results were written (end): writeResults puts them into every results file.
 */
const memory = [];
const memoryNow = (entry) => {
  if (entry.child.exitCode === null && entry.child.signalCode === null)
    Object.assign(entry, rssMb(entry.child.pid));
};

/**
 * Options (the cluster bench's): `adminUrl` and `natsUrl` of other servers than the machine's,
 * `env` for every app, and `logDir` to write each app's output to its own file instead of here.
 * `keepDatabase` names a database that outlives the run (`sales_suite_bench_kept_<name>`): made
 * when missing, reused when there, never dropped — for data that takes long to seed.
 */
export async function createSuite(
  name,
  { adminUrl = ADMIN_URL, natsUrl = NATS_URL, env: suiteEnv = {}, logDir, keepDatabase } = {},
) {
  const id = `${name.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
  if (keepDatabase !== undefined && !/^\w+$/.test(keepDatabase))
    throw new Error(`a kept database's name is letters, digits and _: ${keepDatabase}`);
  const databaseName = keepDatabase
    ? `sales_suite_bench_kept_${keepDatabase}`
    : `sales_suite_bench_${id}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const existing = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [
    databaseName,
  ]);
  if (existing.rowCount === 0) await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${databaseName}`;
  const adminKey = `ssk_bench_${randomBytes(24).toString('base64url')}`;
  const webhookSecretsKey = randomBytes(32).toString('base64');
  const children = [];

  const suite = {
    databaseUrl: databaseUrl.toString(),
    natsUrl,
    subjectPrefix: `bench${id}.`,
    adminKey,
    async start(app, env = {}, nodeArgs = []) {
      const port = await freePort();
      const logFile = logDir && join(logDir, `${app}-${port}.log`);
      const output = logFile ? openSync(logFile, 'a') : 'inherit';
      const child = spawn(process.execPath, [...nodeArgs, join(DIST, `apps/${app}/src/main.js`)], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: suite.databaseUrl,
          NATS_URL: natsUrl,
          NATS_SUBJECT_PREFIX: suite.subjectPrefix,
          HTTP_PORT: String(port),
          HTTP_HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          BOOTSTRAP_ADMIN_KEY: adminKey,
          RATE_LIMIT_PER_MINUTE: '100000000',
          // The benchmarks speak for many clients with X-Forwarded-For, from loopback.
          TRUSTED_PROXIES: '127.0.0.1/32,::1/128',
          // Webhooks on, as `npm start` and the chart have them.
          WEBHOOK_SECRETS_KEY: webhookSecretsKey,
          ...suiteEnv,
          ...env,
        },
        stdio: ['ignore', output, output],
      });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      // Generous: on a loaded 2-core machine five apps booting side by side can take minutes.
      const deadline = Date.now() + 180_000;
      while (Date.now() < deadline) {
        const status = await fetch(`${url}/health/ready`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) {
          memory.push({ suite: name, app, child, idleMb: rssMb(child.pid).rssMb });
          return { app, url, port, child, pid: child.pid, logFile };
        }
        if (child.exitCode !== null)
          throw new Error(`${app} exited (${child.exitCode})${logFile ? `; see ${logFile}` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`${app} did not become ready${logFile ? `; see ${logFile}` : ''}`);
    },
    async close() {
      for (const entry of memory) if (entry.suite === name) memoryNow(entry);
      await Promise.all(
        children.map((child) => {
          if (child.exitCode !== null || child.signalCode !== null) return undefined;
          child.kill('SIGTERM');
          return once(child, 'exit');
        }),
      );
      if (keepDatabase) return;
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await cleanup.end();
    },
  };
  return suite;
}

/** Writes bench/results/<name>.json with the figures and when/where they were measured. */
export function writeResults(name, figures) {
  const file = join(ROOT, 'bench/results', `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  const record = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    ...figures,
    // Per app started: RSS once ready, and when it stopped (or now, if still running), in MB.
    appMemoryMb: memory.map((entry) => {
      memoryNow(entry);
      return {
        suite: entry.suite,
        app: entry.app,
        idle: entry.idleMb,
        end: entry.rssMb,
        peak: entry.peakRssMb,
      };
    }),
  };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  console.log(JSON.stringify(record, null, 2));
  return file;
}
