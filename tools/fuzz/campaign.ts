import { Agent, request as httpRequest } from 'node:http';
import { Client } from 'pg';
import {
  FuzzRequest,
  hostileRequest,
  PathValues,
  sampleValue,
  WireRequest,
} from './hostile-requests';
import { OpenApiDocument, Route, routesFromOpenApi } from './openapi-routes';
import { createPrng } from './prng';
import { changedTables, judgeResponse, RowCounts, Violation } from './verdict';

export interface CampaignOptions {
  gatewayUrl: string;
  /** The run's own database: every table of every schema is counted around refused requests. */
  databaseUrl: string;
  adminKey: string;
  seed: number;
  maxRequests: number;
  /** The campaign stops at `maxRequests` or after this long, whichever comes first. */
  timeBudgetMs: number;
  /** Replay: only these request indexes. */
  only?: number[];
}

export interface Finding {
  seed: number;
  index: number;
  route: string;
  kind: string;
  note: string;
  request: { method: string; path: string; headers: Record<string, string>; body?: string };
  status: number;
  violations: (Violation | 'no-response')[];
  changedTables: string[];
  response: string;
}

export interface CampaignReport {
  seed: number;
  requests: number;
  elapsedMs: number;
  routes: string[];
  byStatus: Record<string, number>;
  byRoute: Record<string, Record<string, number>>;
  byKind: Record<string, Record<string, number>>;
  findings: Finding[];
}

const REPLAY_HINT = 'npm run fuzz -- --seed <seed> --only <index>';

/** The command line that replays one finding against a fresh stack. */
export function replayCommand(finding: Pick<Finding, 'seed' | 'index'>): string {
  return REPLAY_HINT.replace('<seed>', String(finding.seed)).replace(
    '<index>',
    String(finding.index),
  );
}

/** A finding as printed by the e2e spec and `npm run fuzz`: enough to replay it by hand. */
export function describeFinding(finding: Finding): string {
  return [
    `${finding.violations.join(', ')}: ${finding.route} [${finding.kind}: ${finding.note}] → ${finding.status || 'no answer'}`,
    `  seed ${finding.seed}, request ${finding.index}; replay: ${replayCommand(finding)}`,
    `  request: ${JSON.stringify(finding.request)}`,
    ...(finding.changedTables.length > 0
      ? [`  rows changed: ${finding.changedTables.join(', ')}`]
      : []),
    `  answer: ${finding.response}`,
  ].join('\n');
}

/** One line per kind of failure (violation, route, mutation, status), each with its first example. */
export function summarizeFindings(findings: Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.violations.join(', ')}: ${finding.route} [${finding.kind}] → ${finding.status || 'no answer'}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups].map(
    ([key, group]) => `${key} ×${group.length}; first:\n${describeFinding(group[0])}`,
  );
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const started = Date.now();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const database = new Client({ connectionString: options.databaseUrl });
  await database.connect();
  try {
    const document = (await callJson(agent, options, '/docs-json')) as OpenApiDocument;
    const routes = routesFromOpenApi(document);
    const pathValues = await createFixtures(agent, options, routes);
    const countRows = await rowCounter(database);
    const report: CampaignReport = {
      seed: options.seed,
      requests: 0,
      elapsedMs: 0,
      routes: routes.map((route) => `${route.method} ${route.path}`),
      byStatus: {},
      byRoute: {},
      byKind: {},
      findings: [],
    };
    let counts = await settledCounts(countRows);
    const indexes =
      options.only ?? Array.from({ length: options.maxRequests }, (_, index) => index);
    for (const index of indexes) {
      if (Date.now() - started > options.timeBudgetMs) break;
      const route = routes[index % routes.length];
      const fuzz = hostileRequest(routes, options.seed, index, pathValues);
      const before = counts;
      const response = await send(agent, options, fuzz);
      report.requests += 1;
      const routeName = `${route.method} ${route.path}`;
      const status = String(response.status || 'no-response');
      increment(report.byStatus, status);
      increment((report.byRoute[routeName] ??= {}), status);
      increment((report.byKind[fuzz.kind] ??= {}), status);

      const violations: Finding['violations'] =
        response.status === 0 ? ['no-response'] : judgeResponse(response, fuzz.mustRefuse);
      let changed: string[] = [];
      const refused = response.status >= 400 || response.status === 0;
      if (refused) {
        counts = await countRows();
        changed = changedTables(before, counts);
        if (changed.length > 0) {
          // Work started by an earlier accepted request (an import, a consumer) may have ended just
          // now: the request is sent again once all is quiet, and only a change it makes counts.
          const quiet = await settledCounts(countRows);
          await send(agent, options, fuzz);
          counts = await countRows();
          changed = changedTables(quiet, counts);
          if (changed.length > 0) violations.push('partial-write');
        }
      } else if (fuzz.method !== 'GET') {
        // An accepted write may go on in the background (outbox, consumers): wait for it to end.
        counts = await settledCounts(countRows);
      }
      if (violations.length > 0) {
        report.findings.push({
          seed: options.seed,
          index,
          route: routeName,
          kind: fuzz.kind,
          note: fuzz.note,
          request: printable(fuzz),
          status: response.status,
          violations,
          changedTables: changed,
          response: response.body.slice(0, 300),
        });
      }
    }
    report.elapsedMs = Date.now() - started;
    return report;
  } finally {
    agent.destroy();
    await database.end();
  }
}

function increment(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}

