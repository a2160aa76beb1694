// Soak: the whole suite (the five apps, one replica each) under steady mixed load for a long
// while — pixel hits, lead creations and stage moves, contact creations, glossary reads, campaign
// stats — sampling every app's resident memory (RSS) every few seconds. Reports, per app, its RSS
// at idle, at the end of warm-up and at the end, its growth after warm-up and the slope of a
// least-squares line through the samples after warm-up, into bench/results/soak.json. RSS alone
// cannot tell a leak from V8 growing its heap towards its limit, so each app's V8 heap in use is
// sampled too (its /metrics, prom-client's nodejs_heap_size_used_bytes): the lowest value of each
// minute is what survived the garbage collections of that minute, and a leak shows as a rising
// floor. Not part of
// `npm test` nor of `npm run bench`: `npm run bench:soak` (10 minutes), `-- --minutes 3` to shorten.
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { load1, rssMb } from './support/proc.mjs';
import { createSuite, freePort, writeResults } from './support/suite.mjs';

const { values: args } = parseArgs({
  options: { minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '10' } },
});
const MINUTES = Number(args.minutes);
if (!(MINUTES > 0)) {
  console.error('Usage: node bench/soak.mjs [--minutes <n>] (default 10)');
  process.exit(2);
}
/** Requests per second of each kind: a steady working day's mix, not a stress test. */
const RATES = { pixel: 200, lead: 4, transition: 4, contact: 4, glossary: 20, stats: 1 };
/** The first fifth of the run (at least a minute, unless the run is shorter): JIT, pools, caches. */
const WARM_UP_SECONDS = Math.min(Math.max(60, MINUTES * 12), MINUTES * 30);
const SAMPLE_EVERY_MS = 5000;
const APPS = ['glossary', 'crm-enrichment', 'lead-funnel', 'email-tracking'];
const MESSAGES = 500;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// node:http with a keep-alive agent rather than fetch: undici's pool scans all of its clients for
// each new request, which at hundreds of requests per second stalls the load generator itself.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One request; answers its status and its body (parsed when JSON). */
function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method, headers, timeout: 20_000 }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const json = (response.headers['content-type'] ?? '').includes('json');
        resolve({ status: response.statusCode, body: json ? JSON.parse(text) : text });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

