// Email pixel benchmark. In one run on this machine:
//  1. a bare node:http server answering the same 43-byte GIF (the ceiling) against the pixel served
//     by the gateway (token verified, hit buffered and published to JetStream) on its dedicated
//     listener (PIXEL_HTTP_PORT) and on the API port; measured in alternating rounds so that load
//     from other processes hits all three alike; requests/s, latency, ratios (median of rounds);
//     once with email-tracking recording the hits on the same cores, once with it stopped (the
//     hits wait in JetStream), i.e. the edge on its own;
//  2. zero loss: after the 30-second pixel run, every hit the gateway accepted must appear in the
//     campaign's totalOpens;
//  3. NATS restart: the same with a throw-away nats-server that is stopped and started again
//     mid-run (the gateway buffers and retries); how many accepted hits were lost.
//  4. clicks: the click redirect (`/t/c/<token>`, token verified, click buffered and published
//     like a pixel hit) on the dedicated listener and the API port against a bare node:http
//     server answering the same 302, edge on its own (email-tracking stopped), alternating
//     rounds; then 30 s at full load on the listener and a count of every accepted click in the
//     campaign's totalClicks.
// Figures are printed and written to bench/results/email.json. `EMAIL_BENCH=clicks` runs part 4
// only and keeps the other figures of the file (a run of everything takes several minutes).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { connect } from 'nats';
import pg from 'pg';
import { startBareServer } from './support/bare-server.mjs';
import { cpuMeter, load1, postgresBackendPids } from './support/proc.mjs';
import { createSuite, freePort, writeResults } from './support/suite.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { pixelHitPartition, pixelHitsSubject } = createRequire(import.meta.url)(
  join(process.env.SALES_SUITE_DIST ?? join(ROOT, 'dist'), 'libs/contracts/src/index.js'),
);
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
const CONNECTIONS = 50;
const ROUNDS = 3;
const ROUND_SECONDS = 5;
const PIXEL_SECONDS = 30;
const RESTART_SECONDS = 30;
const MESSAGES = 1000;
const DRAIN_TIMEOUT_MS = 300_000;

const BARE_SERVER = `
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
require('node:http').createServer((request, response) => {
  response.writeHead(200, {
    'content-type': 'image/gif',
    'content-length': GIF.length,
    'cache-control': 'no-store, private',
    'cross-origin-resource-policy': 'cross-origin',
  });
  response.end(GIF);
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send('ready'));
`;

