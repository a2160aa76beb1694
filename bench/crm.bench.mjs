// CRM enrichment benchmark: offline rule enrichment in one process (contacts/s), and a
// 100,000-row CSV import end to end (multipart upload → gateway → NATS → service → PostgreSQL)
// with the service's peak memory and CPU. Targets: ≥ 5,000 contacts/s, < 20 s, < 300 MB.
import { createWriteStream, mkdtempSync, openAsBlob } from 'node:fs';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { cpuSeconds, rssMb } from './support/proc.mjs';
import { createSuite, writeResults } from './support/suite.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.SALES_SUITE_DIST ?? join(ROOT, 'dist');
const require = createRequire(import.meta.url);
const rules = require(join(DIST, 'apps/crm-enrichment/src/enrichment/contact-rules.js'));
const { applyProposals } = require(
  join(DIST, 'apps/crm-enrichment/src/provenance/field-provenance.js'),
);

const { FormData } = globalThis;
const IMPORT_ROWS = Number(process.env.CRM_BENCH_ROWS ?? 100_000);
const RULE_CONTACTS = 50_000;
const TITLES = [
  'VP, Sales & Marketing',
  'Sr. Account Executive',
  'SDR',
  'Head of Growth',
  'Founder & CEO',
  'Directeur commercial',
  'Software Engineer',
  'Chief Revenue Officer',
];
const DOMAINS = [
  'initech.com',
  'globex.com',
  'hooli.com',
  'gmail.com',
  'example-widgets.io',
  'acme.co.uk',
  'yahoo.fr',
  'startup.dev',
];
const COUNTRIES = ['Germany', 'US', 'France', 'United Kingdom', 'ES'];

function contact(i) {
  return {
    email: `first${i}.last${i}@${DOMAINS[i % DOMAINS.length]}`,
    firstName: i % 3 ? `first${i}` : undefined,
    title: TITLES[i % TITLES.length],
    phone: `+1 415 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
    country: COUNTRIES[i % COUNTRIES.length],
  };
}

function benchRules() {
  const now = new Date().toISOString();
  const inputs = Array.from({ length: RULE_CONTACTS }, (_, i) => contact(i));
  for (let i = 0; i < 2000; i++)
    rules.applyContactRules(
      applyProposals({}, rules.inputProposals(inputs[i], 'user', null), now).fields,
      now,
    );
  const started = performance.now();
  for (const input of inputs) {
    const given = applyProposals({}, rules.inputProposals(input, 'user', null), now);
    rules.applyContactRules(given.fields, now);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    contacts: RULE_CONTACTS,
    seconds: +seconds.toFixed(3),
    contactsPerSecond: Math.round(RULE_CONTACTS / seconds),
  };
}

async function writeCsv(file, rows) {
  const out = createWriteStream(file);
  out.write('First Name,Last Name,Email,Job Title,Phone Number,Country\n');
  for (let i = 1; i <= rows; i++) {
    const c = contact(i);
    const line = `first${i},last${i},${c.email},"${c.title}",${c.phone},${c.country}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function benchImport() {
  const suite = await createSuite('crm');
  try {
    // The heap cap the deployment gives the service (docs/crm.md): without one, V8 on a large
    // machine lets batch garbage pile up to ~370 MB before collecting it.
    const service = await suite.start(
      'crm-enrichment',
      {
        CRM_FRESHNESS_INTERVAL_MS: '0',
        NODE_OPTIONS: `--max-old-space-size=${process.env.CRM_BENCH_HEAP_MB ?? 192}`,
        ...(process.env.CRM_IMPORT_BATCH_SIZE && {
          CRM_IMPORT_BATCH_SIZE: process.env.CRM_IMPORT_BATCH_SIZE,
        }),
      },
      // CRM_BENCH_SERVICE_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the import.
      (process.env.CRM_BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean),
    );
    const gateway = await suite.start('gateway');
    const rssMbIdle = { crmEnrichment: rssMb(service.pid), gateway: rssMb(gateway.pid) };
    const file = join(mkdtempSync(join(tmpdir(), 'crm-bench-')), 'contacts.csv');
    await writeCsv(file, IMPORT_ROWS);
    const headers = { authorization: `Bearer ${suite.adminKey}` };
    const started = performance.now();
    const form = new FormData();
    form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'contacts.csv');
    const response = await fetch(`${gateway.url}/v1/crm/imports`, {
      method: 'POST',
      headers,
      body: form,
    });
    const accepted = await response.json();
    if (response.status !== 202) throw new Error(`upload refused: ${JSON.stringify(accepted)}`);
    const uploadSeconds = (performance.now() - started) / 1000;
    let job;
    for (;;) {
      job = await (await fetch(`${gateway.url}/v1/crm/imports/${accepted.id}`, { headers })).json();
      if (job.status === 'completed' || job.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    const serviceCpuSeconds = cpuSeconds(service.pid);
    // The import's events leave through the outbox relay on the same thread: its share of the
    // work is counted once every event is in JetStream (the import may complete before that).
    const db = new pg.Client({ connectionString: suite.databaseUrl });
    await db.connect();
    let outbox;
    for (;;) {
      [outbox] = (
        await db.query(
          `SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished, count(*)::int AS events
           FROM crm.outbox`,
        )
      ).rows;
      if (outbox.unpublished === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await db.end();
    const drainedSeconds = (performance.now() - started) / 1000;
    return {
      heapCapMb: Number(process.env.CRM_BENCH_HEAP_MB ?? 192),
      rows: IMPORT_ROWS,
      status: job.status,
      created: job.created,
      failed: job.failed,
      uploadSeconds: +uploadSeconds.toFixed(2),
      seconds: +seconds.toFixed(2),
      rowsPerSecond: Math.round(IMPORT_ROWS / seconds),
      servicePeakRssMb: rssMb(service.pid).peakRssMb,
      gatewayPeakRssMb: rssMb(gateway.pid).peakRssMb,
      rssMbIdle,
      rssMbAtEnd: { crmEnrichment: rssMb(service.pid), gateway: rssMb(gateway.pid) },
      serviceCpuSeconds: +serviceCpuSeconds.toFixed(2),
      events: outbox.events,
      eventsPublishedSeconds: +drainedSeconds.toFixed(2),
      serviceCpuSecondsWithEventsPublished: +cpuSeconds(service.pid).toFixed(2),
    };
  } finally {
    await suite.close();
  }
}

const loadBefore = loadavg()[0];
const ruleEnrichment = benchRules();
console.log('rule enrichment', ruleEnrichment);
const csvImport = await benchImport();
writeResults('crm', {
  loadAverage: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) },
  ruleEnrichment: {
    ...ruleEnrichment,
    target: '>= 5000 contacts/s',
    met: ruleEnrichment.contactsPerSecond >= 5000,
  },
  csvImport: {
    ...csvImport,
    target: '< 20 s end to end, service peak RSS < 300 MB',
    met:
      csvImport.status === 'completed' &&
      csvImport.seconds < 20 &&
      csvImport.servicePeakRssMb < 300,
  },
});
