// Glossary benchmark (issue targets in brackets), with 10,000 generated terms loaded:
//  - search and suggest through the gateway at a steady 200 requests/s (evenly spaced arrivals,
//    latency from each request's due time): p99 [< 25 ms]
//  - annotate of a 50 KB text inside the service [< 20 ms]
//  - GET /terms/:slug through the gateway vs a bare Fastify route serving the same JSON from
//    memory in its own process, alternating rounds in the same run [gateway ≥ 40% of bare]
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startBareServer } from './support/bare-server.mjs';
import { steadyLoad } from './support/steady-load.mjs';
import { createSuite, writeResults } from './support/suite.mjs';

const TERMS = 10_000;
const RATE_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RATE = 200;
const GET_ROUNDS = 3;
const GET_LOAD = { connections: 20, duration: 5 };

// The ceiling for GET /terms/:slug: Fastify answering the same JSON from memory.
const BARE_FASTIFY = `
const term = JSON.parse(process.env.TERM_JSON);
const app = require('fastify')();
app.get('/v1/glossary/terms/:slug', async () => term);
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.send('ready'));
`;
const require = createRequire(import.meta.url);
const DIST = process.env.SALES_SUITE_DIST ?? join(import.meta.dirname, '../dist');

// A small deterministic generator: the same terms and texts every run.
let seed = 7;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const WORDS = (
  'account pipeline quota revenue churn forecast deal prospect lead funnel velocity ' +
  'territory renewal upsell discount margin buyer champion committee persona segment ' +
  'cadence outreach signal intent enrichment attribution cohort retention expansion ' +
  'onboarding playbook objection negotiation procurement contract pricing bundle tier'
).split(' ');
const pick = () => WORDS[random(WORDS.length)];
// Definitions draw on a wider vocabulary (3,000 made-up words) so that, as in a real glossary,
// a query word appears in a few definitions rather than in every second one.
const SYLLABLES = 'ka lo mi ra ne to su vi de fa po ri gu be la no'.split(' ');
const PROSE = Array.from(
  { length: 3000 },
  (_, i) =>
    SYLLABLES[i % 16] + SYLLABLES[Math.floor(i / 16) % 16] + SYLLABLES[Math.floor(i / 256) % 16],
);
const prose = () => PROSE[random(PROSE.length)];
const capital = (word) => word[0].toUpperCase() + word.slice(1);

function generatedTerm(i) {
  const words = [pick(), pick(), pick()];
  const name = `${words.map(capital).join(' ')} ${i}`;
  return {
    slug: `${words.join('-')}-${i}`,
    name,
    aliases:
      i % 3 === 0
        ? [
            `${words
              .map((w) => w[0])
              .join('')
              .toUpperCase()}${i}`,
          ]
        : [],
    definition: `The ${words[0]} ${words[1]} ${Array.from({ length: 25 }, prose).join(' ')}.`,
  };
}

async function loadTerms(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const terms = Array.from({ length: TERMS }, (_, i) => generatedTerm(i));
  for (let start = 0; start < terms.length; start += 1000) {
    const batch = terms.slice(start, start + 1000);
    await client.query(
      `INSERT INTO glossary.terms (slug, name, definition, aliases, status)
       SELECT slug, name, definition, ARRAY(SELECT jsonb_array_elements_text(aliases)), 'approved'
       FROM jsonb_to_recordset($1::jsonb) AS t(slug text, name text, definition text, aliases jsonb)`,
      [JSON.stringify(batch)],
    );
  }
  await client.query('ANALYZE glossary.terms');
  await client.end();
  return terms;
}

