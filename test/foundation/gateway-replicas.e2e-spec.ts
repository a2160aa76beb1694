import { AppSet, RunningApp } from '../support/apps';
import { apiClient, ApiResponse } from '../support/http';
import { metricValue } from '../support/metrics';
import { TcpProxy } from '../support/tcp-proxy';
import { e2eRun } from '../support/test-env';

const LIMIT = 300;
/**
 * The bound the issue states for a revocation, a scope change or a term edit to reach every
 * gateway (1 s), plus 1 s of slack for HTTP round trips on a loaded 2-core machine: measured to
 * the end of the first answer that shows the change. Far below the 30 s cache TTL either way.
 */
const PROPAGATION_MS = 1000 + 1000;

type Api = ReturnType<typeof apiClient>;

/** Polls `check` until it holds; fails unless an answer that holds has come within `timeoutMs`. */
async function within(timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const holds = await check();
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    if (holds) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function expectUnavailable(response: ApiResponse): void {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(response.body).toMatchObject({ status: 503, retryAfterSeconds: 1 });
}

describe('three gateway replicas: one rate limit, one view of keys and terms, clean failover', () => {
  const apps = new AppSet();
  /** Gateway C reaches NATS through this relay, so that a test can take NATS away from it alone. */
  const natsToC = new TcpProxy('127.0.0.1', Number(new URL(e2eRun().natsUrl).port || 4222));
  let glossary: RunningApp;
  let gateways: RunningApp[];
  let api: Api[];

  beforeAll(async () => {
    glossary = await apps.start('glossary');
    const env = { RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    await natsToC.start();
    // Started side by side; on a loaded machine three boots together take longer than one.
    const natsUrls = [e2eRun().natsUrl, e2eRun().natsUrl, `nats://127.0.0.1:${natsToC.port}`];
    gateways = await Promise.all(
      natsUrls.map((natsUrl) =>
        apps.start('gateway', { env: { ...env, NATS_URL: natsUrl }, waitUntilReady: false }),
      ),
    );
    await Promise.all(gateways.map((gateway) => gateway.waitUntilReady(90_000)));
    api = gateways.map((gateway) => apiClient(gateway.url));
  });
  afterAll(async () => {
    await apps.stopAll();
    await natsToC.close();
  });

  async function createKey(name: string, scopes: string[]): Promise<{ id: string; key: string }> {
    const created = await api[0]<{ id: string; key: string }>('/v1/admin/api-keys', {
      body: { name, scopes },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('holds a key to its limit across the three, for a client spreading requests round-robin', async () => {
    // Every gateway has heard the two others (so each rations the last requests of the window).
    for (const gateway of gateways)
      await within(
        5000,
        async () => (await metricValue(gateway, 'gateway_rate_limit_replicas')) === 3,
      );
    const { key } = await createKey('round-robin', ['glossary:read']);
    // The term is in every gateway's cache: the run measures the limiter, not the glossary.
    for (const call of api) expect((await call('/v1/glossary/terms/open-rate')).status).toBe(200);
    // 2·L requests at ~100/s take 6 s: start them inside one minute, so one window holds them all.
    const msLeftInWindow = 60_000 - (Date.now() % 60_000);
    if (msLeftInWindow < 9000)
      await new Promise((resolve) => setTimeout(resolve, msLeftInWindow + 100));

    const sends: Promise<number>[] = [];
    const started = Date.now();
    for (let i = 0; i < 2 * LIMIT; i++) {
      const due = started + i * 10;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      sends.push(api[i % 3]('/v1/glossary/terms/open-rate', { key }).then((r) => r.status));
    }
    const statuses = await Promise.all(sends);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    const accepted = statuses.filter((status) => status === 200).length;
    expect(accepted).toBeGreaterThanOrEqual(0.9 * LIMIT);
    expect(accepted).toBeLessThanOrEqual(1.1 * LIMIT);

    // Whichever gateway is asked next refuses, with a Retry-After that points into the window.
    for (const call of api) {
      const refusedNow = await call('/v1/glossary/terms/open-rate', { key });
      expect(refusedNow.status).toBe(429);
      const retryAfter = Number(refusedNow.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
  });

  it('refuses a key revoked through gateway A on B and C within 1 s', async () => {
    const { id, key } = await createKey('to-revoke', ['glossary:read']);
    // B and C have verified (and cached) the key.
    for (const call of api)
      expect((await call('/v1/glossary/terms/open-rate', { key })).status).toBe(200);

    expect((await api[0](`/v1/admin/api-keys/${id}`, { method: 'DELETE' })).status).toBe(204);
    await Promise.all(
      [api[1], api[2]].map((call) =>
        within(
          PROPAGATION_MS,
          async () => (await call('/v1/glossary/terms/open-rate', { key })).status === 401,
        ),
      ),
    );
  });

  it('applies a scope change made through gateway A on B and C within 1 s', async () => {
    const { id, key } = await createKey('to-narrow', ['glossary:read', 'glossary:write']);
    for (const call of api)
      expect((await call('/v1/glossary/categories', { key })).status).toBe(200);

    const patched = await api[0](`/v1/admin/api-keys/${id}`, {
      method: 'PATCH',
      body: { scopes: ['crm:read'], name: 'narrowed' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, name: 'narrowed', scopes: ['crm:read'] });

    await Promise.all(
      [api[1], api[2]].map((call) =>
        within(
          PROPAGATION_MS,
          async () => (await call('/v1/glossary/categories', { key })).status === 403,
        ),
      ),
    );
    const refused = await api[2]('/v1/glossary/categories', { key });
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['glossary:read'] });

    const invalid = await api[0](`/v1/admin/api-keys/${id}`, {
      method: 'PATCH',
      body: { scopes: ['root'] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'scopes' }],
    });
    const unknown = await api[0]('/v1/admin/api-keys/00000000-0000-4000-8000-000000000000', {
      method: 'PATCH',
      body: { name: 'nobody' },
    });
    expect(unknown.status).toBe(404);

    const docs = await api[0]<{ paths: Record<string, Record<string, { responses: object }>> }>(
      '/docs-json',
      { key: null },
    );
    expect(Object.keys(docs.body.paths['/v1/admin/api-keys/{id}'].patch.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '503']),
    );
  });

  it('forgets every cached key when it gets NATS back, so a revocation it missed applies then', async () => {
    const { id, key } = await createKey('missed-revocation', ['admin']);
    const listOnC = async () => (await api[2]('/v1/admin/api-keys', { key })).status;
    natsToC.cut();
    try {
      // C notices NATS is gone (and forgets its keys), then caches this one again from PostgreSQL.
      await within(
        10_000,
        async () => (await metricValue(gateways[2], 'gateway_rate_limit_replicas')) === 1,
      );
      expect(await listOnC()).toBe(200);
      expect((await api[0](`/v1/admin/api-keys/${id}`, { method: 'DELETE' })).status).toBe(204);
      // C missed the broadcast: its cached entry still lets the key in.
      expect(await listOnC()).toBe(200);
    } finally {
      natsToC.restore();
    }
    // Back on NATS (reconnect attempts every ~0.5 s), C empties its key cache: well before the TTL.
    await within(10_000, async () => (await listOnC()) === 401);
  });

  it('shows a term edited through gateway A in gateway B’s cached read within 1 s', async () => {
    const slug = 'replica-cache-check';
    const created = await api[0]('/v1/glossary/terms', {
      body: { slug, name: 'Replica cache check', definition: 'As first written.' },
    });
    expect(created.status).toBe(201);
    const before = await api[1]<{ definition: string }>(`/v1/glossary/terms/${slug}`);
    expect(before.status).toBe(200);
    // Read twice on B: the second answer comes from B's term cache.
    expect((await api[1](`/v1/glossary/terms/${slug}`)).body).toEqual(before.body);

    const current = await api[0](`/v1/glossary/terms/${slug}`);
    const definition = `${before.body.definition} (edited through another gateway)`;
    const edited = await api[0](`/v1/glossary/terms/${slug}`, {
      method: 'PATCH',
      body: { definition },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(edited.status).toBe(200);
    await within(PROPAGATION_MS, async () => {
      const read = await api[1]<{ definition: string }>(`/v1/glossary/terms/${slug}`);
      return read.body.definition === definition;
    });
  });

  it('answers 503 problem+json with Retry-After, not 500 or a hang, while a service or its database is away', async () => {
    const run = e2eRun();
    await glossary.stop();
    const started = Date.now();
    expectUnavailable(await api[2]('/v1/glossary/categories'));
    expect(Date.now() - started).toBeLessThan(1500);

    // A glossary whose PostgreSQL goes away (a partition, a failover) after it started.
    const database = new URL(run.databaseUrl);
    const proxy = await new TcpProxy(database.hostname, Number(database.port || 5432)).start();
    try {
      database.host = `127.0.0.1:${proxy.port}`;
      glossary = await apps.start('glossary', {
        env: { DATABASE_URL: database.toString() },
        waitUntilReady: false,
      });
      await glossary.waitUntilReady(90_000);
      const term = { slug: 'failover-check', name: 'Failover check', definition: 'Not stored.' };
      proxy.cut();
      const write = await api[1]('/v1/glossary/terms', { body: term, timeoutMs: 5000 });
      expectUnavailable(write);
      expect(write.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      proxy.restore();
      // Back once PostgreSQL answers again (409: a retry after a lost answer had stored it).
      await within(10_000, async () =>
        [201, 409].includes((await api[1]('/v1/glossary/terms', { body: term })).status),
      );
    } finally {
      await glossary.stop();
      await proxy.close();
    }
  });
});
