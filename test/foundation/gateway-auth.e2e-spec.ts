import { AppSet, RunningApp } from '../support/apps';
import { apiClient, postOverLimit } from '../support/http';
import { e2eRun } from '../support/test-env';

describe('gateway: API keys, scopes, rate limits, public routes', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    await apps.start('glossary');
    gateway = await apps.start('gateway');
    api = apiClient(gateway.url);
  });
  afterAll(() => apps.stopAll());

  it('answers 401 problem+json without a key and with an unknown key', async () => {
    for (const key of [null, 'ssk_not_a_real_key']) {
      const response = await api('/v1/glossary/terms/sales-champion', { key });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        status: 401,
        code: 'UNAUTHENTICATED',
        instance: '/v1/glossary/terms/sales-champion',
      });
    }
  });

  it('creates a key shown once, lists it by prefix only, enforces its scopes, and revokes it', async () => {
    const created = await api<{ id: string; key: string; prefix: string; scopes: string[] }>(
      '/v1/admin/api-keys',
      {
        body: { name: 'reader', scopes: ['glossary:read'] },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^ssk_/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);

    const listed = await api<Record<string, unknown>[]>('/v1/admin/api-keys');
    const entry = listed.body.find((key) => key.id === created.body.id)!;
    expect(entry).toMatchObject({
      name: 'reader',
      prefix: created.body.prefix,
      scopes: ['glossary:read'],
      revokedAt: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);

    const reader = created.body.key;
    expect((await api('/v1/glossary/terms/sales-champion', { key: reader })).status).toBe(200);
    const viaHeader = await api('/v1/glossary/terms/sales-champion', {
      key: null,
      headers: { 'x-api-key': reader },
    });
    expect(viaHeader.status).toBe(200);

    const write = await api('/v1/glossary/terms', {
      key: reader,
      body: { slug: 'scope-check', name: 'Scope check', definition: 'Never stored.' },
    });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['glossary:write'] });
    expect((await api('/v1/admin/api-keys', { key: reader })).status).toBe(403);

    expect((await api(`/v1/admin/api-keys/${created.body.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await api('/v1/glossary/terms/sales-champion', { key: reader })).status).toBe(401);
  });

  it('validates admin input and ids', async () => {
    const bad = await api('/v1/admin/api-keys', {
      body: { name: 'x', scopes: ['glossary:read', 'root'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'scopes' }] });
    expect((await api('/v1/admin/api-keys/not-a-uuid', { method: 'DELETE' })).status).toBe(400);
    const unknown = await api('/v1/admin/api-keys/00000000-0000-4000-8000-000000000000', {
      method: 'DELETE',
    });
    expect(unknown.status).toBe(404);
  });

  it('keeps health, metrics and the OpenAPI docs public', async () => {
    expect((await api('/health/live', { key: null })).status).toBe(200);
    expect((await api('/health/ready', { key: null })).status).toBe(200);
    const metrics = await api<string>('/metrics', { key: null });
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('http_server_requests_total');
    expect(metrics.body).toContain('nats_client_requests_total');
    const docs = await api<{ paths: Record<string, unknown> }>('/docs-json', { key: null });
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/glossary/terms',
        '/v1/glossary/terms/{slug}',
        '/v1/admin/api-keys',
      ]),
    );
    expect((await api<string>('/docs', { key: null })).status).toBe(200);
  });

  it('refuses oversized bodies and malformed JSON with problem+json, not 500', async () => {
    const tooBig = await postOverLimit(`${gateway.url}/v1/glossary/terms`, 2 * 1024 * 1024, {
      'content-type': 'application/json',
      authorization: `Bearer ${e2eRun().adminKey}`,
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const malformed = await api('/v1/glossary/terms', {
      rawBody: '{"slug":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  describe('with a low rate limit', () => {
    let limited: RunningApp;
    beforeAll(async () => {
      limited = await apps.start('gateway', { env: { RATE_LIMIT_PER_MINUTE: '5' } });
    });

    it('answers 429 with Retry-After once a key spends its budget', async () => {
      const call = apiClient(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push((await call('/v1/glossary/terms/open-rate')).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const refused = await call('/v1/glossary/terms/open-rate');
      expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await call('/health/ready', { key: null })).status).toBe(200);
    });
  });
});