/** The request as it can be printed: the admin key is never shown, long bodies are cut. */
function printable(fuzz: FuzzRequest): Finding['request'] {
  return {
    method: fuzz.method,
    path:
      fuzz.path.length > 300
        ? `${fuzz.path.slice(0, 300)}… (${fuzz.path.length} chars)`
        : fuzz.path,
    headers: Object.fromEntries(
      Object.entries({
        ...(fuzz.auth === 'admin' ? { authorization: 'Bearer <admin key>' } : {}),
        ...fuzz.headers,
      }).map(([name, value]) => [
        name,
        value.length > 200 ? `${value.slice(0, 200)}… (${value.length} chars)` : value,
      ]),
    ),
    ...(fuzz.body
      ? {
          body:
            fuzz.body.length > 400
              ? `${fuzz.body.subarray(0, 400).toString('utf8')}… (${fuzz.body.length} bytes)`
              : fuzz.body.toString('utf8'),
        }
      : {}),
  };
}

interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Sends one request; a keep-alive connection the server closed after its previous answer (e.g. a
 * 431) fails at once, so a request that got no answer is tried once more on a new connection.
 */
async function send(
  agent: Agent,
  options: CampaignOptions,
  fuzz: WireRequest,
): Promise<RawResponse> {
  const response = await sendOnce(agent, options, fuzz);
  return response.status === 0 ? sendOnce(false, options, fuzz) : response;
}

function sendOnce(
  agent: Agent | false,
  options: CampaignOptions,
  fuzz: WireRequest,
): Promise<RawResponse> {
  const url = new URL(options.gatewayUrl);
  const headers: Record<string, string> = { ...fuzz.headers };
  if (fuzz.auth === 'admin') headers.authorization = `Bearer ${options.adminKey}`;
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: fuzz.method,
        path: fuzz.path,
        headers,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', () => resolve({ status: 0, contentType: '', body: 'response aborted' }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ status: 0, contentType: '', body: error.message }));
    req.end(fuzz.body);
  });
}

/** GETs `path`, or POSTs `body` to it as JSON, with the admin key; anything but a 2xx throws. */
async function callJson(
  agent: Agent,
  options: CampaignOptions,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const method = body === undefined ? 'GET' : 'POST';
  const response = await send(agent, options, {
    method,
    path,
    auth: 'admin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)) }),
  });
  if (response.status >= 300)
    throw new Error(
      `${method} ${path} answered ${response.status}: ${response.body.slice(0, 300)}`,
    );
  return JSON.parse(response.body);
}

/** Real records for the routes that name one, so mutations also reach the services' writes. */
async function createFixtures(
  agent: Agent,
  options: CampaignOptions,
  routes: Route[],
): Promise<PathValues> {
  const tag = options.seed.toString(36);
  const prng = createPrng(options.seed);
  const post = async (path: string, body: unknown) =>
    (await callJson(agent, options, path, body)) as Record<string, unknown>;
  const schemaOf = (path: string) =>
    routes.find((r) => r.method === 'POST' && r.path === path)?.body?.schema ?? {};
  const contact = await post('/v1/crm/contacts', {
    email: `fuzz.${tag}@example.com`,
    firstName: 'Fuzz',
  });
  const account = await post('/v1/crm/accounts', { domain: `fuzz-${tag}.example` });
  const lead = await post('/v1/leads', { source: 'inbound' });
  const term = await post('/v1/glossary/terms', {
    slug: `fuzz-${tag}`,
    name: 'Fuzz',
    definition: 'A term the fuzzer attacks.',
  });
  const campaign = await post('/v1/email/campaigns', { name: 'Fuzz', subject: 'Fuzz' });
  const messages = await post(
    `/v1/email/campaigns/${String(campaign.id)}/messages`,
    sampleValue(schemaOf('/v1/email/campaigns/{id}/messages'), prng),
  );
  const key = await post('/v1/admin/api-keys', { name: `fuzz-${tag}`, scopes: ['glossary:read'] });
  const firstMessage = (messages.messages ?? messages.items) as
    { id?: string; messageId?: string }[] | undefined;
  return {
    contacts: String(contact.id),
    accounts: String(account.id),
    leads: String(lead.id),
    terms: String(term.slug),
    revisions: '1',
    campaigns: String(campaign.id),
    ...(firstMessage?.[0]
      ? { messages: String(firstMessage[0].id ?? firstMessage[0].messageId) }
      : {}),
    'api-keys': String(key.id),
  };
}

/** One query that counts the rows of every table of every schema of the database. */
async function rowCounter(database: Client): Promise<() => Promise<RowCounts>> {
  const { rows } = await database.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
     ORDER BY 1, 2`,
  );
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const text = rows
    .map(
      ({ schema, name }) =>
        `SELECT ${`'${schema}.${name}'`} AS t, count(*)::int AS n FROM ${ident(schema)}.${ident(name)}`,
    )
    .join(' UNION ALL ');
  return async () => {
    const result = await database.query<{ t: string; n: number }>(text);
    return Object.fromEntries(result.rows.map(({ t, n }) => [t, n]));
  };
}

/** Counts once three reads in a row agree (bounded: a table that never rests is then compared as is). */
async function settledCounts(countRows: () => Promise<RowCounts>): Promise<RowCounts> {
  let previous = await countRows();
  let quietReads = 0;
  for (let attempt = 0; attempt < 100 && quietReads < 3; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const current = await countRows();
    quietReads = changedTables(previous, current).length === 0 ? quietReads + 1 : 0;
    previous = current;
  }
  return previous;
}
