import { randomUUID } from 'node:crypto';
import { createSalesSuiteClient, type Problem, type SalesSuiteClient } from '@sales-suite/client';
import { AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { answerViolations, committedDocument } from '../support/openapi-document';
import { e2eRun } from '../support/test-env';

/** @sales-suite/client against the built gateway, glossary and lead funnel: no mocks. */
describe('@sales-suite/client', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: SalesSuiteClient;
  // Other files share the run's database: this file's data carries its own suffix.
  const suffix = randomUUID().slice(0, 8);

  beforeAll(async () => {
    await apps.start('glossary');
    await apps.start('lead-funnel');
    gateway = await apps.start('gateway', { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    api = createSalesSuiteClient({ baseUrl: gateway.url, apiKey: e2eRun().adminKey });
  });
  afterAll(() => apps.stopAll());

  it('creates a term and reads it back, typed', async () => {
    const slug = `client-term-${suffix}`;
    const created = await api.POST('/v1/glossary/terms', {
      body: { slug, name: `Client term ${suffix}`, definition: 'Made by the typed client.' },
    });
    expect(created.response.status).toBe(201);
    expect(created.response.headers.get('etag')).toBe('"1"');
    expect(created.data).toMatchObject({ slug, version: 1, status: 'draft', replacedBy: null });
    expect(answerViolations('POST', '/v1/glossary/terms', 201, created.data)).toBeNull();

    const read = await api.GET('/v1/glossary/terms/{slug}', { params: { path: { slug } } });
    expect(read.error).toBeUndefined();
    expect(read.data?.definition).toBe('Made by the typed client.');
  });

  it('lists leads with query filters', async () => {
    const contactId = `client-contact-${suffix}`;
    const created = await api.POST('/v1/leads', { body: { source: 'inbound', contactId } });
    expect(created.response.status).toBe(201);
    const lead = created.data!;

    const page = await eventually(
      async () =>
        (
          await api.GET('/v1/leads', {
            params: { query: { contactId, stage: lead.stage, limit: 10 } },
          })
        ).data,
      (data) => data?.items.length === 1,
      { description: 'the new lead in the list' },
    );
    expect(page?.items[0]).toMatchObject({ id: lead.id, contactId, stage: lead.stage });
    expect(answerViolations('GET', '/v1/leads', 200, page)).toBeNull();
  });

  it('answers refusals as typed problem+json', async () => {
    const missing = await api.GET('/v1/glossary/terms/{slug}', {
      params: { path: { slug: `no-such-term-${suffix}` } },
    });
    expect(missing.data).toBeUndefined();
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get('content-type')).toContain('application/problem+json');
    const problem: Problem | undefined = missing.error;
    expect(problem).toMatchObject({ status: 404, code: 'GLOSSARY_TERM_NOT_FOUND' });
    expect(answerViolations('GET', '/v1/glossary/terms/{slug}', 404, problem)).toBeNull();

    const invalid = await api.POST('/v1/leads', {
      // A source the API does not know: the client's types refuse it too.
      body: { source: 'carrier-pigeon' as 'inbound' },
    });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.code).toBe('VALIDATION_FAILED');
    expect(invalid.error?.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'source' })]),
    );

    const anonymous = createSalesSuiteClient({ baseUrl: gateway.url, apiKey: 'not-a-key' });
    const refused = await anonymous.GET('/v1/leads');
    expect(refused.response.status).toBe(401);
    expect(refused.error?.code).toBe('UNAUTHENTICATED');
  });

  it('was generated from the document this gateway serves', async () => {
    const served = await fetch(`${gateway.url}/docs-json`);
    const live = (await served.json()) as { servers: unknown };
    // The running gateway names its PUBLIC_BASE_URL; everything else is the same document.
    expect(live).toEqual({ ...committedDocument, servers: live.servers });
  });

  it('gets answers that fit the schemas the document declares for them', async () => {
    const lead = (await api.POST('/v1/leads', { body: { source: 'referral', amount: 5000 } }))
      .data!;
    const id = { params: { path: { id: lead.id } } };
    const slug = { params: { path: { slug: 'sales-champion' } } };
    const calls = [
      ['GET', '/v1/leads/{id}', await api.GET('/v1/leads/{id}', id)],
      ['GET', '/v1/leads/{id}/history', await api.GET('/v1/leads/{id}/history', id)],
      ['GET', '/v1/leads/{id}/score', await api.GET('/v1/leads/{id}/score', id)],
      ['GET', '/v1/funnel/definition', await api.GET('/v1/funnel/definition')],
      ['GET', '/v1/scoring/model', await api.GET('/v1/scoring/model')],
      ['GET', '/v1/territories', await api.GET('/v1/territories')],
      ['GET', '/v1/glossary/terms/{slug}', await api.GET('/v1/glossary/terms/{slug}', slug)],
      [
        'GET',
        '/v1/glossary/terms/{slug}/revisions',
        await api.GET('/v1/glossary/terms/{slug}/revisions', slug),
      ],
      ['GET', '/v1/glossary/terms', await api.GET('/v1/glossary/terms', {})],
      ['GET', '/v1/glossary/categories', await api.GET('/v1/glossary/categories')],
      [
        'GET',
        '/v1/glossary/search',
        await api.GET('/v1/glossary/search', { params: { query: { q: 'champion' } } }),
      ],
      [
        'GET',
        '/v1/glossary/suggest',
        await api.GET('/v1/glossary/suggest', { params: { query: { prefix: 'cham' } } }),
      ],
      [
        'POST',
        '/v1/glossary/annotate',
        await api.POST('/v1/glossary/annotate', { body: { text: 'Find the Sales Champion.' } }),
      ],
      ['GET', '/v1/admin/api-keys', await api.GET('/v1/admin/api-keys')],
    ] as const;
    const violations = calls.flatMap(([method, path, { data, error, response }]) => {
      const why = answerViolations(method, path, response.status, data ?? error);
      return why ? [`${method} ${path} ${response.status}: ${why}`] : [];
    });
    expect(violations).toEqual([]);
  });
});