function api(base, key, path, body) {
  return send(`${base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${key}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** A setup request: anything but a 2xx stops the soak. */
async function setup(base, key, path, body) {
  const response = await api(base, key, path, body);
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Sends one kind of request at a steady rate until `until` (ms, performance.now()): everything
 * due goes out, then one wait. Counts answers by status class.
 */
async function steady(rate, until, send, counts) {
  const started = performance.now();
  const pending = new Set();
  let next = 0;
  while (performance.now() < until) {
    while (started + (next * 1000) / rate <= performance.now()) {
      const request = send(next++).then(
        (status) => {
          if (status === null) return;
          const key = status >= 200 && status < 300 ? 'ok' : `status${status}`;
          counts[key] = (counts[key] ?? 0) + 1;
        },
        () => (counts.errors = (counts.errors ?? 0) + 1),
      );
      pending.add(request);
      void request.finally(() => pending.delete(request));
    }
    await sleep(Math.max(1, started + (next * 1000) / rate - performance.now()));
  }
  await Promise.all(pending);
}

/** Least-squares slope of (seconds, MB) pairs, in MB per minute. */
function slopePerMinute(points) {
  const n = points.length;
  if (n < 2) return 0;
  const mean = (values) => values.reduce((sum, value) => sum + value, 0) / n;
  const mx = mean(points.map(([x]) => x));
  const my = mean(points.map(([, y]) => y));
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : Math.round((num / den) * 60 * 100) / 100;
}

/** V8 heap in use (MB) as the app's /metrics reports it at this moment; null when unanswered. */
async function heapUsedMb(url) {
  try {
    const { status, body } = await send(`${url}/metrics`);
    const match = status === 200 && /^nodejs_heap_size_used_bytes (\S+)$/m.exec(String(body));
    return match ? Math.round(Number(match[1]) / 1024 / 1024) : null;
  } catch {
    return null;
  }
}

/** The lowest heap sample of each whole minute after warm-up, as [seconds, MB]. */
function heapFloors(samples, app) {
  const minutes = new Map();
  for (const { at, heap } of samples) {
    if (at < WARM_UP_SECONDS || heap[app] === null) continue;
    const minute = Math.floor(at / 60);
    minutes.set(minute, [...(minutes.get(minute) ?? []), heap[app]]);
  }
  // A minute cut short by the end of the run may have seen no collection.
  return [...minutes]
    .filter(([, mbs]) => mbs.length >= (60_000 / SAMPLE_EVERY_MS) * 0.8)
    .map(([minute, mbs]) => [minute * 60, Math.min(...mbs)]);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const suite = await createSuite('soak');
  try {
    const apps = {};
    for (const app of APPS) apps[app] = await suite.start(app, { CRM_FRESHNESS_INTERVAL_MS: '0' });
    const pixelPort = await freePort();
    apps.gateway = await suite.start('gateway', { PIXEL_HTTP_PORT: String(pixelPort) });
    const base = apps.gateway.url;
    const key = suite.adminKey;

    const campaign = await setup(base, key, '/v1/email/campaigns', {
      name: 'soak',
      subject: 'soak',
    });
    const created = await setup(base, key, `/v1/email/campaigns/${campaign.id}/messages`, {
      messages: Array.from({ length: MESSAGES }, (_, i) => ({
        email: `r${i}@soak.bench.example`,
        contactId: `c-soak-${i}`,
      })),
    });
    const pixelPaths = created.messages.map((m) => new URL(m.pixelUrl).pathname);
    const slugs = [];
    for (let i = 0; i < 20; i++) {
      const slug = `soak-term-${i}`;
      await setup(base, key, '/v1/glossary/terms', {
        slug,
        name: `Soak term ${i}`,
        definition: `A term the soak benchmark reads back, number ${i}.`,
      });
      slugs.push(slug);
    }
    await sleep(5000); // let the apps settle before the idle figure
    const idle = Object.fromEntries(Object.entries(apps).map(([app, a]) => [app, rssMb(a.pid)]));

    const samples = [];
    const loadAverages = [];
    const counts = Object.fromEntries(Object.keys(RATES).map((kind) => [kind, {}]));
    const started = performance.now();
    const until = started + MINUTES * 60_000;
    const sampler = setInterval(async () => {
      const at = Math.round((performance.now() - started) / 1000);
      const rss = Object.fromEntries(
        Object.entries(apps).map(([app, a]) => [app, rssMb(a.pid).rssMb]),
      );
      const heap = Object.fromEntries(
        await Promise.all(
          Object.entries(apps).map(async ([app, a]) => [app, await heapUsedMb(a.url)]),
        ),
      );
      samples.push({ at, rss, heap });
      loadAverages.push(load1());
      if (samples.length % 6 === 0)
        console.log(
          `[soak +${at} s] RSS MB ${JSON.stringify(rss)}, answers ${JSON.stringify(counts)}, load ${load1()}`,
        );
    }, SAMPLE_EVERY_MS);

    const leadsToMove = [];
    await Promise.all([
      steady(
        RATES.pixel,
        until,
        async (i) => {
          const message = i % MESSAGES;
          const response = await send(`http://127.0.0.1:${pixelPort}${pixelPaths[message]}`, {
            headers: { 'user-agent': USER_AGENT, 'x-forwarded-for': `10.1.${message & 255}.7` },
          });
          return response.status;
        },
        counts.pixel,
      ),
      steady(
        RATES.lead,
        until,
        async (i) => {
          const response = await api(base, key, '/v1/leads', {
            source: 'referral',
            contactId: `c-soak-${i % MESSAGES}`,
            amount: 100,
          });
          if (response.status === 201) leadsToMove.push(response.body.id);
          return response.status;
        },
        counts.lead,
      ),
      steady(
        RATES.transition,
        until,
        async () => {
          const id = leadsToMove.shift();
          if (!id) return null;
          const response = await api(base, key, `/v1/leads/${id}/transitions`, { to: 'engaged' });
          return response.status === 409 ? null : response.status; // engaged by an open already
        },
        counts.transition,
      ),
      steady(
        RATES.contact,
        until,
        async (i) =>
          (
            await api(base, key, '/v1/crm/contacts', {
              email: `c${i}@soak-contacts.example.com`,
              firstName: 'Soak',
              title: 'VP Sales',
            })
          ).status,
        counts.contact,
      ),
      steady(
        RATES.glossary,
        until,
        async (i) => (await api(base, key, `/v1/glossary/terms/${slugs[i % slugs.length]}`)).status,
        counts.glossary,
      ),
      steady(
        RATES.stats,
        until,
        async () => (await api(base, key, `/v1/email/campaigns/${campaign.id}/stats`)).status,
        counts.stats,
      ),
    ]);
    clearInterval(sampler);
    agent.destroy();

    const perApp = {};
    const heap = {};
    for (const app of Object.keys(apps)) {
      const after = samples.filter((s) => s.at >= WARM_UP_SECONDS);
      const atWarmUp = median(after.slice(0, 3).map((s) => s.rss[app]));
      const atEnd = median(after.slice(-3).map((s) => s.rss[app]));
      perApp[app] = {
        idleMb: idle[app].rssMb,
        endOfWarmUpMb: atWarmUp,
        endMb: atEnd,
        peakMb: rssMb(apps[app].pid).peakRssMb,
        growthAfterWarmUpMb: atEnd - atWarmUp,
        slopeAfterWarmUpMbPerMinute: slopePerMinute(after.map((s) => [s.at, s.rss[app]])),
      };
      const floors = heapFloors(samples, app);
      heap[app] = {
        floorPerMinuteMb: floors.map(([, mb]) => mb),
        floorGrowthMb: floors.length > 1 ? floors[floors.length - 1][1] - floors[0][1] : null,
        floorSlopeMbPerMinute: slopePerMinute(floors),
      };
    }
    return {
      minutes: MINUTES,
      warmUpSeconds: WARM_UP_SECONDS,
      ratesPerSecond: RATES,
      answers: counts,
      loadAverage: {
        min: Math.min(...loadAverages),
        median: median(loadAverages),
        max: Math.max(...loadAverages),
      },
      rss: perApp,
      heapUsedAfterWarmUp: heap,
      samples,
    };
  } finally {
    await suite.close();
  }
}

const figures = await main();
writeResults('soak', figures);
