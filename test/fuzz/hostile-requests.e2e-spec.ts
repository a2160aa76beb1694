import { Client } from 'pg';
import { runCampaign, summarizeFindings } from '../../tools/fuzz/campaign';
import { AppSet, RunningApp } from '../support/apps';
import { e2eRun } from '../support/test-env';

/** The seed of `npm test`'s campaign; FUZZ_SEED picks another one. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const REQUESTS = 3000;
/** A bound on time as well as on count, for a loaded machine: the spec reports how many it sent. */
const TIME_BUDGET_MS = 85_000;

/**
 * Every route of the OpenAPI document, attacked with generated hostile variants: no 5xx, every
 * 4xx problem+json, nothing written by a refused request, invalid requests never accepted.
 * The whole suite runs against a database and subject prefix of its own, so the data it leaves
 * (accepted hostile strings in funnel settings, territories, …) never meets other test files.
 */
describe('hostile requests on every route (OpenAPI-driven fuzzing)', () => {
  const run = e2eRun();
  const databaseName = `${run.databaseName}_fuzz`;
  const databaseUrl = Object.assign(new URL(run.databaseUrl), {
    pathname: `/${databaseName}`,
  }).toString();
  const apps = new AppSet();
  let gateway: RunningApp;

  const admin = async (text: string) => {
    const client = new Client({ connectionString: run.adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${databaseName}`);
    const env = { DATABASE_URL: databaseUrl, NATS_SUBJECT_PREFIX: `${run.subjectPrefix}fuzz.` };
    await Promise.all(
      (['glossary', 'crm-enrichment', 'lead-funnel', 'email-tracking'] as const).map((name) =>
        apps.start(name, { env }),
      ),
    );
    gateway = await apps.start('gateway', { env: { ...env, RATE_LIMIT_PER_MINUTE: '100000000' } });
  });

  afterAll(async () => {
    await apps.stopAll();
    await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  });

  it(`answers ${REQUESTS} hostile requests without a 5xx, a non-problem error or a partial write`, async () => {
    const report = await runCampaign({
      gatewayUrl: gateway.url,
      databaseUrl,
      adminKey: run.adminKey,
      seed: SEED,
      maxRequests: REQUESTS,
      timeBudgetMs: TIME_BUDGET_MS,
    });
    console.log(
      `fuzz: seed ${SEED}, ${report.requests} requests in ${report.elapsedMs} ms, by status ${JSON.stringify(report.byStatus)}`,
    );
    expect(Object.keys(report.byRoute).sort()).toEqual([...report.routes].sort());
    expect(summarizeFindings(report.findings)).toEqual([]);
  }, 150_000);
});