async function api(gatewayUrl, adminKey, path, body) {
  const response = await fetch(`${gatewayUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function createPixels(gatewayUrl, adminKey, name) {
  const campaign = await api(gatewayUrl, adminKey, '/v1/email/campaigns', { name, subject: name });
  const created = await api(gatewayUrl, adminKey, `/v1/email/campaigns/${campaign.id}/messages`, {
    messages: Array.from({ length: MESSAGES }, (_, i) => ({ email: `r${i}@bench.example` })),
  });
  return {
    campaignId: campaign.id,
    paths: created.messages.map((m) => new URL(m.pixelUrl).pathname),
  };
}

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0';

function load(url, seconds, paths, onTick, userAgent = USER_AGENT) {
  let next = 0;
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'user-agent': userAgent },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
      },
    ],
  });
  if (onTick) instance.on('tick', onTick);
  return instance;
}

/** `expected`: the status class every request should get ('2xx' for the pixel, '3xx' for clicks). */
function summary(result, expected = '2xx') {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    ok: result[expected],
    // Named for the pixel's 200; for clicks it counts every answer that is not the 302.
    non2xx: result.non2xx + result['2xx'] - result[expected],
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function metric(url, name) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Waits until the campaign counts `expected` opens (or the timeout); returns the count and wait. */
async function drained(gatewayUrl, adminKey, campaignId, expected) {
  const started = Date.now();
  let counted = 0;
  while (Date.now() - started < DRAIN_TIMEOUT_MS) {
    counted = (await api(gatewayUrl, adminKey, `/v1/email/campaigns/${campaignId}/stats`))
      .totalOpens;
    if (counted >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  // A little longer: more than expected would mean double counting.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  counted = (await api(gatewayUrl, adminKey, `/v1/email/campaigns/${campaignId}/stats`)).totalOpens;
  return { counted, drainSeconds: Math.round((Date.now() - started) / 100) / 10 };
}

async function startNats(port, storeDir) {
  const child = spawn(
    NATS_SERVER,
    ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir],
    {
      stdio: 'ignore',
    },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const up = await fetch(`http://127.0.0.1:${port}`).then(
      () => true,
      (error) => error.cause?.code !== 'ECONNREFUSED',
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('nats-server did not start');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Alternating rounds: bare, dedicated listener, API port; each round's ratios to its bare run. */
async function compare(targets, { expected = '2xx', userAgent = USER_AGENT } = {}) {
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const figures = {};
    for (const [name, target] of Object.entries(targets))
      figures[name] = summary(
        await load(target.url, ROUND_SECONDS, target.paths, undefined, userAgent),
        expected,
      );
    rounds.push(figures);
  }
  const result = { rounds };
  for (const name of Object.keys(targets)) {
    const runs = rounds.map((round) => round[name]);
    result[name] = {
      requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
      latencyP99Ms: median(runs.map((r) => r.latencyMs.p99)),
      non2xx: runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
      ratioToBare: median(
        rounds.map((round) => round[name].requestsPerSecond / round.bareNodeHttp.requestsPerSecond),
      ),
    };
  }
  return result;
}

async function throughputAndZeroLoss() {
  const suite = await createSuite('email');
  try {
    const recorder = await suite.start('email-tracking');
    const pixelPort = await freePort();
    const gateway = await suite.start('gateway', { PIXEL_HTTP_PORT: String(pixelPort) });
    const listenerUrl = `http://127.0.0.1:${pixelPort}`;
    const { campaignId, paths } = await createPixels(gateway.url, suite.adminKey, 'throughput');
    const bare = await startBareServer(BARE_SERVER);
    // Warm up (JIT, connections, JetStream) before measuring.
    await load(listenerUrl, 3, paths);
    await load(gateway.url, 3, paths);
    const targets = {
      bareNodeHttp: { url: bare.url, paths: ['/t/o/x.gif'] },
      pixelDedicatedListener: { url: listenerUrl, paths },
      pixelApiPort: { url: gateway.url, paths },
    };
    // The whole suite on these two cores: email-tracking and PostgreSQL record the hits while
    // the pixel is measured, taking CPU the bare server's rounds do not have to share.
    const comparison = await compare(targets);
    // The edge on its own, as when the recorder runs on other nodes: email-tracking is stopped
    // and the hits wait in JetStream (its durable consumer picks them up when it is back).
    recorder.child.kill('SIGTERM');
    await once(recorder.child, 'exit');
    const edgeOnly = await compare(targets);
    await bare.stop();
    const restarted = await suite.start('email-tracking');
    return {
      comparison,
      edgeOnly,
      zeroLoss: await zeroLoss(suite, restarted, gateway, listenerUrl, campaignId, paths),
    };
  } finally {
    await suite.close();
  }
}

/**
 * Zero loss: let everything so far be counted, then a 30 s run on the listener, counted to the
 * last hit; with the CPU that recording took (email-tracking and the database's backends, from
 * /proc), per counted hit.
 */
async function zeroLoss(suite, recorder, gateway, listenerUrl, campaignId, paths) {
  const acceptedBefore = await metric(gateway.url, 'email_pixel_requests_total{outcome="open"}');
  const countedBefore = (await drained(gateway.url, suite.adminKey, campaignId, acceptedBefore))
    .counted;
  const database = new pg.Client({ connectionString: suite.databaseUrl });
  await database.connect();
  const meter = cpuMeter(async () => [
    recorder.pid,
    ...(await postgresBackendPids(database, new URL(suite.databaseUrl).pathname.slice(1))),
  ]);
  try {
    await meter.start();
    const loadBefore = load1();
    const pixelResult = summary(await load(listenerUrl, PIXEL_SECONDS, paths));
    const accepted =
      (await metric(gateway.url, 'email_pixel_requests_total{outcome="open"}')) - acceptedBefore;
    const drain = await drained(gateway.url, suite.adminKey, campaignId, countedBefore + accepted);
    const cpu = await meter.stop();
    const counted = drain.counted - countedBefore;
    return {
      runSeconds: PIXEL_SECONDS,
      load: pixelResult,
      acceptedHits: accepted,
      countedOpens: counted,
      lost: accepted - counted,
      secondsUntilAllCounted: drain.drainSeconds,
      recordingCpu: {
        seconds: Math.round(cpu * 100) / 100,
        microsecondsPerHit: Math.round((cpu / counted) * 1e6 * 10) / 10,
        loadAverage: [loadBefore, load1()],
      },
    };
  } finally {
    await database.end();
  }
}

async function natsRestart() {
  const natsPort = await freePort();
  const storeDir = join(ROOT, '.data/nats-bench');
  rmSync(storeDir, { recursive: true, force: true });
  mkdirSync(storeDir, { recursive: true });
  let nats = await startNats(natsPort, storeDir);
  const env = { NATS_URL: `nats://127.0.0.1:${natsPort}` };
  const suite = await createSuite('email_restart');
  try {
    await suite.start('email-tracking', env);
    const pixelPort = await freePort();
    const gateway = await suite.start('gateway', { ...env, PIXEL_HTTP_PORT: String(pixelPort) });
    const { campaignId, paths } = await createPixels(gateway.url, suite.adminKey, 'restart');
    const events = [];
    const started = Date.now();
    const run = load(`http://127.0.0.1:${pixelPort}`, RESTART_SECONDS, paths);
    // Stop NATS a third of the way in and start it again 5 s later, while the load goes on.
    await new Promise((resolve) => setTimeout(resolve, (RESTART_SECONDS / 3) * 1000));
    nats.kill('SIGTERM');
    await once(nats, 'exit');
    events.push({ at: (Date.now() - started) / 1000, event: 'nats-server stopped' });
    await new Promise((resolve) => setTimeout(resolve, 5000));
    nats = await startNats(natsPort, storeDir);
    events.push({ at: (Date.now() - started) / 1000, event: 'nats-server started again' });
    const result = await run;
    const accepted = await metric(gateway.url, 'email_pixel_requests_total{outcome="open"}');
    const retried = await metric(gateway.url, 'email_pixel_publish_retries_total');
    const dropped = await metric(gateway.url, 'email_pixel_requests_total{outcome="dropped"}');
    const drain = await drained(gateway.url, suite.adminKey, campaignId, accepted);
    return {
      runSeconds: RESTART_SECONDS,
      timeline: events,
      load: summary(result),
      acceptedHits: accepted,
      publishRetries: retried,
      droppedBufferFull: dropped,
      countedOpens: drain.counted,
      lost: accepted - drain.counted,
      secondsUntilAllCounted: drain.drainSeconds,
    };
  } finally {
    await suite.close();
    nats.kill('SIGTERM');
    rmSync(storeDir, { recursive: true, force: true });
  }
}

// A security gateway following every link: the bulk of click traffic, recorded as scanner clicks
// (no email.clicked per click, so the run measures the edge and the recorder, not the outbox).
const CLICK_USER_AGENT = 'Mozilla/5.0 (compatible; Mimecast URL Protect)';
const CLICK_MESSAGES = 200;
const CLICK_TARGET = 'https://shop.example/offer?utm_source=mail';

const BARE_REDIRECT_SERVER = `
require('node:http').createServer((request, response) => {
  response.writeHead(302, {
    location: ${JSON.stringify(CLICK_TARGET)},
    'content-length': '0',
    'cache-control': 'no-store, private',
    'referrer-policy': 'no-referrer',
  });
  response.end();
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send('ready'));
`;

/** Messages whose rendered link is the click path to load. */
async function createClickLinks(gatewayUrl, adminKey, name) {
  const campaign = await api(gatewayUrl, adminKey, '/v1/email/campaigns', { name, subject: name });
  const created = await api(gatewayUrl, adminKey, `/v1/email/campaigns/${campaign.id}/messages`, {
    messages: Array.from({ length: CLICK_MESSAGES }, (_, i) => ({ email: `c${i}@bench.example` })),
  });
  const paths = [];
  for (const message of created.messages) {
    const rendered = await api(gatewayUrl, adminKey, '/v1/email/render', {
      messageId: message.id,
      html: `<p><a href="${CLICK_TARGET}">Offer</a></p>`,
    });
    paths.push(new URL(/href="([^"]+)"/.exec(rendered.html)[1]).pathname);
  }
  return { campaignId: campaign.id, paths };
}

async function drainedClicks(gatewayUrl, adminKey, campaignId, expected) {
  const started = Date.now();
  const count = async () =>
    (await api(gatewayUrl, adminKey, `/v1/email/campaigns/${campaignId}/stats`)).totalClicks;
  let counted = await count();
  while (counted < expected && Date.now() - started < DRAIN_TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    counted = await count();
  }
  // A little longer: more than expected would mean double counting.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return {
    counted: await count(),
    drainSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

async function clicks() {
  const suite = await createSuite('email_clicks');
  try {
    const recorder = await suite.start('email-tracking');
    const pixelPort = await freePort();
    const gateway = await suite.start('gateway', { PIXEL_HTTP_PORT: String(pixelPort) });
    const listenerUrl = `http://127.0.0.1:${pixelPort}`;
    const { campaignId, paths } = await createClickLinks(gateway.url, suite.adminKey, 'clicks');
    const bare = await startBareServer(BARE_REDIRECT_SERVER);
    const options = { expected: '3xx', userAgent: CLICK_USER_AGENT };
    const loadBefore = loadavg();
    // The edge on its own: the clicks wait in JetStream while the rounds run.
    recorder.child.kill('SIGTERM');
    await once(recorder.child, 'exit');
    await load(listenerUrl, 3, paths, undefined, CLICK_USER_AGENT);
    await load(gateway.url, 3, paths, undefined, CLICK_USER_AGENT);
    const edgeOnly = await compare(
      {
        bareNodeHttp: { url: bare.url, paths: ['/t/c/x'] },
        clickDedicatedListener: { url: listenerUrl, paths },
        clickApiPort: { url: gateway.url, paths },
      },
      options,
    );
    const loadAfterComparison = loadavg();
    await bare.stop();
    await suite.start('email-tracking');

    const acceptedMetric = 'email_click_requests_total{outcome="click"}';
    const acceptedBefore = await metric(gateway.url, acceptedMetric);
    const countedBefore = (
      await drainedClicks(gateway.url, suite.adminKey, campaignId, acceptedBefore)
    ).counted;
    const run = summary(
      await load(listenerUrl, PIXEL_SECONDS, paths, undefined, CLICK_USER_AGENT),
      '3xx',
    );
    const accepted = (await metric(gateway.url, acceptedMetric)) - acceptedBefore;
    const drain = await drainedClicks(
      gateway.url,
      suite.adminKey,
      campaignId,
      countedBefore + accepted,
    );
    return {
      userAgent: CLICK_USER_AGENT,
      links: paths.length,
      edgeOnly,
      zeroLoss: {
        runSeconds: PIXEL_SECONDS,
        load: run,
        acceptedClicks: accepted,
        countedClicks: drain.counted - countedBefore,
        lost: accepted - (drain.counted - countedBefore),
        secondsUntilAllCounted: drain.drainSeconds,
      },
      // Other helpers share this machine: its load average (1, 5, 15 min) around the rounds.
      loadAverage: { beforeRounds: loadBefore, afterRounds: loadAfterComparison, end: loadavg() },
    };
  } finally {
    await suite.close();
  }
}

const clickTargets = (result) => ({
  clickToBareRatio: '>= 0.5 (dedicated listener, edge on its own)',
  lost: 0,
  met:
    result.edgeOnly.clickDedicatedListener.ratioToBare >= 0.5 &&
    result.edgeOnly.clickDedicatedListener.non2xx === 0 &&
    result.zeroLoss.lost === 0,
});

// `EMAIL_BENCH=recording`: the recorder's CPU per hit on its own (printed, no results written).
// RECORDING_HITS hits (default 200,000) are published straight to the partitions' subjects, as
// the edge batches them, while email-tracking runs; the CPU of email-tracking and of the
// database's backends from the first publish until every hit is counted, less what they use
// idle over as long (measured first), divided by the hits.
async function recordingCost() {
  const hits = Number(process.env.RECORDING_HITS ?? 200_000);
  const suite = await createSuite('email_recording');
  const nc = await connect({ servers: suite.natsUrl });
  const database = new pg.Client({ connectionString: suite.databaseUrl });
  try {
    // RECORDING_CPU_PROF=<dir>: a CPU profile of email-tracking, written when it stops.
    const profile = process.env.RECORDING_CPU_PROF;
    const recorder = await suite.start(
      'email-tracking',
      {},
      profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    );
    const gateway = await suite.start('gateway');
    const campaign = await api(gateway.url, suite.adminKey, '/v1/email/campaigns', {
      name: 'recording',
      subject: 'recording',
    });
    const created = await api(
      gateway.url,
      suite.adminKey,
      `/v1/email/campaigns/${campaign.id}/messages`,
      { messages: Array.from({ length: MESSAGES }, (_, i) => ({ email: `r${i}@bench.example` })) },
    );
    const messageIds = created.messages.map((message) => message.id);
    await database.connect();
    const databaseName = new URL(suite.databaseUrl).pathname.slice(1);
    const recorderMeter = cpuMeter(async () => [recorder.pid]);
    const databaseMeter = cpuMeter(() => postgresBackendPids(database, databaseName));
    const counted = async () =>
      (await database.query(`SELECT count(*)::int AS n FROM email.opens`)).rows[0].n;
    // Idle: lease renewals, partition balancing, consumers waiting on empty partitions.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await Promise.all([recorderMeter.start(), databaseMeter.start()]);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const idle = { recorder: await recorderMeter.stop(), database: await databaseMeter.stop() };
    const loadBefore = load1();
    const js = nc.jetstream();
    const batches = new Map();
    const started = Date.now();
    await Promise.all([recorderMeter.start(), databaseMeter.start()]);
    for (let i = 0; i < hits; i++) {
      // 4,096 /24 sources, one per hit at random, from recipients' mail clients.
      const source = Math.floor(Math.random() * 4096);
      const ip = `10.${source >> 8}.${source & 255}.${1 + (i % 250)}`;
      const partition = pixelHitPartition(ip);
      const batch = batches.get(partition) ?? [];
      batches.set(partition, batch);
      batch.push({
        hitId: randomUUID(),
        messageId: messageIds[Math.floor(Math.random() * messageIds.length)],
        at: new Date().toISOString(),
        userAgent: USER_AGENT,
        ip,
      });
      if (batch.length === 256 || i === hits - 1)
        for (const [p, pending] of [...batches].filter(
          ([, b]) => b.length === 256 || i === hits - 1,
        )) {
          const batchId = randomUUID();
          await js.publish(
            `${suite.subjectPrefix}${pixelHitsSubject(p)}`,
            JSON.stringify({ batchId, hits: pending }),
            { msgID: batchId },
          );
          batches.delete(p);
        }
    }
    while ((await counted()) < hits && Date.now() - started < DRAIN_TIMEOUT_MS)
      await new Promise((resolve) => setTimeout(resolve, 250));
    const seconds = (Date.now() - started) / 1000;
    const busy = { recorder: await recorderMeter.stop(), database: await databaseMeter.stop() };
    const perHit = (cpu, idleCpu) =>
      Math.round(((cpu - (idleCpu * seconds) / 10) / hits) * 1e7) / 10;
    return {
      hits,
      counted: await counted(),
      secondsUntilAllCounted: seconds,
      cpuSeconds: { recorder: busy.recorder, database: busy.database },
      idleCpuSecondsPer10s: idle,
      microsecondsPerHit: {
        recorder: perHit(busy.recorder, idle.recorder),
        database: perHit(busy.database, idle.database),
        total: perHit(busy.recorder + busy.database, idle.recorder + idle.database),
      },
      loadAverage: [loadBefore, load1()],
    };
  } finally {
    await database.end();
    await nc.close();
    await suite.close();
  }
}

if (process.env.EMAIL_BENCH === 'recording') {
  console.log(JSON.stringify(await recordingCost(), null, 2));
  process.exit(0);
}

if (process.env.EMAIL_BENCH === 'clicks') {
  const file = join(ROOT, 'bench/results/email.json');
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // measuredAt, node and cpus are this run's; the pixel figures keep their own date.
  const kept = { ...previous };
  for (const field of ['measuredAt', 'node', 'cpus']) delete kept[field];
  const result = await clicks();
  writeResults('email', {
    ...kept,
    pixelMeasuredAt: previous.pixelMeasuredAt ?? previous.measuredAt,
    clicks: { ...result, targets: clickTargets(result) },
  });
  process.exit(0);
}

const throughput = await throughputAndZeroLoss();
const restart = await natsRestart();
const clickResult = await clicks();
const meets = ({ pixelDedicatedListener: pixel }) =>
  pixel.ratioToBare >= 0.6 && pixel.latencyP99Ms < 10 && pixel.non2xx === 0;
writeResults('email', {
  connections: CONNECTIONS,
  ...throughput,
  natsRestart: restart,
  clicks: { ...clickResult, targets: clickTargets(clickResult) },
  targets: {
    pixelToBareRatio: '>= 0.6',
    pixelP99Ms: '< 10',
    lost: 0,
    metWithRecorderOnTheSameCores: meets(throughput.comparison),
    metByTheEdgeOnItsOwn: meets(throughput.edgeOnly),
    noneLost: throughput.zeroLoss.lost === 0 && restart.lost === 0,
  },
});
