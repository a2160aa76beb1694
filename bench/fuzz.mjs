// `npm run fuzz`: a long hostile-input campaign against a stack of its own (a throw-away database
// and subject prefix). `--seed N` (or FUZZ_SEED), `--count N` (or FUZZ_COUNT, default 20000),
// `--only i,j` replays single requests of a seed. Prints a summary by route and status, writes
// bench/results/fuzz.json, and exits 1 on any finding (5xx, non-problem 4xx, partial write, …).
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSuite, writeResults } from './support/suite.mjs';

const require = createRequire(import.meta.url);
const { runCampaign, summarizeFindings } = require('../dist/tools/fuzz/campaign.js');

const { values } = parseArgs({
  options: { seed: { type: 'string' }, count: { type: 'string' }, only: { type: 'string' } },
});
const seed = Number(values.seed ?? process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const count = Number(values.count ?? process.env.FUZZ_COUNT ?? 20_000);
const only = values.only?.split(',').map(Number);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
  console.error('--seed and --count must be integers (count ≥ 1)');
  process.exit(2);
}

const logDir = mkdtempSync(join(tmpdir(), 'sales-suite-fuzz-'));
console.log(
  `fuzz: seed ${seed}, ${only ? `requests ${only.join(',')}` : `${count} requests`}; app logs in ${logDir}`,
);
const suite = await createSuite('fuzz', { logDir });
let report;
try {
  for (const app of ['glossary', 'crm-enrichment', 'lead-funnel', 'email-tracking'])
    await suite.start(app);
  const gateway = await suite.start('gateway');
  report = await runCampaign({
    gatewayUrl: gateway.url,
    databaseUrl: suite.databaseUrl,
    adminKey: suite.adminKey,
    seed,
    maxRequests: count,
    timeBudgetMs: Number(process.env.FUZZ_TIME_BUDGET_MS ?? 3_600_000),
    ...(only ? { only } : {}),
  });
} finally {
  await suite.close();
}

const rows = Object.entries(report.byRoute).map(([route, statuses]) => ({
  route,
  ...Object.fromEntries(Object.entries(statuses).sort()),
}));
console.table(rows);
for (const group of summarizeFindings(report.findings)) console.log(`\n${group}`);
const serverErrors = Object.entries(report.byStatus)
  .filter(([status]) => Number(status) >= 500)
  .reduce((sum, [, n]) => sum + n, 0);
writeResults('fuzz', {
  seed,
  requests: report.requests,
  elapsedMs: report.elapsedMs,
  serverErrors,
  findings: report.findings.length,
  byStatus: report.byStatus,
  byKind: report.byKind,
  byRoute: report.byRoute,
  findingsByKind: summarizeFindings(report.findings),
  firstFindings: report.findings.slice(0, 200),
});
console.log(
  `\nfuzz: ${report.requests} requests, ${serverErrors} × 5xx, ${report.findings.length} findings`,
);
process.exit(report.findings.length > 0 ? 1 : 0);