function run(options) {
  return autocannon({ connections: 10, duration: RATE_SECONDS, ...options });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** About 50 KB of prose with term names, aliases and near misses in it. */
function annotateText(terms) {
  const parts = [];
  let length = 0;
  while (length < 50_000) {
    const term = terms[random(terms.length)];
    const piece =
      random(4) === 0
        ? `${term.name.toLowerCase()}, `
        : `${prose()} ${pick()} ${prose()}${random(5) === 0 ? '.' : ''} `;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('').slice(0, 50_000);
}

// The machine may be shared: its load is recorded with the figures.
const loadBefore = loadavg()[0];
const suite = await createSuite('glossary');
try {
  const glossary = await suite.start('glossary');
  const gateway = await suite.start('gateway');
  const headers = { authorization: `Bearer ${suite.adminKey}` };
  console.log(`loading ${TERMS} terms…`);
  const terms = await loadTerms(suite.databaseUrl);

  const searchPaths = [
    'champoin',
    'closed lost',
    'closed-lost',
    'open rates',
    'sko',
    ...terms.slice(0, 200).map((term) => term.name.split(' ').slice(0, 2).join(' ')),
    ...terms.slice(200, 300).map((term) => term.name.replace(/a/, 'e').split(' ')[0]),
  ].map((q) => `/v1/glossary/search?q=${encodeURIComponent(q)}`);
  const suggestPaths = ['s', 'sa', 'sal', 'pipe', 'quo', 'rev', 'chu', 'sko', 'clo', 'ope'].map(
    (prefix) => `/v1/glossary/suggest?prefix=${prefix}`,
  );

  // Warm up: connection pools, the automaton, JIT.
  await run({ url: gateway.url, headers, duration: 3, requests: [{ path: searchPaths[0] }] });
  await fetch(`${gateway.url}/v1/glossary/annotate`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'warm up the automaton' }),
  });

  // Each phase also reports how many answers came from the glossary's result cache.
  const cacheLookups = async (kind) => {
    const body = await (await fetch(`${glossary.url}/metrics`)).text();
    const count = (outcome) =>
      Number(
        new RegExp(
          `^glossary_search_cache_lookups_total\\{kind="${kind}",outcome="${outcome}"\\} (\\S+)$`,
          'm',
        ).exec(body)?.[1] ?? 0,
      );
    return { hit: count('hit'), miss: count('miss') };
  };
  const steady = async (kind, paths) => {
    const before = await cacheLookups(kind);
    const figures = await steadyLoad({
      url: gateway.url,
      headers,
      paths,
      rate: RATE,
      seconds: RATE_SECONDS,
    });
    const after = await cacheLookups(kind);
    const hits = after.hit - before.hit;
    const misses = after.miss - before.miss;
    return { ...figures, cacheHitRatio: Math.round((hits / (hits + misses)) * 1000) / 1000 };
  };
  console.log(`search at ${RATE} req/s…`);
  const search = await steady('search', searchPaths);
  console.log(`suggest at ${RATE} req/s…`);
  const suggest = await steady('suggest', suggestPaths);
  // For context, not a target: every query new to the cache (whole names, some misspelled).
  console.log(`search at ${RATE} req/s, every query a first…`);
  const searchAllMisses = await steady(
    'search',
    terms
      .slice(300, 300 + RATE * RATE_SECONDS)
      .map((term, i) => (i % 2 === 0 ? term.name : term.name.replace(/a/, 'e')))
      .map((q) => `/v1/glossary/search?q=${encodeURIComponent(q)}`),
  );

  console.log('annotate 50 KB…');
  const text = annotateText(terms);
  const metric = async () => {
    const body = await (await fetch(`${glossary.url}/metrics`)).text();
    const value = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(body)?.[1] ?? 0);
    return {
      sum: value('glossary_annotate_duration_seconds_sum'),
      count: value('glossary_annotate_duration_seconds_count'),
    };
  };
  const before = await metric();
  const roundTrips = [];
  let mentions = 0;
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    const response = await fetch(`${gateway.url}/v1/glossary/annotate`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    mentions = (await response.json()).mentions.length;
    roundTrips.push(performance.now() - started);
  }
  const after = await metric();
  // The same automaton in this process, over the same labels: per-call percentiles.
  const { LabelAutomaton } = require(join(DIST, 'apps/glossary/src/domain/label-automaton.js'));
  const labelsOf = (await import('pg')).default;
  const client = new labelsOf.Client({ connectionString: suite.databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    'SELECT slug, name, aliases, hidden_labels FROM glossary.terms',
  );
  await client.end();
  const buildStarted = performance.now();
  const automaton = new LabelAutomaton(
    rows.flatMap((row) => [
      { text: row.name, slug: row.slug, priority: 0 },
      ...row.aliases.map((alias) => ({ text: alias, slug: row.slug, priority: 1 })),
      ...row.hidden_labels.map((label) => ({ text: label, slug: row.slug, priority: 2 })),
    ]),
  );
  const buildMs = performance.now() - buildStarted;
  const inProcess = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    automaton.find(text);
    inProcess.push(performance.now() - started);
  }
  inProcess.sort((a, b) => a - b);
  roundTrips.sort((a, b) => a - b);
  const annotate = {
    textChars: text.length,
    labels: automaton.labelCount,
    mentionsFound: mentions,
    serviceMeanMs: ((after.sum - before.sum) / (after.count - before.count)) * 1000,
    automatonP50Ms: percentile(inProcess, 50),
    automatonP99Ms: percentile(inProcess, 99),
    automatonBuildMs: buildMs,
    gatewayRoundTripP50Ms: percentile(roundTrips, 50),
    gatewayRoundTripP99Ms: percentile(roundTrips, 99),
  };

  console.log('GET /terms/:slug vs bare Fastify…');
  const slug = 'sales-champion';
  const term = await (await fetch(`${gateway.url}/v1/glossary/terms/${slug}`, { headers })).json();
  const bare = await startBareServer(BARE_FASTIFY, { TERM_JSON: JSON.stringify(term) });
  // Alternating rounds, so that load from elsewhere on the machine hits both alike.
  const rounds = [];
  for (let round = 0; round < GET_ROUNDS; round++) {
    const bareRun = await run({ url: `${bare.url}/v1/glossary/terms/${slug}`, ...GET_LOAD });
    const gatewayRun = await run({
      url: `${gateway.url}/v1/glossary/terms/${slug}`,
      headers,
      ...GET_LOAD,
    });
    rounds.push({
      bareRequestsPerSecond: bareRun.requests.average,
      gatewayRequestsPerSecond: gatewayRun.requests.average,
      gatewayNon2xx: gatewayRun.non2xx + gatewayRun.errors,
      gatewayP99Ms: gatewayRun.latency.p99,
    });
  }
  await bare.stop();
  // The gateway's own floor, for context: a public route with no NATS call behind it.
  const liveResult = await run({ url: `${gateway.url}/health/live`, ...GET_LOAD });
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const getTerm = {
    rounds,
    gatewayHealthLiveRequestsPerSecond: liveResult.requests.average,
    gatewayRequestsPerSecond: median(rounds.map((r) => r.gatewayRequestsPerSecond)),
    bareFastifyRequestsPerSecond: median(rounds.map((r) => r.bareRequestsPerSecond)),
    ratio: median(rounds.map((r) => r.gatewayRequestsPerSecond / r.bareRequestsPerSecond)),
    gatewayNon2xx: rounds.reduce((sum, r) => sum + r.gatewayNon2xx, 0),
    gatewayP99Ms: median(rounds.map((r) => r.gatewayP99Ms)),
  };

  const targets = {
    searchP99Under25Ms: search.p99Ms < 25 && search.non2xx === 0,
    suggestP99Under25Ms: suggest.p99Ms < 25 && suggest.non2xx === 0,
    annotateUnder20MsInService: annotate.serviceMeanMs < 20 && annotate.automatonP99Ms < 20,
    getTermAtLeast40PercentOfBare: getTerm.ratio >= 0.4,
  };
  writeResults('glossary', {
    loadAverage1m: { before: loadBefore, after: loadavg()[0] },
    terms: TERMS + 15,
    steadyRatePerSecond: RATE,
    steadySeconds: RATE_SECONDS,
    search,
    suggest,
    searchAllMisses,
    annotate,
    getTerm,
    targets,
  });
} finally {
  await suite.close();
}
