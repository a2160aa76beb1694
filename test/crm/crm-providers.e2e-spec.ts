import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';
import { natsConnect, waitForEvents } from './crm-events';
import { eventually } from '../support/eventually';

type Behaviour = (request: IncomingMessage, response: ServerResponse) => void;

const json =
  (status: number, body: unknown): Behaviour =>
  (_, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

/**
 * The service runs with its generic HTTP provider pointed at a real local server that
 * misbehaves per domain; the freshness job runs every 300 ms.
 */
describe('CRM providers and freshness against a misbehaving company-data server', () => {
  const apps = new AppSet();
  let service: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let server: Server;
  let nc: NatsConnection;
  let db: Client;
  const requests: { domain: string; authorization?: string }[] = [];
  const behaviours = new Map<string, Behaviour>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      const domain = new URL(request.url ?? '/', 'http://x').searchParams.get('domain') ?? '';
      requests.push({ domain, authorization: request.headers.authorization });
      (behaviours.get(domain) ?? json(404, { error: 'unknown' }))(request, response);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    service = await apps.start('crm-enrichment', {
      env: {
        CRM_HTTP_PROVIDER_URL: `http://127.0.0.1:${port}/companies?domain={domain}`,
        CRM_HTTP_PROVIDER_NAME: 'acme-data',
        CRM_HTTP_PROVIDER_AUTH_HEADER: 'Authorization: Bearer test-secret',
        CRM_HTTP_PROVIDER_TIMEOUT_MS: '300',
        CRM_HTTP_PROVIDER_RETRIES: '1',
        CRM_HTTP_PROVIDER_BREAKER_THRESHOLD: '3',
        CRM_HTTP_PROVIDER_BREAKER_COOLDOWN_MS: '600000',
        CRM_HTTP_PROVIDER_RATE_PER_SECOND: '50',
        CRM_FRESHNESS_INTERVAL_MS: '300',
      },
    });
    api = apiClient((await apps.start('gateway')).url);
    nc = await natsConnect();
    db = new Client({ connectionString: e2eRun().databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await apps.stopAll();
    server.closeAllConnections();
    server.close();
  });

  const createContact = (email: string) =>
    api<{ id: string; accountId: string }>('/v1/crm/contacts', { body: { email } });
  const account = (id: string) =>
    api<
      Record<string, unknown> & {
        provenance: Record<string, { source: string; observedAt: string }>;
      }
    >(`/v1/crm/accounts/${id}`);

  it('fills an account from the HTTP provider, with its auth header, below verified data', async () => {
    behaviours.set(
      'fastco.io',
      json(200, {
        name: 'FastCo GmbH',
        industry: 'Fintech',
        employeeRange: '51-200',
        country: 'Germany',
      }),
    );
    const contact = await createContact('eva.braun@fastco.io');
    expect(contact.status).toBe(201);
    const company = await account(contact.body.accountId);
    expect(company.body).toMatchObject({
      name: 'FastCo GmbH',
      industry: 'Fintech',
      employeeRange: '51-200',
      country: 'DE',
    });
    expect(company.body.provenance.name.source).toBe('provider:acme-data');
    expect(requests.find((r) => r.domain === 'fastco.io')?.authorization).toBe(
      'Bearer test-secret',
    );

    // The curated directory (verified) outranks the HTTP provider (unverified) for the same company.
    behaviours.set('initech.com', json(200, { name: 'Initech Worldwide', industry: 'Staplers' }));
    const initech = await createContact('bob.slydell@initech.com');
    expect((await account(initech.body.accountId)).body).toMatchObject({
      name: 'Initech',
      industry: 'Software',
    });
  });

  it('re-enriches stale accounts and contacts in the background ("dynamic data")', async () => {
    const contact = await createContact('tom.smykowski@fastco.io');
    behaviours.set(
      'fastco.io',
      json(200, {
        name: 'FastCo GmbH',
        industry: 'Fintech',
        employeeRange: '201-500',
        country: 'Germany',
      }),
    );
    // Time passes: the account's and the contact's enriched fields are past their limits.
    await db.query(`UPDATE crm.accounts SET stale_at = now() - interval '1 day' WHERE id = $1`, [
      contact.body.accountId,
    ]);
    const before = await api<{ provenance: Record<string, { observedAt: string }> }>(
      `/v1/crm/contacts/${contact.body.id}`,
    );
    await db.query(`UPDATE crm.contacts SET stale_at = now() - interval '1 day' WHERE id = $1`, [
      contact.body.id,
    ]);

    const events = await waitForEvents(nc, (all) =>
      all.some(
        (e) =>
          e.subject === 'crm.account.updated' &&
          e.data.accountId === contact.body.accountId &&
          e.data.employeeRange === '201-500',
      ),
    );
    const update = events.find(
      (e) =>
        e.subject === 'crm.account.updated' &&
        e.data.accountId === contact.body.accountId &&
        e.data.employeeRange === '201-500',
    );
    expect(update?.data.changedFields).toEqual(['employeeRange']);
    const history = await api<{
      items: { field: string; newValue: unknown; reason: string; actor: string }[];
    }>(`/v1/crm/accounts/${contact.body.accountId}/history`);
    expect(
      history.body.items
        .filter((item) => item.field === 'employeeRange')
        .map((item) => [item.newValue, item.reason, item.actor]),
    ).toEqual([
      ['51-200', 'enrich', 'bootstrap-admin'],
      ['201-500', 'refresh', 'freshness-job'],
    ]);

    const refreshed = await eventually(
      async () => (await api<typeof before.body>(`/v1/crm/contacts/${contact.body.id}`)).body,
      (current) =>
        current.provenance.seniority !== undefined ||
        current.provenance.freeEmail.observedAt !== before.body.provenance.freeEmail.observedAt,
      { timeoutMs: 5000, intervalMs: 200, description: 'the refreshed contact' },
    );
    expect(Date.parse(refreshed.provenance.freeEmail.observedAt)).toBeGreaterThan(
      Date.parse(before.body.provenance.freeEmail.observedAt),
    );
    const staleAt = await db.query(
      `SELECT stale_at > now() AS later FROM crm.contacts WHERE id = $1`,
      [contact.body.id],
    );
    expect(staleAt.rows[0].later).toBe(true);
  });

  it('a slow, failing or garbage-speaking provider never fails or stalls the request', async () => {
    behaviours.set('slowco.io', (_, response) => {
      setTimeout(() => json(200, { name: 'Too Late' })(_, response), 3000).unref();
    });
    behaviours.set('brokenco.io', json(500, { error: 'boom' }));
    behaviours.set('garbageco.io', json(200, '{"name": "Gar'));
    for (const domain of ['slowco.io', 'brokenco.io', 'garbageco.io']) {
      const started = Date.now();
      const contact = await createContact(`someone@${domain}`);
      expect(contact.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(4000); // two 300 ms attempts, not the 3 s answer
      const company = await account(contact.body.accountId);
      expect(company.body.provenance.name.source).toBe('rule:domain');
    }
    // A timeout or a 500 is retried once; garbage is not retried.
    expect(requests.filter((r) => r.domain === 'slowco.io')).toHaveLength(2);
    expect(requests.filter((r) => r.domain === 'brokenco.io')).toHaveLength(2);
    expect(requests.filter((r) => r.domain === 'garbageco.io')).toHaveLength(1);
  });

  it('opens the circuit after repeated failures: the provider is no longer called', async () => {
    const before = requests.length;
    for (const domain of ['down-one.io', 'down-two.io', 'down-three.io']) {
      behaviours.set(domain, json(503, 'unavailable'));
      expect((await createContact(`x@${domain}`)).status).toBe(201);
    }
    const metrics = await fetch(`${service.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(
      /crm_provider_lookups_total\{provider="acme-data",outcome="circuit_open"\} [1-9]/,
    );
    expect(requests.length - before).toBeLessThanOrEqual(2);
    expect(requests.slice(before).every((r) => r.domain === 'down-one.io')).toBe(true);
  });
});
