import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { metricValue } from '../support/metrics';

/** Term reads the glossary service answered (NATS requests on glossary.term.get). */
const servedByGlossary = (glossary: RunningApp) =>
  metricValue(glossary, 'nats_server_requests_total', {
    subject: 'glossary.term.get',
    outcome: 'ok',
  });

const PATH = '/v1/glossary/terms/sales-champion';

describe('gateway: term reads answered from its cache', () => {
  const apps = new AppSet();
  let glossary: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let limitedApi: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    glossary = await apps.start('glossary');
    const [gateway, limited] = await Promise.all([
      apps.start('gateway'),
      apps.start('gateway', { env: { RATE_LIMIT_PER_MINUTE: '3' } }),
    ]);
    api = apiClient(gateway.url);
    limitedApi = apiClient(limited.url);
  });
  afterAll(() => apps.stopAll());

  it('answers a cached term exactly as the first, uncached answer, without asking the service', async () => {
    const before = await servedByGlossary(glossary);
    const first = await api(PATH);
    const second = await api(PATH);
    expect(await servedByGlossary(glossary)).toBe(before + 1);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    for (const header of [
      'content-type',
      'etag',
      'content-security-policy',
      'x-content-type-options',
      'strict-transport-security',
    ])
      expect(second.headers.get(header)).toBe(first.headers.get(header));
    expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('answers 304 to If-None-Match naming the cached version, 200 otherwise', async () => {
    const { headers } = await api(PATH);
    const etag = headers.get('etag')!;
    const fresh = await api(PATH, { headers: { 'if-none-match': etag } });
    expect(fresh.status).toBe(304);
    expect(fresh.body).toBe('');
    expect(fresh.headers.get('etag')).toBe(etag);
    expect((await api(PATH, { headers: { 'if-none-match': '"999"' } })).status).toBe(200);
  });

  it('refuses a missing, unknown or under-scoped key for a cached term as for any other', async () => {
    await api(PATH);
    const missing = await api(PATH, { key: null });
    const unknown = await api(PATH, { key: 'ssk_not_a_real_key' });
    for (const refused of [missing, unknown]) {
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED', instance: PATH });
    }
    const writer = await api<{ key: string }>('/v1/admin/api-keys', {
      body: { name: 'crm-only', scopes: ['crm:read'] },
    });
    const forbidden = await api(PATH, { key: writer.body.key });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['glossary:read'] });
  });

  it('counts cached answers against the key rate limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await limitedApi(PATH)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('answers the new version at once after an edit through the gateway', async () => {
    const { headers } = await api(PATH);
    const changed = await api<{ version: number; definition: string }>(PATH, {
      method: 'PATCH',
      body: { tags: ['cached-read-check'] },
      headers: { 'if-match': headers.get('etag')! },
    });
    expect(changed.status).toBe(200);
    const after = await api<{ version: number; tags: string[] }>(PATH);
    expect(after.body.version).toBe(changed.body.version);
    expect(after.body.tags).toEqual(['cached-read-check']);
  });
});
